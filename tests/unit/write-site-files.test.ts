/**
 * Writing the county-wide files over the previous output
 * (src/site/integrations/write-site-files.ts): the segments of kept compounds
 * are copied from the file the previous build wrote, the others made again,
 * and the result is byte for byte the file written from scratch; a file the
 * change does not reach is not written at all.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { ContentBundle } from '../../src/core/data/records.ts';
import { SEARCH_DOCUMENTS_FILE, searchDocuments } from '../../src/outputs/search-document.ts';
import type { SegmentIndex } from '../../src/site/integrations/previous-output.ts';
import { previousSegmentTexts, writeDataFiles } from '../../src/site/integrations/write-site-files.ts';
import { PROJECT_ROOT } from './helpers.ts';

let bundle: ContentBundle;
let root: string;
const CHANGED = 'bogeda-xiaoqu';

before(async () => {
  const result = await loadContent({
    projectRoot: PROJECT_ROOT,
    contentDir: path.join(PROJECT_ROOT, 'content'),
    today: '2026-11-20',
    history: false,
  });
  if (!result.bundle) throw new Error(`sample data does not validate: ${result.problems.length} problems`);
  bundle = result.bundle;
  root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-segments-'));
});
after(() => rm(root, { recursive: true, force: true }));

/** The bundle with one fee of one compound twice as dear: its rows in fees.csv and fees.json change. */
function withDearerFee(changed = CHANGED): ContentBundle {
  const compounds = bundle.compounds.map((record) => {
    if (record.slug !== changed) return record;
    const [first, ...rest] = record.fees;
    if (!first) throw new Error(`${changed} has no fees`);
    return { ...record, fees: [{ ...first, price: first.price * 2 }, ...rest] };
  });
  return { ...bundle, compounds };
}

const others = () => new Set(bundle.compounds.map((r) => r.slug).filter((slug) => slug !== CHANGED));
const read = (dir: string, file: string) => readFile(path.join(dir, file));

test('over the previous files, the kept segments are copied and the result is the clean file', async () => {
  const previous = path.join(root, 'previous');
  const first = writeDataFiles(bundle, previous, new Set());
  const index = first.segments ?? {};
  const original = await read(previous, 'data/fees.csv');
  assert.ok(index['data/fees.csv'] && index['data/fees.json'] && index['search/documents.json']);
  const changed = withDearerFee();
  const clean = path.join(root, 'clean');
  writeDataFiles(changed, clean, new Set());
  const over = writeDataFiles(changed, previous, others(), index);
  for (const file of Object.keys(index)) {
    assert.deepEqual(await read(previous, file), await read(clean, file), file);
  }
  // The change is in the file.
  assert.notDeepEqual(await read(clean, 'data/fees.csv'), original);
  assert.deepEqual(over.segments, writeDataFiles(changed, path.join(root, 'again'), new Set()).segments);
});

test('a kept segment comes from the previous file, not from the data', async () => {
  const previous = path.join(root, 'copied');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  const before = await read(previous, 'data/fees.csv');
  // Told, wrongly, that the changed compound is kept too: its old rows are copied, so the file stays as it was.
  const everyone = new Set(bundle.compounds.map((r) => r.slug));
  writeDataFiles(withDearerFee(), previous, everyone, index);
  assert.deepEqual(await read(previous, 'data/fees.csv'), before);
  // A file not the size the index gives is not the one it describes: every segment is made from the data.
  await writeFile(path.join(previous, 'data/fees.csv'), Buffer.concat([before, Buffer.from('\r\n')]));
  writeDataFiles(withDearerFee(), previous, everyone, index);
  const clean = path.join(root, 'clean-too');
  writeDataFiles(withDearerFee(), clean, new Set());
  assert.deepEqual(await read(previous, 'data/fees.csv'), await read(clean, 'data/fees.csv'));
});

