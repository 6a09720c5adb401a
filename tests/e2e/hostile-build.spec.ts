/**
 * Hostile data through the real `astro build`: markup in every kind of text
 * field is published as inert text. (A tree full of broken files is
 * build-errors.spec.ts.) The build of this fixture, which must succeed, is
 * also the proof that the valid fixture builds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from './build-site.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const PORT = 4339;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

function build(contentDir: string, outDir: string) {
  const result = buildSite(contentDir, outDir, path.join(path.dirname(outDir), 'cache'));
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function edit(file: string, change: (text: string) => string) {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, file).not.toBe(before);
  await writeFile(file, after);
}

test('markup in names, addresses and table cells is shown as text and runs nothing', async ({ page }) => {
  // A build on a busy two-core machine, then seven pages: minutes when loaded, not Playwright's default 30 s.
  test.setTimeout(300_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-hostile-'));
  let server: ChildProcess | undefined;
  try {
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    const compound = path.join(content, 'compounds/ceshi-xiaoqu');
    await edit(path.join(compound, 'compound.yaml'), (text) =>
      text.replace('name: 测试花园', `name: '${SCRIPT}'`).replace(/^address: .*$/m, `address: '${IMG}'`),
    );
    await edit(path.join(compound, 'public-revenue-items.csv'), (text) =>
      text.replace('2026Q1,收入,地面停车费,8000,', `2026Q1,收入,地面停车费,8000,"${SCRIPT}${IMG}"`),
    );
    await edit(path.join(compound, 'fees.csv'), (text) => text.replace('公共区域保洁、秩序维护、绿化养护', `"${IMG}"`));
    const out = path.join(dir, 'out');
    const result = build(content, out);
    expect(result.output).not.toContain('错误');
    expect(result.status).toBe(0);

    server = spawn(process.execPath, ['scripts/serve.ts', out, String(PORT)], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${PORT}`;
    await expect(async () => {
      expect((await fetch(`${base}/`)).ok).toBe(true);
    }).toPass({ timeout: 10_000 });

    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const failedImages: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/x')) failedImages.push(request.url());
    });
    for (const address of ['/c/ceshi-xiaoqu/', '/c/', '/', '/c/ceshi-xiaoqu/notice/', '/c/ceshi-xiaoqu/board/']) {
      await page.goto(`${base}${address}`);
      await expect(page.getByText(SCRIPT).first(), address).toBeVisible();
      expect(await page.locator('img[src="x"]').count(), address).toBe(0);
      // The only scripts are the site's own.
      const scripts = await page.locator('script').evaluateAll((list) => list.map((s) => s.textContent ?? ''));
      expect(
        scripts.filter((s) => s.includes('alert(1)')),
        address,
      ).toEqual([]);
    }
    await page.goto(`${base}/c/ceshi-xiaoqu/`);
    await expect(page.getByText(IMG).first()).toBeVisible();
    await page.goto(`${base}/map/`);
    await page.locator('gongshi-map').scrollIntoViewIfNeeded();
    await expect(page.locator('.map-marker').first()).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(failedImages).toEqual([]);
    // The open data carries the text as it was written.
    const download = await fetch(`${base}/data/compounds.csv`);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(SCRIPT);
  } finally {
    server?.kill();
    await rm(dir, { recursive: true, force: true });
  }
});
