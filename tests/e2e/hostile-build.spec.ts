/**
 * Hostile data through the real `astro build`: markup in every kind of text
 * field is published as inert text, and a tree full of broken files stops the
 * build with the located list and no stack trace.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EPOCH } from './test-env.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const PORT = 4339;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

function build(contentDir: string, outDir: string) {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GONGSHI_CONTENT_DIR: contentDir,
      GONGSHI_OUT_DIR: outDir,
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function edit(file: string, change: (text: string) => string) {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, file).not.toBe(before);
  await writeFile(file, after);
}

test.describe.configure({ mode: 'serial' });

test('markup in names, addresses and table cells is shown as text and runs nothing', async ({ page }) => {
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
    const csv = await (await fetch(`${base}/data/compounds.csv`)).text().catch(() => '');
    if (csv) expect(csv).toContain(SCRIPT);
  } finally {
    server?.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a tree of broken files fails the build with every problem located and no stack trace', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-broken-tree-'));
  try {
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    const compound = path.join(content, 'compounds/ceshi-xiaoqu');
    // UTF-16, unbalanced quotes, an absurd amount, a YAML alias and a folder name that is not a slug.
    const fees = await readFile(path.join(compound, 'fees.csv'), 'utf8');
    await writeFile(
      path.join(compound, 'fees.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fees, 'utf16le')]),
    );
    await edit(path.join(compound, 'public-revenue.csv'), (text) => text.replace('"10,000.00"', '"10,000.00'));
    await edit(path.join(content, 'compounds/laojie/compound.yaml'), (text) =>
      text.replace('name: 老街小区', 'name: &n 老街小区\nalias_name: *n'),
    );
    await cp(path.join(content, 'compounds/laojie'), path.join(content, 'compounds/天山 a b'), { recursive: true });
    await writeFile(path.join(compound, 'evil.html'), SCRIPT);
    const result = build(content, path.join(dir, 'out'));
    expect(result.status).not.toBe(0);
    const shown = path.relative(process.cwd(), content);
    for (const located of [
      `${shown}/compounds/ceshi-xiaoqu/fees.csv:1:1`,
      `${shown}/compounds/ceshi-xiaoqu/public-revenue.csv:2:1`,
      `${shown}/compounds/laojie/compound.yaml:1:10`,
      `${shown}/compounds/天山 a b:1:1`,
      `${shown}/compounds/ceshi-xiaoqu/evil.html:1:1`,
    ]) {
      expect(result.output).toContain(located);
    }
    expect(result.output).toContain('UTF-16');
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