test('a file the change does not reach is left as it is', async () => {
  const previous = path.join(root, 'untouched');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  const revenue = 'data/public-revenue.csv';
  const past = new Date('2020-01-01T00:00:00Z');
  await utimes(path.join(previous, revenue), past, past);
  const before = await stat(path.join(previous, revenue));
  const fees = (await stat(path.join(previous, 'data/fees.csv'))).ino;
  const over = writeDataFiles(withDearerFee(), previous, others(), index);
  // The dearer fee is in the fee tables only: they are written anew (renamed into place), the accounts are not.
  assert.notEqual((await stat(path.join(previous, 'data/fees.csv'))).ino, fees);
  const after = await stat(path.join(previous, revenue));
  assert.equal(after.ino, before.ino);
  assert.equal(after.mtimeMs, past.getTime());
  assert.equal(over.unchanged, Object.keys(index).length - 2);
  assert.deepEqual(over.segments?.[revenue], index[revenue]);
});

test('with no compound kept, a file is compared segment by segment and written from the first that differs', async () => {
  const previous = path.join(root, 'nothing-kept');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  // A compound half way down the fee table: the rows before it come from the previous file.
  const fees = index['data/fees.csv'] as SegmentIndex;
  const middle = fees.owners.find((_, i) => i >= fees.owners.length / 2 && (fees.spans[2 * i + 1] as number) > 0);
  assert.ok(middle && (fees.spans[fees.owners.indexOf(middle) * 2] as number) > 0);
  const changed = withDearerFee(middle);
  const over = writeDataFiles(changed, previous, new Set(), index);
  const clean = path.join(root, 'nothing-kept-clean');
  const fresh = writeDataFiles(changed, clean, new Set());
  for (const file of Object.keys(index)) {
    assert.deepEqual(await read(previous, file), await read(clean, file), file);
  }
  assert.deepEqual(over.segments, fresh.segments);
  assert.equal(over.unchanged, Object.keys(index).length - 2);
});

test('a compound gone from the end of a file makes the file again', async () => {
  const previous = path.join(root, 'last-gone');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  const slugs = bundle.compounds.map((r) => r.slug).sort();
  const last = slugs.at(-1) as string;
  const fewer = { ...bundle, compounds: bundle.compounds.filter((r) => r.slug !== last) };
  const over = writeDataFiles(fewer, previous, new Set(slugs.slice(0, -1)), index);
  const clean = path.join(root, 'last-gone-clean');
  const fresh = writeDataFiles(fewer, clean, new Set());
  for (const file of Object.keys(index)) {
    assert.deepEqual(await read(previous, file), await read(clean, file), file);
  }
  assert.deepEqual(over.segments, fresh.segments);
  assert.equal(over.unchanged, 0);
});

test('a file whose frame differs from the previous build’s is written anew', async () => {
  const previous = path.join(root, 'reframed');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  const revenue = 'data/public-revenue.csv';
  const before = (await stat(path.join(previous, revenue))).ino;
  const reframed = { ...index, [revenue]: { ...(index[revenue] as SegmentIndex), frame: 'another head' } };
  writeDataFiles(bundle, previous, others(), reframed);
  assert.notEqual((await stat(path.join(previous, revenue))).ino, before);
});

test('the previous build’s segments are read back, each compound’s own, only from the file it recorded', async () => {
  const previous = path.join(root, 'read-back');
  const index = writeDataFiles(bundle, previous, new Set()).segments ?? {};
  const documents = index[SEARCH_DOCUMENTS_FILE];
  assert.ok(documents);
  const texts = previousSegmentTexts(previous, SEARCH_DOCUMENTS_FILE, documents);
  assert.ok(texts);
  for (const made of searchDocuments(bundle)) {
    const slug = /\/c\/([^/]+)\/$/.exec(made.url)?.[1] as string;
    assert.deepEqual(JSON.parse(texts(slug) ?? 'null'), made, slug);
  }
  assert.equal(texts('no-such-compound'), undefined);
  assert.equal(previousSegmentTexts(previous, SEARCH_DOCUMENTS_FILE, undefined), undefined);
  assert.equal(previousSegmentTexts(path.join(root, 'nowhere'), SEARCH_DOCUMENTS_FILE, documents), undefined);
  // Not the size the build recorded: not the file it describes.
  await writeFile(path.join(previous, SEARCH_DOCUMENTS_FILE), '[]\n');
  assert.equal(previousSegmentTexts(previous, SEARCH_DOCUMENTS_FILE, documents), undefined);
});
