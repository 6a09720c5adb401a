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
 */
import { dateFromEpochSeconds } from '../lib/calendar.ts';
import { readTable } from './csv-source.ts';
import { git, readBlobs } from './git.ts';
import type { Received } from './received.ts';
import { COMPOUND_FILE, type CompoundTableFile, DATED_TABLES, rowKey } from './tables.ts';

const DATED = new Set<string>(DATED_TABLES.map((table) => table.file));

interface Version {
  slug: string;
  file: CompoundTableFile;
  blob: string;
  date: string;
}

/** Each compound's received dates, by slug; undefined without usable history (no git, not a checkout, shallow). */
export function readReceived(contentDir: string, today: string): Map<string, Received> | undefined {
  const prefix = git(contentDir, ['rev-parse', '--show-prefix'])?.trim();
  if (prefix === undefined) return undefined;
  if (git(contentDir, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return undefined;
  const log = git(contentDir, [
    'log',
    '--first-parent',
    '--reverse',
    '--no-renames',
    '--raw',
    '--no-abbrev',
    '--relative',
    '--format=%x1e%ct',
    '--',
    'compounds',
  ]);
  if (log === undefined) return undefined;

  const firstCommit = new Map<string, string>();
  const versions: Version[] = [];
  for (const record of log.split('\x1e')) {
    const [seconds = '', ...lines] = record.split('\n');
    if (!/^\d+$/.test(seconds.trim())) continue;
    const date = dateFromEpochSeconds(Number(seconds.trim()));
    if (date > today) continue;
    for (const line of lines) {
      // ":100644 100644 <old> <new> M\tcompounds/<slug>/<file>"
      const raw = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AMT]\tcompounds\/([^/]+)\/([^/]+)$/.exec(line);
      if (!raw) continue;
      const [, blob = '', slug = '', file = ''] = raw;
      if (file === COMPOUND_FILE && !firstCommit.has(slug)) firstCommit.set(slug, date);
      if (DATED.has(file)) versions.push({ slug, file: file as CompoundTableFile, blob, date });
    }
  }

  const blobs = readBlobs(contentDir, [...new Set(versions.map((v) => v.blob))]);
  if (!blobs) return undefined;
  const keysOf = new Map<string, string[]>();
  // The first day each row key of each compound's table was seen, filled oldest version first.
  const firstSeen = new Map<string, Partial<Record<CompoundTableFile, Map<string, string>>>>();
  for (const { slug, file, blob, date } of versions) {
    let keys = keysOf.get(blob);
    if (!keys) {
      const bytes = blobs.get(blob);
      const table = DATED_TABLES.find((t) => t.file === file);
      keys = bytes && table ? readTable(file, bytes, table.schema).rows.map((row) => rowKey(file)(row.value)) : [];
      keysOf.set(blob, keys);
    }
    const tables = firstSeen.get(slug) ?? {};
    firstSeen.set(slug, tables);
    const rows = tables[file] ?? new Map<string, string>();
    tables[file] = rows;
    for (const key of keys) if (!rows.has(key)) rows.set(key, date);
  }
  const received = new Map<string, Received>();
  for (const slug of new Set([...firstCommit.keys(), ...firstSeen.keys()])) {
    received.set(slug, { source: 'git', firstCommit: firstCommit.get(slug), rows: firstSeen.get(slug) ?? {} });
  }
  return received;
}
