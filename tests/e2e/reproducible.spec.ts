/**
 * Two builds of the same tree on the same SOURCE_DATE_EPOCH give the same
 * bytes in every file, the Pagefind index included: anyone can rebuild the
 * published site and check it is what the data says. The first build is the
 * one every other spec runs against (playwright.config.ts); the second is
 * made here, into another folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_ENV, TEST_OUT_DIR } from './test-env.ts';

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

test('a second build, into another folder, is byte-identical to the first', async () => {
  // A full build of the sample site on a busy two-core machine.
  test.setTimeout(300_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-repro-'));
  try {
    const one = path.resolve(TEST_OUT_DIR);
    const two = path.join(root, 'two');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, ...TEST_ENV, GONGSHI_OUT_DIR: two },
    });
    expect(result.status, result.stderr).toBe(0);
    const files = await filesOf(one);
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(await filesOf(two)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(one, file)), readFile(path.join(two, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
