/**
 * The /submit/ page: the in-browser checker gives the same messages as
 * `npm run validate` for the same file, loads its code only when used, and
 * the templates download.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EPOCH } from './test-env.ts';

const FIVE_MISTAKES = 'tests/fixtures/submission/fees-five-mistakes.csv';

/** What the command line prints for the file, each line without its path. */
async function cliMessages(fixture: string, name: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-cli-'));
  await copyFile(fixture, path.join(dir, name));
  const result = spawnSync(process.execPath, ['scripts/validate.ts', path.join(dir, name)], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  await rm(dir, { recursive: true, force: true });
  return result.stdout
    .split('\n')
    .filter((line) => line.includes(`${name}:`))
    .map((line) => line.slice(line.indexOf(`${name}:`)));
}

test('the checker shows the command line’s five messages for a file with five mistakes', async ({ page }) => {
  const expected = await cliMessages(FIVE_MISTAKES, 'fees.csv');
  expect(expected).toHaveLength(5);
  await page.goto('/submit/');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'fees.csv',
    mimeType: 'text/csv',
    buffer: await readFile(FIVE_MISTAKES),
  });
  await expect(page.locator('.validator-summary')).toHaveText('共 5 处错误，请改正后再提交。');
  await expect(page.locator('.validator-problems > li')).toHaveText(expected);
});

test('a GBK file from Excel gets the same messages plus a reminder to save as UTF-8', async ({ page }) => {
  const expected = await cliMessages(FIVE_MISTAKES, 'fees.csv');
  await page.goto('/submit/');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'fees.csv',
    mimeType: 'text/csv',
    buffer: await readFile('tests/fixtures/submission/fees-five-mistakes.gbk.csv'),
  });
  const items = page.locator('.validator-problems > li');
  await expect(items).toHaveCount(6);
  await expect(items.first()).toContainText('GBK');
  await expect(items.filter({ hasNotText: 'GBK' })).toHaveText(expected);
});

test('the validation code is fetched only once a file is chosen', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/submit/');
  await page.waitForLoadState('networkidle');
  const before = scripts.length;
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'fees.csv',
    mimeType: 'text/csv',
    buffer: await readFile(FIVE_MISTAKES),
  });
  await expect(page.locator('.validator-summary')).not.toBeEmpty();
  expect(scripts.length).toBeGreaterThan(before);
});

test('templates download with the Chinese headers, and a template checks clean', async ({ page, request }) => {
  const response = await request.get('/submit/templates/fees.csv');
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain('收费项目,收费对象');
  await page.goto('/submit/');
  await page
    .getByLabel('选择一个或多个 CSV、YAML 文件')
    .setInputFiles({ name: 'fees.csv', mimeType: 'text/csv', buffer: body });
  await expect(page.locator('.validator-summary')).toContainText('检查通过');
});

test('an Excel workbook gets the messages its CSV twin gets, naming the workbook', async ({ page }) => {
  const expected = (await cliMessages(FIVE_MISTAKES, 'fees.csv')).map((line) =>
    line.replace('fees.csv:', 'fees.xlsx:'),
  );
  await page.goto('/submit/');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'fees.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await readFile('tests/fixtures/submission/fees-five-mistakes.xlsx'),
  });
  await expect(page.locator('.validator-summary')).toHaveText('共 5 处错误，请改正后再提交。');
  await expect(page.locator('.validator-problems > li')).toHaveText(expected);
});

test('every table’s template is also a workbook, and it checks clean', async ({ page, request }) => {
  const response = await request.get('/submit/templates/fees.xlsx');
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect([...body.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  await page.goto('/submit/');
  await page
    .getByLabel('选择一个或多个 CSV、YAML 文件')
    .setInputFiles({ name: 'fees.xlsx', mimeType: 'application/octet-stream', buffer: body });
  await expect(page.locator('.validator-summary')).toContainText('检查通过');
  // A workbook that checks clean is offered as the CSV the repository keeps.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载可直接提交的 fees\.csv/ }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFF收费项目,收费对象,')).toBe(true);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
});

test('one file checked with its compound: the published files fill in, and the answer says which checks ran', async ({
  page,
}) => {
  await page.goto('/submit/?c=jinshuiwan');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'public-revenue.csv',
    mimeType: 'text/csv',
    buffer: await readFile('content/compounds/jinshuiwan/public-revenue.csv'),
  });
  await expect(page.locator('.validator-summary')).toContainText('检查通过');
  await expect(page.locator('.validator-context')).toContainText('已选择小区：金水湾小区');
  await expect(page.locator('.validator-context')).toContainText('已核对：收入合计、支出合计与明细核对');
  await page.goto('/submit/');
  await page.getByLabel('选择一个或多个 CSV、YAML 文件').setInputFiles({
    name: 'public-revenue.csv',
    mimeType: 'text/csv',
    buffer: await readFile('content/compounds/jinshuiwan/public-revenue.csv'),
  });
  await expect(page.locator('.validator-summary')).toContainText('检查通过');
  await expect(page.locator('.validator-context')).toContainText(
    '未核对：收入合计、支出合计与明细核对（缺少 public-revenue-items.csv）',
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says how to check on a computer instead', async ({ page }) => {
    await page.goto('/submit/');
    await expect(page.locator('.validator-nojs')).toBeVisible();
    await expect(page.locator('.validator-form')).toBeHidden();
    await expect(page.locator('#columns-fees\\.csv')).toContainText('收费标准（元）');
  });
});
