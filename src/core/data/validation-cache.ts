/**
 * What validating each compound folder found, kept between runs: a folder
 * whose files are byte for byte the same, checked on the same day against the
 * same 社区 and companies by the same program, is not parsed again. That is
 * most of a rebuild's validation after a change to one compound.
 *
 * Keys are SHA-256 digests of everything the result depends on: the folder's
 * file names and bytes, the context (the day, the display prefix, the known
 * 社区 and companies) and the program itself (src/core and the lockfile), so
 * a stale entry can only be missed, never used. The entries are spread over
 * SHARDS v8-serialised files by slug; a run rewrites, each atomically, only
 * the files whose entries changed: after a change to one compound, one file
 * of 5 MB instead of 170 MB at 10,000 compounds. Node only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { internStrings } from '../lib/intern.ts';
import { memoize } from '../lib/memo.ts';
import { readKept, writeKept } from './kept-file.ts';
import type { CompoundContext, CompoundJob, CompoundResult } from './validate-content.ts';

const FOLDER = 'validation';
const VERSION = 2;
/** Files the entries are spread over: few enough to read quickly, many enough that one is small. */
const SHARDS = 32;

interface Stored {
  version: number;
  context: string;
  entries: [slug: string, key: string, result: CompoundResult][];
}

export interface ValidationCache {
  /** The stored result of a job, if its files and context are unchanged. */
  get(job: CompoundJob): CompoundResult | undefined;
  /** Replaces the stored results with these, one per job, in the jobs' order; rewrites only the files that change. */
  save(jobs: readonly CompoundJob[], results: readonly CompoundResult[]): void;
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

/** Which file a compound's entry is kept in. */
const shardOf = (slug: string) => (createHash('sha1').update(slug).digest()[0] as number) % SHARDS;

type Entry = { key: string; result: CompoundResult };

/**
 * What each file holds for this context, by slug (an empty map: no file, or one of another context).
 * Each file's strings are shared out (`known`, intern.ts) as it is read: a file read back has its own
 * copy of every string, and all of them together were the content twice over.
 */
function readShards(folder: string, context: string, known: Map<string, string>): Map<string, Entry>[] {
  return Array.from({ length: SHARDS }, (_, shard) => {
    const entries = new Map<string, Entry>();
    // No file yet, one this program cannot read, or one of another context: its folders are validated.
    const stored = readKept<Stored>(path.join(folder, `${shard}.v8`));
    if (stored?.version === VERSION && stored.context === context) {
      internStrings(stored.entries, known);
      for (const [slug, key, result] of stored.entries) entries.set(slug, { key, result });
    }
    return entries;
  });
}

/** Whether a file's entries are the slugs and keys it held already. */
const sameEntries = (stored: Map<string, Entry>, next: Stored['entries']) =>
  stored.size === next.length && next.every(([slug, key]) => stored.get(slug)?.key === key);

export function openValidationCache(
  dir: string,
  context: CompoundContext,
  program: string,
  known = new Map<string, string>(),
): ValidationCache {
  const folder = path.join(dir, FOLDER);
  const digest = contextDigest(context, program);
  const shards = readShards(folder, digest, known);
  const keyOf = memoize(folderDigest);
  const cache: ValidationCache = {
    hits: 0,
    keyOf,
    get(job) {
      const entry = shards[shardOf(job.slug)]?.get(job.slug);
      if (!entry || entry.key !== keyOf(job)) return undefined;
      cache.hits += 1;
      return entry.result;
    },
    save(jobs, results) {
      const next = Array.from({ length: SHARDS }, (): Stored['entries'] => []);
      jobs.forEach((job, i) => {
        next[shardOf(job.slug)]?.push([job.slug, keyOf(job), results[i] as CompoundResult]);
      });
      next.forEach((entries, shard) => {
        const file = path.join(folder, `${shard}.v8`);
        if (sameEntries(shards[shard] as Map<string, Entry>, entries)) return;
        if (entries.length === 0) {
          rmSync(file, { force: true });
          return;
        }
        writeKept(file, { version: VERSION, context: digest, entries } satisfies Stored);
      });
    },
  };
  return cache;
}
