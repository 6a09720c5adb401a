/**
 * `npm run format:data [-- --check]`: rewrites content/ in canonical form, so
 * that a change is exactly the rows it changes and a reviewer sees only them.
 *
 * - every CSV table (a compound's and the county's oversight tables): UTF-8
 *   with a byte-order mark, the schema's columns in order, money and dates
 *   written one way, CRLF line ends — the form the downloads, the templates
 *   and the editor write (src/core/data/csv-writer.ts);
 * - every YAML file: UTF-8 without a byte-order mark, LF line ends, comments kept.
 *
 * Only valid content is rewritten: a file that does not validate is left as it
 * is and the problems are printed. Writing twice changes nothing. With
 * --check nothing is written; the files not in canonical form are listed and
 * the exit code is 1 (the pull-request check).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalCsv, toCsv } from '../src/core/data/csv-writer.ts';
import { decodeText } from '../src/core/data/decode.ts';
import { loadContent } from '../src/core/data/load-content.ts';
import { defaultLoadOptions } from '../src/core/data/options.ts';
import { OVERSIGHT, OVERSIGHT_TABLES } from '../src/core/data/oversight-checks.ts';
import { formatProblem, sortProblems } from '../src/core/data/problems.ts';
import { TABLES } from '../src/core/data/tables.ts';
import { t } from '../src/core/i18n/t.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const options = defaultLoadOptions();
const { contentDir } = options;
const shown = (file: string) => path.relative(options.projectRoot, file).split(path.sep).join('/');

const { bundle, problems } = await loadContent({ ...options, history: false });
const errors = problems.filter((p) => p.severity === 'error');
if (!bundle || errors.length > 0) {
  for (const problem of sortProblems(errors)) console.log(formatProblem(problem));
  console.log(t('format.invalid', { count: errors.length }));
  process.exit(1);
}

/** Every file's canonical text, by absolute path. */
const canonical = new Map<string, string>();

for (const record of bundle.compounds) {
  const folder = path.join(contentDir, 'compounds', record.slug);
  const present = new Set(await readdir(folder));
  for (const table of TABLES) {
    if (!present.has(table.file)) continue;
    const rows = record[table.field] as readonly Record<string, unknown>[];
    canonical.set(path.join(folder, table.file), toCsv(table.schema, rows));
  }
}

const oversight = path.join(contentDir, OVERSIGHT);
for (const [name, schema] of Object.entries(OVERSIGHT_TABLES)) {
  const file = path.join(oversight, name);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) continue;
  canonical.set(file, canonicalCsv(name, bytes, schema));
}

/** Every YAML file under content/, however deep. */
const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = decodeText(file, await readFile(file)).text ?? '';
  canonical.set(file, text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

const changed: string[] = [];
for (const [file, text] of [...canonical].sort(([a], [b]) => a.localeCompare(b))) {
  const before = await readFile(file);
  if (before.equals(Buffer.from(text, 'utf8'))) continue;
  changed.push(shown(file));
  if (!values.check) await writeFile(file, text);
}

for (const file of changed) console.log(file);
if (values.check && changed.length > 0) {
  console.log(t('format.notCanonical', { count: changed.length }));
  process.exitCode = 1;
} else {
  console.log(t(values.check ? 'format.allCanonical' : 'format.done', { count: changed.length }));
}
