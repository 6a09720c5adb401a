/**
 * Open data, history, feeds and the sitemap, against the site built from the
 * sample data: the files are fetched as a program would fetch them.
 */
import { expect, test } from '@playwright/test';
import { DASHBOARD_LISTS } from '../../src/core/model/dashboard.ts';
import { COUNTY_TABLES } from '../../src/outputs/open-data.ts';
import { sampleBundle } from './sample-data.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const headerOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]
    ?.split(',') ?? [];

test('/data/ lists every download, the licence and the feeds', async ({ page }) => {
  const bundle = await sampleBundle();
  await page.goto('/data/');
  await expect(page.locator('h1')).toHaveText('开放数据');
  for (const table of COUNTY_TABLES) {
    await expect(page.locator(`main a[href="/data/${table}.csv"]`)).toHaveCount(1);
    await expect(page.locator(`main a[href="/data/${table}.json"]`)).toHaveCount(1);
  }
  await expect(page.locator('main a[href="/data/datapackage.json"]')).toHaveCount(1);
  await expect(page.locator('main a[rel~="license"]')).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by/4.0/',
  );
  for (const record of bundle.compounds) {
    await expect(page.locator(`main a[href="/data/c/${record.slug}.json"]`)).toHaveCount(1);
    // A table is offered for download only where the compound has rows in it.
    await expect(page.locator(`main a[href="/data/c/${record.slug}/fees.csv"]`)).toHaveCount(
      record.fees.length > 0 ? 1 : 0,
    );
  }
  await expect(page.locator('main a[href="/feeds/changes.xml"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/feeds/notices.xml"]')).toHaveCount(1);
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '开放数据' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('the county CSV starts with a byte-order mark and the Chinese header, one row per fee', async ({ request }) => {
  const bundle = await sampleBundle();
  const response = await request.get('/data/fees.csv');
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8');
  expect(text.slice(1)).toMatch(/^小区标识,收费项目,收费对象,/);
  const rows = text.split('\r\n').filter((line) => line !== '').length - 1;
  expect(rows).toBe(bundle.compounds.reduce((n, r) => n + r.fees.length, 0));
});

test('datapackage.json has a resource per table whose fields match its CSV header', async ({ request }) => {
  const response = await request.get('/data/datapackage.json');
  expect(response.status()).toBe(200);
  const pkg = (await response.json()) as {
    licenses: { name: string }[];
    resources: { name: string; path: string; schema: { fields: { name: string; title: string; type: string }[] } }[];
  };
  expect(pkg.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
  expect(pkg.resources.map((r) => r.name)).toEqual([
    ...COUNTY_TABLES,
    ...DASHBOARD_LISTS.map((list) => `findings-${list}`),
  ]);
  for (const resource of pkg.resources) {
    const csv = await request.get(`/data/${resource.path}`);
    expect(csv.status(), resource.path).toBe(200);
    expect(resource.schema.fields.map((f) => f.name)).toEqual(headerOf(await csv.text()));
    for (const field of resource.schema.fields) {
      expect(field.title, `${resource.name}.${field.name}`).toBeTruthy();
      expect(field.type, `${resource.name}.${field.name}`).toBeTruthy();
    }
  }
});

test('the feeds are well-formed Atom; changes and notices have entries', async ({ page, request }) => {
  const bundle = await sampleBundle();
  await page.goto('/');
  const feeds = [
    '/feeds/changes.xml',
    '/feeds/notices.xml',
    ...bundle.communities.map((c) => `/feeds/shequ/${c.slug}.xml`),
    '/data/findings/feed.xml',
    ...bundle.compounds.map((r) => `/data/c/${r.slug}/findings.xml`),
  ];
  for (const feed of feeds) {
    const response = await request.get(feed);
    expect(response.status(), feed).toBe(200);
    const xml = await response.text();
    expect(xml, feed).toContain(`<feed xmlns="${ATOM}"`);
    const parsed = await page.evaluate(
      ([text, ns]) => {
        const doc = new DOMParser().parseFromString(text ?? '', 'application/xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          entries: doc.getElementsByTagNameNS(ns ?? '', 'entry').length,
        };
      },
      [xml, ATOM],
    );
    expect(parsed.errors, feed).toBe(0);
    expect(parsed.root, feed).toBe('feed');
    // The county-wide feeds have entries in the sample; a 社区's or a compound's may be empty and still well-formed.
    const least = ['/feeds/changes.xml', '/feeds/notices.xml', '/data/findings/feed.xml'].includes(feed) ? 1 : 0;
    expect(parsed.entries, feed).toBeGreaterThanOrEqual(least);
  }
});

test('the sitemap lists every compound page at base_url, and robots.txt points to it', async ({ request }) => {
  const bundle = await sampleBundle();
  const base = bundle.site.base_url;
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  for (const record of bundle.compounds)
    expect(sitemap).toContain(`<loc>${new URL(`c/${record.slug}/`, base).href}</loc>`);
  for (const path of ['', 'c/', 'data/', 'notices/'])
    expect(sitemap).toContain(`<loc>${new URL(path, base).href}</loc>`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${new URL('sitemap.xml', base).href}`);
});

test('every page type names its canonical address and the feeds', async ({ page }) => {
  const bundle = await sampleBundle();
  const record = bundle.compounds[0];
  for (const path of ['/', '/data/', '/notices/', '/notices/kaifang-shuju/', `/c/${record?.slug}/`, '/submit/']) {
    await page.goto(path);
    await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute(
      'href',
      new URL(path.slice(1), bundle.site.base_url).href,
    );
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]'), path).toHaveCount(2);
  }
});

test('notices: the list and a notice, labelled as samples, linked from the footer', async ({ page }) => {
  await page.goto('/');
  await page.locator('footer').getByRole('link', { name: '公告' }).click();
  await expect(page).toHaveURL('/notices/');
  const items = page.locator('main .card-list > li');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('示例');
  await items.first().getByRole('link').click();
  await expect(page.locator('main h1')).toContainText('示例');
  await expect(page.locator('main article')).toContainText('这是一则示例公告');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a compound page ends with its change history, folded', async ({ page }) => {
    await page.goto('/c/tianshan-huayuan/');
    const history = page.locator('#history');
    await expect(history.locator('h2')).toHaveText('修改记录');
    await expect(history).toContainText('开始在本站公示');
    await expect(history.locator('details')).toHaveCount(1);
    await history.locator('summary').click();
    await expect(history.locator('.history-list > li').first()).toBeVisible();
  });
});
