/**
 * What validating each compound folder found, kept between runs: a folder
 * whose files are byte for byte the same, checked on the same day against the
 * same 社区 and companies by the same program, is not parsed again. That is
 * most of a rebuild's validation after a change to one compound.
 *
 * Keys are SHA-256 digests of everything the result depends on: the folder's
 * file names and bytes, the context (the day, the display prefix, the known
 * 社区 and companies) and the program itself (src/core and the lockfile), so
 * a stale entry can only be missed, never used.
 *
 * A file holds the answers of one share as the validation process serialised
 * them (load-content.ts): kept as they arrive, they are never serialised
 * again here, which at 10,000 compounds was 0.9 s (2.6 s at 20,000) on the
 * main thread after the last answer. A run adds a file for what it validated
 * and removes the files none of whose entries it used; past MAX_FILES, or
 * with too many entries out of date, the results in use are written again,
 * in fewer files. Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { internStrings } from '../lib/intern.ts';
import { memoize } from '../lib/memo.ts';
import { readKept, readKeptBytes, writeKept } from './kept-file.ts';
import type { CompoundContext, CompoundJob, CompoundResult } from './validate-content.ts';

const FOLDER = 'validation';
const VERSION = 3;
/**
 * Past this many files, or once a quarter as many entries as there are folders are out of date (each
 * still in memory while the cache is read), the results in use are written again in COMPACT_FILES.
 * A full run writes 8 files per core (load-content.ts SHARES_PER_PROCESS): never enough on its own.
 */
const MAX_FILES = Math.max(64, 16 * availableParallelism());
const COMPACT_FILES = 16;

/**
 * What a validation process answers for one folder (load-content.ts validateShare): its result, or that its
 * files are no longer the ones the main process read (changed, gone, or a link now), which then validates
 * its own reading.
 */
export type Answered = { result: CompoundResult } | { changed: true };

/** What one file holds: the slugs and keys of its folders, and their answers, serialised as one array. */
interface Stored {
  version: number;
  context: string;
  slugs: string[];
  keys: string[];
  /** v8-serialised Answered[], one per slug: a folder that changed while it was validated has no result. */
  answers: Uint8Array;
}

export interface ValidationCache {
  /** The stored result of a job, if its files and context are unchanged. */
  get(job: CompoundJob): CompoundResult | undefined;
  /** Keeps the answers a validation process gave for these jobs, as it serialised them. */
  keepAnswers(jobs: readonly CompoundJob[], answers: Uint8Array): void;
  /** Keeps results made in this process. */
  keepResults(jobs: readonly CompoundJob[], results: readonly CompoundResult[]): void;
  /**
   * After the run, with every job's result: removes the files of which no entry is of `jobs` as they are
   * now; past MAX_FILES, or with too many entries out of date, writes the results again in fewer.
   */
  prune(jobs: readonly CompoundJob[], results: readonly CompoundResult[]): void;
  /** Jobs answered from the cache in this run. */
  hits: number;
  /** The digest of a job's folder (folderDigest), computed once. */
  keyOf(job: CompoundJob): string;
}

/**
 * The program's own digest: every file of `paths` (folders or files, relative to the project root; the
 * validation itself by default) and the lockfile.
 */
export function programDigest(projectRoot: string, paths: readonly string[] = ['src/core']): string {
  const hash = createHash('sha256');
  const files = paths.flatMap((relative) => {
    const absolute = path.join(projectRoot, relative);
    if (!statSync(absolute).isDirectory()) return [absolute];
    return readdirSync(absolute, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  });
  for (const file of [...files.sort(), path.join(projectRoot, 'package-lock.json')]) {
    hash.update(path.relative(projectRoot, file)).update('\0');
    hash.update(readFileSync(file, { flag: 'r' }));
  }
  return hash.digest('hex');
}

function contextDigest(context: CompoundContext, program: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        program,
        today: context.today,
        displayPrefix: context.displayPrefix,
        tree: context.tree,
        communities: context.communities ? [...context.communities].sort() : null,
        companies: context.companies ? [...context.companies].sort() : null,
      }),
    )
    .digest('hex');
}

/** The digest of a compound folder: its slug, file names and bytes. */
export function folderDigest(job: CompoundJob): string {
  const hash = createHash('sha256').update(job.slug).update('\0');
  for (const [name, file] of job.files) {
    hash.update(`${name}\0${file.path}\0${file.special ?? ''}\0${file.bytes.length}\0`).update(file.bytes);
  }
  return hash.digest('hex');
}

type Entry = { key: string; result: CompoundResult; file: string };

