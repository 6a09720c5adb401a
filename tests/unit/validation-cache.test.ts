/**
 * The validation cache (src/core/data/validation-cache.ts): a run that reuses
 * stored results gives exactly what a run without the cache gives, and only a
 * folder whose bytes, day or program changed is validated again.
 */
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type LoadOptions, loadContent } from '../../src/core/data/load-content.ts';
import type { CompoundContext, CompoundJob, CompoundResult } from '../../src/core/data/validate-content.ts';
import { openValidationCache } from '../../src/core/data/validation-cache.ts';
import { PROJECT_ROOT } from './helpers.ts';

let root: string;
let options: LoadOptions;
let compounds = 0;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-vcache-'));
  await cp(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  options = {
    contentDir: path.join(root, 'content'),
    projectRoot: PROJECT_ROOT,
    today: '2026-11-20',
    history: false,
    cacheDir: path.join(root, 'cache'),
  };
  compounds = (await readdir(path.join(options.contentDir, 'compounds'))).length;
});
after(() => rm(root, { recursive: true, force: true }));

test('a second run answers every unchanged folder from the cache, with the same result as no cache', async () => {
  const { cacheDir: _none, ...withoutCache } = options;
  const uncached = await loadContent(withoutCache);
  const first = await loadContent(options);
  assert.equal(first.cachedCompounds, undefined);
  const second = await loadContent(options);
  assert.equal(second.cachedCompounds, compounds);
  assert.deepEqual(second.bundle, uncached.bundle);
  assert.deepEqual(second.problems, uncached.problems);
});

/** The inode of each file the cache is kept in, by name: a file written again (then renamed into place) has a new one. */
async function cacheFiles(): Promise<Map<string, number>> {
  const folder = path.join(options.cacheDir as string, 'validation');
  const names = await readdir(folder);
  return new Map(
    await Promise.all(names.map(async (name) => [name, (await stat(path.join(folder, name))).ino] as const)),
  );
}

test('a changed file is validated again, and its problem found, in a file of its own; another day validates every folder', async () => {
  const before = await cacheFiles();
  const fees = path.join(options.contentDir, 'compounds/bogeda-xiaoqu/fees.csv');
  const original = await readFile(fees);
  await appendFile(fees, 'x\r\n');
  const changed = await loadContent(options);
  assert.equal(changed.cachedCompounds, compounds - 1);
  assert.deepEqual(
    changed.problems.map((p) => p.file),
    [`${path.relative(PROJECT_ROOT, options.contentDir)}/compounds/bogeda-xiaoqu/fees.csv`],
  );
  // No file is written again: the new result goes into a new file, beside the others as they were.
  const after = await cacheFiles();
  assert.equal(after.size, before.size + 1);
  for (const [name, inode] of before) assert.equal(after.get(name), inode);
  assert.equal((await loadContent(options)).cachedCompounds, compounds);
  // Changed back, the folder's first entry is used again, and the file of the undone change is removed.
  await writeFile(fees, original);
  const undone = await loadContent(options);
  assert.equal(undone.cachedCompounds, compounds);
  assert.deepEqual(await cacheFiles(), before);
  const nextDay = await loadContent({ ...options, today: '2026-11-21' });
  assert.equal(nextDay.cachedCompounds, undefined);
  // The files of the day before are of no more use: only the new day's are left.
  const days = await cacheFiles();
  assert.equal(days.size, 1);
  assert.ok(![...days.keys()].some((name) => before.has(name)));
});

/** A job of a compound folder with one file of these bytes. */
const job = (slug: string, text: string): CompoundJob => ({
  slug,
  files: [['compound.yaml', { path: `compounds/${slug}/compound.yaml`, bytes: new TextEncoder().encode(text) }]],
});
const CONTEXT: CompoundContext = {
  today: '2026-11-20',
  displayPrefix: '',
  tree: true,
  communities: undefined,
  companies: undefined,
};
const resultOf = (slug: string): CompoundResult => ({ record: undefined, problems: [], brief: { community: slug } });

