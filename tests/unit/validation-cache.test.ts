/**
 * The validation cache (src/core/data/validation-cache.ts): a run that reuses
 * stored results gives exactly what a run without the cache gives, and only a
 * folder whose bytes, day or program changed is validated again.
 */
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type LoadOptions, loadContent } from '../../src/core/data/load-content.ts';
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

test('a changed file is validated again, and its problem found; another day validates every folder', async () => {
  const before = await cacheFiles();
  await appendFile(path.join(options.contentDir, 'compounds/bogeda-xiaoqu/fees.csv'), 'x\r\n');
  const changed = await loadContent(options);
  assert.equal(changed.cachedCompounds, compounds - 1);
  // Only the file holding that compound's entry is written again.
  const after = await cacheFiles();
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  assert.ok(before.size > 1);
  const rewritten = [...after].filter(([name, inode]) => inode !== before.get(name));
  assert.equal(rewritten.length, 1);
  assert.deepEqual(
    changed.problems.map((p) => p.file),
    [`${path.relative(PROJECT_ROOT, options.contentDir)}/compounds/bogeda-xiaoqu/fees.csv`],
  );
  const nextDay = await loadContent({ ...options, today: '2026-11-21' });
  assert.equal(nextDay.cachedCompounds, undefined);
});
