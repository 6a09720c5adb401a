/**
 * Reads from git the day each dated row first reached the repository, and
 * the day each compound folder did (src/core/data/received.ts says how the
 * rules use them). One `git log` over content/compounds, oldest first, and
 * one `git cat-file --batch` for the versions of the dated tables; each
 * version is read with the project's own table reader, so a row is known by
 * its key whatever the file's encoding or column order was then.
 *
 * Only first-parent commits count (on main, the day a pull request was
 * merged), and only those up to the build's today, so a build of an earlier
 * day sees the repository as it stood then. A shallow clone has no history:
 * every compound then keeps its typed dates, as without git.
 *
 * With a cache folder, the state after the last commit read is kept
 * (received.v8), and the next build reads only the commits since: the whole
 * history, every version of every dated table, grows with every merged pull
 * request for as long as the county publishes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dateFromEpochSeconds } from '../lib/calendar.ts';
import { startProcess } from '../lib/run-process.ts';
import { readTable } from './csv-source.ts';
import { git, onFirstParentLine, readBlobs } from './git.ts';
import { readKept, writeKept } from './kept-file.ts';
import type { Received } from './received.ts';
import { COMPOUND_FILE, type CompoundTableFile, DATED_TABLES, rowKey } from './tables.ts';

const DATED = new Set<string>(DATED_TABLES.map((table) => table.file));
const CHECKPOINT_FILE = 'received.v8';
/** The commit the checkpoint was kept at, on its own. */
const HEAD_FILE = 'received.head';
const readHead = (cache: ReceivedCache) => {
  try {
    return readFileSync(path.join(cache.dir, HEAD_FILE), 'utf8');
  } catch {
    return undefined;
  }
};
const CHECKPOINT_VERSION = 1;

interface Version {
  slug: string;
  file: CompoundTableFile;
  blob: string;
  date: string;
}

/** What the commits read so far say: when each folder and each row key first appeared. */
interface State {
  firstCommit: Map<string, string>;
  /** The first day each row key of each compound's table was seen. */
  firstSeen: Map<string, Partial<Record<CompoundTableFile, Map<string, string>>>>;
  /** The latest commit day read: a build whose today is earlier must read from the start. */
  latest: string;
}

/** The state after `head`, kept for the next build; valid for the same program and content folder. */
interface Checkpoint extends State {
  version: number;
  program: string;
  prefix: string;
  head: string;
}

/** Where a checkpoint is kept, and the digest of the program that made it (validation-cache.ts programDigest). */
export interface ReceivedCache {
  dir: string;
  program: string;
}

/** How a read went: from the first commit, or on from the last build's checkpoint. */
export interface ReceivedRead {
  received: Map<string, Received>;
  /** Commits that touched compounds/ and were read in this run. */
  commitsRead: number;
  resumed: boolean;
}

/** Each compound's received dates by slug, and how they were read; undefined without usable history (no git, not a checkout, shallow). */
export function readReceived(contentDir: string, today: string, cache?: ReceivedCache): ReceivedRead | undefined {
  const read = receivedRead(contentDir, today, cache, false);
  return read === 'unread' ? undefined : read;
}

