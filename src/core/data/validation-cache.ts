/**
 * What validating each compound folder found, kept between runs: a folder
 * whose files are byte for byte the same, checked on the same day against the
 * same 社区 and companies by the same program, is not parsed again. That is
 * most of a rebuild's validation after a change to one compound.
 *
 * Keys are SHA-256 digests of everything the result depends on: the folder's
 * file names and bytes, the context (the day, the display prefix, the known
 * 社区 and companies) and the program itself (src/core and the lockfile), so
 * a stale entry can only be missed, never used. One v8-serialised file per
 * content folder, replaced whole and atomically. Node only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CompoundContext, CompoundJob, CompoundResult } from './validate-content.ts';

const FILE = 'validation.v8';
const VERSION = 1;

interface Stored {
  version: number;
  context: string;
  entries: [slug: string, key: string, result: CompoundResult][];
}

export interface ValidationCache {
  /** The stored result of a job, if its files and context are unchanged. */
  get(job: CompoundJob): CompoundResult | undefined;
  /** Replaces the stored results with these, one per job, in the jobs' order. */
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

export function openValidationCache(dir: string, context: CompoundContext, program: string): ValidationCache {
  const file = path.join(dir, FILE);
  const digest = contextDigest(context, program);
  const known = new Map<string, { key: string; result: CompoundResult }>();
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    if (stored.version === VERSION && stored.context === digest) {
      for (const [slug, key, result] of stored.entries) known.set(slug, { key, result });
    }
  } catch {
    // No cache yet, or one this program cannot read: every folder is validated.
  }
  const keys = new Map<CompoundJob, string>();
  const keyOf = (job: CompoundJob) => {
    let key = keys.get(job);
    if (!key) {
      key = folderDigest(job);
      keys.set(job, key);
    }
    return key;
  };
  const cache: ValidationCache = {
    hits: 0,
    keyOf,
    get(job) {
      const entry = known.get(job.slug);
      if (!entry || entry.key !== keyOf(job)) return undefined;
      cache.hits += 1;
      return entry.result;
    },
    save(jobs, results) {
      const stored: Stored = {
        version: VERSION,
        context: digest,
        entries: jobs.map((job, i) => [job.slug, keyOf(job), results[i] as CompoundResult]),
      };
      mkdirSync(dir, { recursive: true });
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, serialize(stored));
      renameSync(temporary, file);
    },
  };
  return cache;
}
