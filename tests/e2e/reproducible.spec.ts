/**
 * Two builds of the same tree on the same SOURCE_DATE_EPOCH give the same
 * bytes in every file, the Pagefind index included: anyone can rebuild the
 * published site and check it is what the data says. The second build renders
 * pages on worker threads as a large county's build does
 * (src/integrations/render-pages.ts): where a page is rendered changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EPOCH } from './test-env.ts';

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

test('two builds are byte-identical, one of them rendering pages on worker threads', async () => {
  test.setTimeout(300_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-repro-'));
  try {
    const outs = [path.join(root, 'one'), path.join(root, 'two')];
    const threads = ['0', '2'];
    for (const [i, out] of outs.entries()) {
      const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          GONGSHI_OUT_DIR: out,
          GONGSHI_RENDER_THREADS: threads[i],
          SOURCE_DATE_EPOCH: TEST_EPOCH,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      });
      expect(result.status, result.stderr).toBe(0);
      if (threads[i] !== '0') {
        const rendered = Number(/(\d+) by 2 worker thread\(s\)/.exec(result.stdout)?.[1]);
        expect(rendered, result.stdout.slice(-2000)).toBeGreaterThan(0);
      }
    }
    const [one = '', two = ''] = outs;
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
