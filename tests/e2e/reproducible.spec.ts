/**
 * Anyone can rebuild the published site and check it is what the data say:
 * builds of the same tree on the same SOURCE_DATE_EPOCH give the same bytes
 * in every file, the Pagefind index included. And a rebuild after a change to
 * one compound, which reuses the previous build's validation and pages (the
 * incremental build: src/core/data/validation-cache.ts, src/site/page-keys.ts),
 * is byte for byte a clean build of the changed data, made with no cache.
 */
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_ENV } from './test-env.ts';

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Builds `content` into `out` with its caches in `cache`; returns the build's log. */
function build(content: string, out: string, cache: string): string {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, GONGSHI_CONTENT_DIR: content, GONGSHI_OUT_DIR: out, GONGSHI_CACHE_DIR: cache },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

test('a rebuild after a change to one compound, from the cache, is byte for byte a clean build', async () => {
  // Three builds of the sample site on a busy two-core machine.
  test.setTimeout(600_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-repro-'));
  try {
    const content = path.join(root, 'content');
    await cp('content', content, { recursive: true });
    const first = path.join(root, 'first');
    const incremental = path.join(root, 'incremental');
    const clean = path.join(root, 'clean');
    build(content, first, path.join(root, 'cache'));
    // A price changes in one compound: its page, its open data, its printed sheets, the county's tables.
    await appendFile(
      path.join(content, 'compounds/bogeda-xiaoqu/fees.csv'),
      '地下车位管理费,车位业主,车位清洁与秩序维护,按合同约定,元/个·月,30.00,市场调节价,,,物业服务合同第七条,2026-11-01,2026-10-20\r\n',
    );
    const log = build(content, incremental, path.join(root, 'cache'));
    build(content, clean, path.join(root, 'fresh-cache'));

    const compounds = (await readdir(path.join(content, 'compounds'))).length;
    // The rebuild did reuse: every other compound's validation and page.
    expect(log).toContain(`${compounds - 1} compound folders unchanged since the last build`);
    expect(log).toContain(`${compounds - 1} pages reused from the previous build`);

    const files = await filesOf(clean);
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(await filesOf(incremental)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(incremental, file)), readFile(path.join(clean, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
    // The change is there: the first build, before it, differs in that compound's page.
    const page = 'c/bogeda-xiaoqu/index.html';
    expect((await readFile(path.join(first, page))).equals(await readFile(path.join(clean, page)))).toBe(false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