/** readReceived; with `keptOnly`, 'unread' when there are commits to read rather than reading them. */
function receivedRead(
  contentDir: string,
  today: string,
  cache: ReceivedCache | undefined,
  keptOnly: boolean,
): ReceivedRead | undefined | 'unread' {
  const prefix = git(contentDir, ['rev-parse', '--show-prefix'])?.trim();
  if (prefix === undefined) return undefined;
  if (git(contentDir, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return undefined;
  const head = git(contentDir, ['rev-parse', 'HEAD'])?.trim();
  if (!head) return undefined;
  // The head the checkpoint was kept at, told apart: after a merge, the whole checkpoint (9 MB at 10,000
  // compounds) need not be read into this process only to learn that its commits are not all there.
  if (keptOnly && (!cache || readHead(cache) !== head)) return 'unread';
  const checkpoint = cache ? resumable(contentDir, cache, prefix, head, today) : undefined;
  const state: State = checkpoint ?? { firstCommit: new Map(), firstSeen: new Map(), latest: '' };
  let commitsRead = 0;
  if (checkpoint?.head !== head) {
    if (keptOnly) return 'unread';
    const log = git(contentDir, [
      'log',
      '--first-parent',
      '--reverse',
      '--no-renames',
      '--raw',
      '--no-abbrev',
      '--relative',
      '--format=%x1e%ct',
      ...(checkpoint ? [`${checkpoint.head}..${head}`] : [head]),
      '--',
      'compounds',
    ]);
    if (log === undefined) return undefined;
    const read = readCommits(contentDir, log, today, state);
    if (!read) return undefined;
    commitsRead = read.commits;
    // A commit later than today was left out: what is kept must be every commit up to head.
    if (cache && !read.skipped) {
      writeKept(path.join(cache.dir, CHECKPOINT_FILE), {
        ...state,
        version: CHECKPOINT_VERSION,
        program: cache.program,
        prefix,
        head,
      } satisfies Checkpoint);
      // After the checkpoint: a head file older than its checkpoint only sends the next build to a process.
      writeFileSync(path.join(cache.dir, HEAD_FILE), head);
    }
  }
  const received = new Map<string, Received>();
  for (const slug of new Set([...state.firstCommit.keys(), ...state.firstSeen.keys()])) {
    received.set(slug, {
      source: 'git',
      firstCommit: state.firstCommit.get(slug),
      rows: state.firstSeen.get(slug) ?? {},
    });
  }
  return { received, commitsRead, resumed: checkpoint !== undefined };
}

/** The process readReceivedApart starts: run by Node itself, so found from the project root, not from a bundle. */
const processFile = (projectRoot: string) => path.join(projectRoot, 'src', 'core', 'data', 'received-process.ts');

/**
 * readReceived, with the commits read in a process of its own. Reading them parses every version of every
 * dated table: at 10,000 compounds, a county's first build, that is 2 s and 300–400 MB of garbage, which a
 * process gives back when it ends and the build's own process would carry to its peak. When the cache
 * already holds the state at HEAD (every later build without new commits), no process is started.
 * Aborting `signal` stops the process.
 */
export async function readReceivedApart(
  contentDir: string,
  today: string,
  cache: ReceivedCache | undefined,
  projectRoot: string,
  signal?: AbortSignal,
): Promise<ReceivedRead | undefined> {
  const kept = receivedRead(contentDir, today, cache, true);
  if (kept !== 'unread') return kept;
  const reader = startProcess<ReceivedRead | undefined>(processFile(projectRoot), signal ? { signal } : {});
  try {
    return await reader.ask({ contentDir, today, cache } satisfies ReceivedQuestion);
  } finally {
    reader.end();
  }
}

/** What received-process.ts is asked. */
export interface ReceivedQuestion {
  contentDir: string;
  today: string;
  cache: ReceivedCache | undefined;
}

/**
 * The last build's checkpoint, if this build may go on from it: the same program and folder, no
 * commit in it later than today, and its head on the first-parent line of this head (a rewritten
 * or unrelated history, or a pull request's branch, starts again from the first commit).
 */
function resumable(
  contentDir: string,
  cache: ReceivedCache,
  prefix: string,
  head: string,
  today: string,
): Checkpoint | undefined {
  const stored = readKept<Checkpoint>(path.join(cache.dir, CHECKPOINT_FILE));
  if (
    !stored ||
    stored.version !== CHECKPOINT_VERSION ||
    stored.program !== cache.program ||
    stored.prefix !== prefix
  ) {
    return undefined;
  }
  if (stored.latest > today) return undefined;
  return onFirstParentLine(contentDir, stored.head, head) ? stored : undefined;
}

/** Adds the commits of a `git log --raw` to the state, oldest first; undefined if git could not give the blobs. */
function readCommits(
  contentDir: string,
  log: string,
  today: string,
  state: State,
): { commits: number; skipped: boolean } | undefined {
  const versions: Version[] = [];
  let commits = 0;
  let skipped = false;
  for (const record of log.split('\x1e')) {
    const [seconds = '', ...lines] = record.split('\n');
    if (!/^\d+$/.test(seconds.trim())) continue;
    const date = dateFromEpochSeconds(Number(seconds.trim()));
    if (date > today) {
      skipped = true;
      continue;
    }
    commits += 1;
    if (date > state.latest) state.latest = date;
    for (const line of lines) {
      // ":100644 100644 <old> <new> M\tcompounds/<slug>/<file>"
      const raw = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AMT]\tcompounds\/([^/]+)\/([^/]+)$/.exec(line);
      if (!raw) continue;
      const [, blob = '', slug = '', file = ''] = raw;
      if (file === COMPOUND_FILE && !state.firstCommit.has(slug)) state.firstCommit.set(slug, date);
      if (DATED.has(file)) versions.push({ slug, file: file as CompoundTableFile, blob, date });
    }
  }

  // Each blob's row keys: a file copied between compounds, or unchanged across commits, is read once.
  const keysOf = new Map<string, string[]>();
  for (let start = 0; start < versions.length; start += VERSIONS_PER_READ) {
    const batch = versions.slice(start, start + VERSIONS_PER_READ);
    const blobs = readBlobs(contentDir, [...new Set(batch.map((v) => v.blob).filter((blob) => !keysOf.has(blob)))]);
    if (!blobs) return undefined;
    for (const { slug, file, blob, date } of batch) {
      let keys = keysOf.get(blob);
      if (!keys) {
        const bytes = blobs.get(blob);
        const table = DATED_TABLES.find((t) => t.file === file);
        keys = bytes && table ? readTable(file, bytes, table.schema).rows.map((row) => rowKey(file)(row.value)) : [];
        keysOf.set(blob, keys);
      }
      const tables = state.firstSeen.get(slug) ?? {};
      state.firstSeen.set(slug, tables);
      const rows = tables[file] ?? new Map<string, string>();
      tables[file] = rows;
      for (const key of keys) if (!rows.has(key)) rows.set(key, date);
    }
  }
  return { commits, skipped };
}

/**
 * Versions whose blobs one `git cat-file` reads. All at once, git's whole answer and a copy of every blob in it
 * were held together (at 10,000 compounds, a county's first build: the read peaked at 446 MB, now 412 MB), and
 * a county's history of many years would one day outgrow readBlobs' 1 GiB limit on one answer.
 */
const VERSIONS_PER_READ = 2000;
