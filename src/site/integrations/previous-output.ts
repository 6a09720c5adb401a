/**
 * Building over the previous build's output instead of into an empty folder.
 *
 * Astro empties the output folder before a build unless Vite's `build.emptyOutDir` is false, as
 * astro.config.mjs sets it; its incremental build then leaves a page whose key and code are unchanged
 * where it is ("cached" in the log) instead of copying it back from its cache. At 10,000 compounds the
 * output is 120,000 files, and writing them again took most of a rebuild after a one-compound change.
 * This part makes building in place safe, and extends it to the site files (site-files.ts):
 *
 * - build:start: the folder is built upon only if it is the one the last finished build wrote, by the
 *   same program: a record in the cache names the folder and the size and time of the last file that
 *   build wrote (`_headers`). Otherwise the folder is emptied, as Astro would have done, and Astro
 *   copies the reusable pages from its cache. The record is removed before anything is written: a build
 *   that stops half way is never built upon.
 * - site-files.ts asks `keptUnit(unit, key)` for each compound's downloads and each 社区's printed
 *   pages: files whose key is the one recorded are left as they are. Of the county-wide files made of
 *   one segment per compound, the segments of those compounds are copied (`previousSegments`), and a
 *   file whose segments are all the same is left as it is.
 * - build:done, after every other part: each file the folder held as the build started (listed in the
 *   background meanwhile) that this build neither wrote nor kept (a unit's files, a segmented file) is
 *   removed (a deleted compound's page and downloads, an old script bundle, a search fragment no longer
 *   used); then the new record is written.
 *
 * tests/e2e/reproducible.spec.ts checks that a build over the previous output is byte for byte, and
 * file for file, a clean build.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  type Dirent,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { programDigest } from '../../core/data/validation-cache.ts';
import { type PageEntry, pageRegistry } from './page-registry.ts';

/** What one unit of the site files wrote: under the key it was made with, its files below the output folder. */
export interface OutputUnit {
  key: string;
  files: string[];
}

/** Where each compound's segment is in a segmented file (open-data.ts): the next build copies those that are kept. */
export interface SegmentIndex {
  /** The file's size in bytes. */
  size: number;
  /** The compounds, in the file's order. */
  owners: string[];
  /** For each compound, where its segment starts and how many bytes it has, one pair after another. */
  spans: number[];
  /** A digest of what the file has besides its segments (its head, separator, tail, and its text when it has none). */
  frame: string;
}

export interface OutputRecord {
  version: number;
  /** The output folder the record describes. */
  outDir: string;
  /** The program that wrote it: src/, the configuration, the lockfile. */
  program: string;
  /** The last file the build wrote, as it left it: the folder is the one recorded, and whole. */
  seal: Seal;
  /** The site files (site-files.ts) by unit. */
  units: Record<string, OutputUnit>;
  /** The segmented files, by path below the output folder. */
  segments: Record<string, SegmentIndex>;
}

/** A file's size and modification time to the second: what survives being saved and restored by a CI cache. */
interface Seal {
  size: number;
  mtime: number;
}

const VERSION = 2;
const RECORD = 'gongshi-output.json';
const PAGES = 'gongshi-pages.json';
/** In the cache folder: the output of an earlier build, being removed. */
const TRASH = 'gongshi-output-being-removed';
/** Written last by security-headers.ts, after every page is known. */
const LAST_FILE = '_headers';

interface BuildState {
  previous: OutputRecord | undefined;
  previousPages: Record<string, PageEntry>;
  units: Map<string, OutputUnit>;
  segments: Record<string, SegmentIndex>;
  /** A file modified at or after this (the time of a file made at the start) was written by this build. */
  since: number;
  /** Over the previous output: the files it held as this build started. */
  before: Promise<string[]> | undefined;
  /** Otherwise: the removal of what the folder held, moved aside. */
  emptying: Promise<void> | undefined;
}

const key = Symbol.for('gongshi.previous-output');
const holder = globalThis as Record<symbol, BuildState | undefined>;

function state(): BuildState {
  const current = holder[key];
  if (!current) throw new Error('previous-output.ts: asked before astro:build:start');
  return current;
}

/** Whether a unit's files are kept from the previous build: there, and made with the same key. */
export function keptUnit(unit: string, unitKey: string): OutputUnit | undefined {
  const kept = state().previous?.units[unit];
  return kept?.key === unitKey ? kept : undefined;
}

