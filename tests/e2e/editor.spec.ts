/**
 * /edit/, played as a committee volunteer would: open the compound, add a
 * quarter line by line, read the computed totals, take the files, and the
 * resulting content/ passes `npm run validate` with a diff of only the new
 * rows. Then the same in a browser stripped of the APIs Chromium 87 and iOS
 * 14 Safari lack, and the editor's weight.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { withoutNewerApis } from './legacy-browser.ts';
import { TEST_EPOCH } from './test-env.ts';

const LINES: [string, string, string][] = [
  ['收入', '地面停车费', '9600.00'],
  ['收入', '电梯广告', '3000'],
  ['收入', '快递柜场地费', '1,200.00'],
  ['收入', '充电桩场地费', '600'],
  ['支出', '停车场保洁', '480'],
  ['支出', '道闸维修', '300.50'],
];

async function addQuarter(page: Page) {
  await page.goto('/edit/?c=jinshuiwan');
  await expect(page.locator('[data-name]')).toHaveText('金水湾小区');
  // jinshuiwan last published 2025Q4: the next quarter is offered.
  await expect(page.locator('#q-quarter')).toHaveValue('2026Q1');
  await page.fill('#q-published', '2026-11-15');
  for (const [i, [kind, item, amount]] of LINES.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加一行' }).click();
    const line = page.locator('[data-lines] > li').nth(i);
    await line.getByLabel('收支类别').selectOption(kind);
    await line.getByLabel('项目').fill(item);
    await line.getByLabel('金额（元）').fill(amount);
  }
}

/** The published balance of 2025Q4, read from the file the compound folder holds. */
async function balance2025Q4(): Promise<number> {
  const text = await readFile('content/compounds/jinshuiwan/public-revenue.csv', 'utf8');
  const row = text.split('\r\n').find((line) => line.startsWith('2025Q4,'));
  const [yuan = '0', fen = '0'] = (row?.split(',')[7] ?? '').split('.');
  return Number(yuan) * 100 + Number(fen);
}

const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} 元`;

test('a volunteer adds a quarter: the numbers are computed, the files validate, and the diff is the new rows', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await addQuarter(page);
  // 9,600 + 3,000 + 1,200 + 600 = 14,400 income; 480 + 300.50 = 780.50 expense; owners 70 %.
  const net = 1_440_000 - 78_050;
  const owner = Math.round((net * 70) / 100);
  const computed = page.locator('[data-computed]');
  await expect(computed).toContainText(`收入合计${yuan(1_440_000)}`);
  await expect(computed).toContainText(`支出合计${yuan(78_050)}`);
  await expect(computed).toContainText(`业主分成（70%）${yuan(owner)}`);
  await expect(computed).toContainText(`物业服务企业分成${yuan(net - owner)}`);
  await expect(computed).toContainText(`业主账户期末结余${yuan((await balance2025Q4()) + owner)}`);
  await expect(page.locator('[data-summary]')).toHaveText('检查通过：改动与本小区已公示的全部数据一致。');

  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-editor-'));
  try {
    const content = path.join(root, 'content');
    await cp('content', content, { recursive: true });
    const folder = path.join(content, 'compounds/jinshuiwan');
    for (const name of ['public-revenue.csv', 'public-revenue-items.csv']) {
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: `下载 ${name}` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(name);
      const before = await readFile(path.join(folder, name), 'utf8');
      const after = await readFile((await file.path()) ?? '', 'utf8');
      // Only rows added at the end: the published file is untouched before them.
      expect(after.startsWith(before)).toBe(true);
      const added = after.slice(before.length).split('\r\n').filter(Boolean);
      expect(added).toHaveLength(name === 'public-revenue.csv' ? 1 : LINES.length);
      expect(added.every((line) => line.startsWith('2026Q1,'))).toBe(true);
      await writeFile(path.join(folder, name), after);
    }
    const validate = spawnSync(process.execPath, ['scripts/validate.ts'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GONGSHI_CONTENT_DIR: content,
        GONGSHI_CACHE_DIR: path.join(path.dirname(content), 'cache'),
        SOURCE_DATE_EPOCH: TEST_EPOCH,
      },
    });
    expect(validate.status, validate.stdout).toBe(0);
    expect(validate.stdout).toContain('检查通过');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  // The change sheet names the quarter and a checksum for each file.
  await expect(page.locator('[data-sheet]')).toContainText('新增 2026年第1季度 公共收益收支');
  await expect(page.locator('[data-sheet] li', { hasText: '校验码' })).toHaveCount(2);
});

test('a new price is a new fees.csv row; a typo in an amount is named before anything is offered', async ({ page }) => {
  await page.goto('/edit/?c=jinshuiwan');
  await page.getByLabel('收费项目').selectOption({ index: 1 });
  await page.getByLabel('收费标准（元）').fill('1.05');
  await page.getByLabel('计费起始时间').fill('2027-02-01');
  await page.getByLabel('公示日期').nth(1).fill('2026-12-01');
  await expect(page.getByRole('link', { name: '下载 fees.csv' })).toBeVisible();
  await page.getByLabel('金额（元）').fill('12o0');
  await page.locator('[data-lines] > li').first().getByLabel('项目').fill('地面停车费');
  await expect(page.locator('[data-summary]')).toHaveText(/^共 1 处错误/);
  await expect(page.locator('[data-problems]')).toContainText('第 1 行金额');
  await expect(page.locator('[data-files] a')).toHaveCount(0);
});

test('the editor and the checker work without the APIs Chromium 87 and iOS 14 Safari lack', async ({ page }) => {
  await withoutNewerApis(page);
  await addQuarter(page);
  await expect(page.locator('[data-summary]')).toHaveText('检查通过：改动与本小区已公示的全部数据一致。');
  await page.goto('/submit/');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'fees.csv',
    mimeType: 'text/csv',
    buffer: await readFile('tests/fixtures/submission/fees-five-mistakes.csv'),
  });
  await expect(page.locator('.validator-summary')).toHaveText('共 5 处错误，请改正后再提交。');
});

test('the editor’s code, loaded on opening a compound, stays within 140 KiB gzipped', async ({ page }) => {
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body();
    const { gzipSync } = await import('node:zlib');
    sizes.set(response.url(), gzipSync(body).length);
  });
  await page.goto('/edit/?c=jinshuiwan');
  await expect(page.locator('[data-name]')).toHaveText('金水湾小区');
  await page.waitForLoadState('networkidle');
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  expect(sizes.size).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(140 * 1024);
});