/**
 * Every entry of this context, by slug (a folder validated again since has an entry in each file; get
 * takes the one whose key is the folder's now), how many each file holds, the names of all the files there
 * and the temporaries a stopped run left. Each file's strings are shared out (`known`, intern.ts) as it is
 * read: a file read back has its own copy of every string, and all of them together were the content twice over.
 */
function readEntries(folder: string, context: string, known: Map<string, string>) {
  const entries = new Map<string, Entry[]>();
  const held = new Map<string, number>();
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const files = names.filter((name) => name.endsWith('.v8'));
  // writeKept's `<file>.<pid>`, of a run stopped before it renamed it.
  const leftovers = names.filter((name) => /\.v8\.\d+$/.test(name));
  for (const file of files) {
    // One this program cannot read, or one of another context: its folders are validated, and it is pruned.
    const stored = readKept<Stored>(path.join(folder, file));
    if (stored?.version !== VERSION || stored.context !== context) continue;
    const answers = readKeptBytes<Answered[]>(stored.answers);
    if (!answers || answers.length !== stored.slugs.length) continue;
    internStrings(answers, known);
    answers.forEach((answer, i) => {
      if ('changed' in answer) return;
      const slug = stored.slugs[i] as string;
      const list = entries.get(slug) ?? [];
      list.push({ key: stored.keys[i] as string, result: answer.result, file });
      entries.set(slug, list);
      held.set(file, (held.get(file) ?? 0) + 1);
    });
  }
  return { entries, held, files, leftovers };
}

/** A file's name from the folders it is of, as they are: a later run that keeps the same folders writes the same file. */
const fileName = (context: string, slugs: readonly string[], keys: readonly string[]) =>
  `${createHash('sha256')
    .update(`${context}\0${slugs.join('\0')}\0${keys.join('\0')}`)
    .digest('hex')
    .slice(0, 32)}.v8`;

export function openValidationCache(
  dir: string,
  context: CompoundContext,
  program: string,
  known = new Map<string, string>(),
): ValidationCache {
  const folder = path.join(dir, FOLDER);
  const digest = contextDigest(context, program);
  const { entries, held, files, leftovers } = readEntries(folder, digest, known);
  const written = new Set<string>();
  const keyOf = memoize(folderDigest);
  /** The job's entry for its folder as it is now, in whichever file holds it. */
  const entryOf = (job: CompoundJob) => entries.get(job.slug)?.find((entry) => entry.key === keyOf(job));
  const write = (jobs: readonly CompoundJob[], answers: Uint8Array) => {
    const slugs = jobs.map((job) => job.slug);
    const keys = jobs.map(keyOf);
    const name = fileName(digest, slugs, keys);
    writeKept(path.join(folder, name), { version: VERSION, context: digest, slugs, keys, answers } satisfies Stored);
    written.add(name);
  };
  const cache: ValidationCache = {
    hits: 0,
    keyOf,
    get(job) {
      const entry = entryOf(job);
      if (!entry) return undefined;
      cache.hits += 1;
      return entry.result;
    },
    keepAnswers: write,
    keepResults(jobs, results) {
      if (jobs.length > 0) write(jobs, serialize(results.map((result): Answered => ({ result }))));
    },
    prune(jobs, results) {
      const used = new Set(written);
      let found = 0;
      for (const job of jobs) {
        const entry = entryOf(job);
        if (!entry) continue;
        used.add(entry.file);
        found += 1;
      }
      for (const file of [...files, ...leftovers]) {
        if (!used.has(file)) rmSync(path.join(folder, file), { force: true });
      }
      // Entries kept in files still in use, beyond the one per folder that is used.
      const outdated = files.reduce((sum, file) => sum + (used.has(file) ? (held.get(file) ?? 0) : 0), 0) - found;
      if (used.size > MAX_FILES || outdated > jobs.length / 4) compact(jobs, results, used);
    },
  };
  /** The results written again in COMPACT_FILES files, and the files they were in removed. */
  const compact = (jobs: readonly CompoundJob[], results: readonly CompoundResult[], used: ReadonlySet<string>) => {
    written.clear();
    const parts = Math.min(COMPACT_FILES, jobs.length);
    for (let part = 0; part < parts; part++) {
      const [from, to] = [part, part + 1].map((at) => Math.floor((at * jobs.length) / parts));
      cache.keepResults(jobs.slice(from, to), results.slice(from, to));
    }
    for (const file of used) if (!written.has(file)) rmSync(path.join(folder, file), { force: true });
  };
  return cache;
}