/** Records what a unit wrote, or kept, in this build: the next build reads it. */
export function recordUnit(unit: string, written: OutputUnit): void {
  state().units.set(unit, written);
}

/** The segmented files the previous build left in the folder; none when it was emptied. */
export function previousSegments(): Record<string, SegmentIndex> {
  return state().previous?.segments ?? {};
}

/** Records where the segments of the files written in this build are: the next build reads it. */
export function recordSegments(segments: Record<string, SegmentIndex>): void {
  Object.assign(state().segments, segments);
}

/** Whether this build is made over the previous one's output (false: into an emptied folder). */
export function buildingInPlace(): boolean {
  return state().previous !== undefined;
}

/** What the previous build recorded of a page it finished (page-registry.ts), by its path under the base. */
export function previousPageEntry(page: string): PageEntry | undefined {
  return state().previousPages[page];
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function sealOf(outDir: string): Seal | undefined {
  const stats = lstatSync(path.join(outDir, LAST_FILE), { throwIfNoEntry: false });
  return stats?.isFile() ? { size: stats.size, mtime: Math.floor(stats.mtimeMs / 1000) } : undefined;
}

const sameSeal = (a: Seal | undefined, b: Seal | undefined) =>
  a !== undefined && b !== undefined && a.size === b.size && a.mtime === b.mtime;

/** What this build is, to compare with the record of the last one. */
interface ThisBuild {
  outDir: string;
  program: string;
  seal: Seal | undefined;
}

/**
 * Why the output folder cannot be built upon, or undefined when it can. Said in the log: a rebuild that
 * writes every file again after a one-line change is otherwise a mystery (most often the program changed,
 * which changes every page's key too: src/site/page-keys.ts).
 */
export function whyNotBuiltUpon(record: OutputRecord | undefined, current: ThisBuild): string | undefined {
  if (!record) return 'no finished build is recorded in the cache (a first build, or the last one stopped)';
  if (record.version !== VERSION) return 'the last build was recorded by another version of this part';
  if (record.outDir !== current.outDir) return `the last build wrote to another folder (${record.outDir})`;
  if (record.program !== current.program) {
    return 'the program changed since the last build (src/, astro.config.mjs or the lockfile)';
  }
  if (!sameSeal(record.seal, current.seal)) return 'the folder is not as the last build left it (its _headers differs)';
  return undefined;
}

/**
 * Empties the output folder as Astro does (a `.git` in it stays). Removing 120,000 files took 18 s of
 * the main thread, so they are moved into the cache folder (a rename, when it is on the same disk) and
 * removed in the background while the build runs; the promise settles when they are gone. What an
 * earlier build that stopped half way left there goes too.
 */
function emptyFolder(outDir: string, cacheDir: string): Promise<void> {
  const names = existsSync(outDir) ? readdirSync(outDir).filter((name) => name !== '.git') : [];
  const trash = path.join(cacheDir, TRASH);
  if (names.length === 0 && !existsSync(trash)) return Promise.resolve();
  mkdirSync(trash, { recursive: true });
  const aside = mkdtempSync(path.join(trash, 'output-'));
  const movable =
    names.length > 0 && path.relative(outDir, aside).startsWith('..') && statSync(outDir).dev === statSync(aside).dev;
  for (const name of names) {
    if (movable) renameSync(path.join(outDir, name), path.join(aside, name));
    else rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
  return removeQuietly(trash);
}

/**
 * Removes a folder in a process of its own at the lowest priority: removing it in this one, even off the
 * main thread, slowed Vite's bundling from 2 s to 14 s on two cores. Resolves when it is gone.
 */
function removeQuietly(folder: string): Promise<void> {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  const child = spawn(process.execPath, ['-e', script, folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  if (child.pid !== undefined) os.setPriority(child.pid, os.constants.priority.PRIORITY_LOW);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`could not remove ${folder} (exit code ${code}): ${errors}`)),
    );
  });
}

/**
 * The files below `dir`, or below its subfolder `relative` (named from `dir`, with `/`), the `.git` at its
 * top left out. Asynchronous, so that the output is listed in the background while the build runs:
 * walking 120,000 files at the end took a second of a small rebuild. A folder removed meanwhile (the
 * search index's, written again) is passed over.
 */