/** The names of the files in a cache folder's validation folder. */
const namesIn = (dir: string) => readdir(path.join(dir, 'validation'));

test('past so many files, the results in use are written again in sixteen, and still found', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gongshi-vcache-files-'));
  try {
    const jobs = Array.from({ length: 80 }, (_, i) => job(`c${i}`, `name: ${i}`));
    const first = openValidationCache(dir, CONTEXT, 'program');
    // One file per folder, as eighty runs that each changed one folder would leave.
    for (const one of jobs) first.keepResults([one], [resultOf(one.slug)]);
    const single = await namesIn(dir);
    assert.equal(single.length, 80);
    first.prune(
      jobs,
      jobs.map((one) => resultOf(one.slug)),
    );
    const files = await namesIn(dir);
    assert.equal(files.length, 16);
    assert.ok(!files.some((name) => single.includes(name)));
    const again = openValidationCache(dir, CONTEXT, 'program');
    for (const one of jobs) assert.deepEqual(again.get(one), resultOf(one.slug));
    assert.equal(again.hits, jobs.length);
    // A folder's bytes or the program changed: not found.
    assert.equal(again.get(job('c0', 'name: changed')), undefined);
    assert.equal(openValidationCache(dir, CONTEXT, 'another program').get(jobs[0] as CompoundJob), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('once a quarter of the entries are out of date, the results in use are written again without them', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gongshi-vcache-outdated-'));
  try {
    const jobs = Array.from({ length: 40 }, (_, i) => job(`c${i}`, `name: ${i}`));
    const results = jobs.map((one) => resultOf(one.slug));
    const first = openValidationCache(dir, CONTEXT, 'program');
    first.keepResults(jobs, results);
    first.prune(jobs, results);
    // Folders changed one at a time, each validated again in a run of its own, which leaves its old entry
    // out of date. Ten of forty is a quarter; the eleventh is past it.
    let now = [...jobs];
    const current = (j: number) => resultOf(j <= 10 ? `c${j} changed` : `c${j}`);
    for (let i = 0; i <= 10; i++) {
      now = now.map((one, j) => (j === i ? job(one.slug, `name: ${i} changed`) : one));
      const run = openValidationCache(dir, CONTEXT, 'program');
      const missing = now.filter((one) => run.get(one) === undefined);
      assert.deepEqual(
        missing.map((one) => one.slug),
        [`c${i}`],
      );
      run.keepResults(missing, [current(i)]);
      run.prune(
        now,
        now.map((_, j) => (j <= i ? current(j) : resultOf(`c${j}`))),
      );
      assert.equal((await namesIn(dir)).length, i < 10 ? i + 2 : 16, `after run ${i + 1}`);
    }
    const last = openValidationCache(dir, CONTEXT, 'program');
    now.forEach((one, j) => {
      assert.deepEqual(last.get(one), current(j));
    });
    assert.equal(last.get(job('c0', 'name: 0')), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the files of an earlier version, another day and a stopped run are removed', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gongshi-vcache-old-'));
  try {
    const jobs = [job('c0', 'name: 0')];
    const yesterday = openValidationCache(dir, { ...CONTEXT, today: '2026-11-19' }, 'program');
    yesterday.keepResults(jobs, [resultOf('c0')]);
    await writeFile(path.join(dir, 'validation', '0.v8'), 'a file of an earlier version');
    await writeFile(path.join(dir, 'validation', 'abc.v8.12345'), 'half a file');
    const today = openValidationCache(dir, CONTEXT, 'program');
    assert.equal(today.get(jobs[0] as CompoundJob), undefined);
    today.keepResults(jobs, [resultOf('c0')]);
    today.prune(jobs, [resultOf('c0')]);
    const names = await namesIn(dir);
    assert.equal(names.length, 1);
    assert.deepEqual(openValidationCache(dir, CONTEXT, 'program').get(jobs[0] as CompoundJob), resultOf('c0'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