export async function filesBelow(dir: string, relative = ''): Promise<string[]> {
  const folder = path.join(dir, relative);
  let entries: Dirent[] | undefined;
  // Where the file system gives no entry types, Node looks at each entry, and one renamed meanwhile
  // (a `.partial` file) fails the whole listing: the folder is then read again, not passed over.
  for (let attempt = 1; !entries; attempt += 1) {
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 5) throw error;
      if (!existsSync(folder)) return [];
    }
  }
  const nested = await Promise.all(
    entries.map((entry) => {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (!entry.isDirectory()) return [name];
      return !relative && entry.name === '.git' ? [] : filesBelow(dir, name);
    }),
  );
  return nested.flat();
}

/**
 * Removes each of the files the folder held when the build started that this build neither wrote
 * (modified since it started) nor kept, then the folders that leaves empty. Returns how many it removed.
 */
function sweep(outDir: string, before: readonly string[], since: number, kept: Set<string>): number {
  const emptied = new Set<string>();
  let removed = 0;
  for (const name of before) {
    if (kept.has(name)) continue;
    const stats = lstatSync(path.join(outDir, name), { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs >= since) continue;
    unlinkSync(path.join(outDir, name));
    emptied.add(path.posix.dirname(name));
    removed += 1;
  }
  // Deepest first, so that a folder emptied by removing its last folder goes too.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let at = folder; at !== '.'; at = path.posix.dirname(at)) {
      const full = path.join(outDir, at);
      if (!existsSync(full) || readdirSync(full).length > 0) break;
      rmdirSync(full);
    }
  }
  return removed;
}

export function previousOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let program = '';
  return {
    name: 'gongshi-previous-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = path.resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
        const root = fileURLToPath(config.root);
        program = programDigest(root, ['src', 'astro.config.mjs']);
      },
      'astro:build:start': ({ logger }) => {
        mkdirSync(cacheDir, { recursive: true });
        const recordFile = path.join(cacheDir, RECORD);
        const record = readJson<OutputRecord>(recordFile);
        rmSync(recordFile, { force: true });
        const why = whyNotBuiltUpon(record, { outDir, program, seal: sealOf(outDir) });
        const usable = why === undefined;
        const emptying = usable ? undefined : emptyFolder(outDir, cacheDir);
        // Awaited at build:done; a failure is thrown there.
        emptying?.catch(() => {});
        logger.info(usable ? 'building over the previous build’s output' : `the output folder is emptied: ${why}`);
        // The time of a file made now, on the same clock as the files this build writes.
        const marker = path.join(cacheDir, 'gongshi-build-started');
        closeSync(openSync(marker, 'w'));
        holder[key] = {
          previous: usable ? record : undefined,
          // Also when the folder was emptied: the pages Astro copies back from its cache are those pages.
          previousPages: readJson<Record<string, PageEntry>>(path.join(cacheDir, PAGES)) ?? {},
          units: new Map(),
          segments: {},
          since: statSync(marker).mtimeMs,
          before: usable ? filesBelow(outDir) : undefined,
          emptying,
        };
        // Awaited at build:done; a failure is thrown there.
        state().before?.catch(() => {});
      },
      'astro:build:done': async ({ assets, logger }) => {
        const current = state();
        if (current.before) {
          // Every file of Astro's routes, those left in place included.
          const kept = new Set(
            [...assets.values()]
              .flat()
              .map((url) => path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/')),
          );
          for (const unit of current.units.values()) for (const file of unit.files) kept.add(file);
          // A segmented file this build found unchanged is left with the previous build's time.
          for (const file of Object.keys(current.segments)) kept.add(file);
          const removed = sweep(outDir, await current.before, current.since, kept);
          if (removed > 0) logger.info(`${removed} files of the previous build no longer made: removed`);
        }
        await current.emptying;
        const seal = sealOf(outDir);
        if (!seal) throw new Error(`${LAST_FILE} was not written: the next build cannot build over this one`);
        const record: OutputRecord = {
          version: VERSION,
          outDir,
          program,
          seal,
          units: Object.fromEntries(current.units),
          segments: current.segments,
        };
        writeFileSync(path.join(cacheDir, PAGES), JSON.stringify(Object.fromEntries(pageRegistry().byPath)));
        writeFileSync(path.join(cacheDir, RECORD), JSON.stringify(record));
        holder[key] = undefined;
      },
    },
  };
}
