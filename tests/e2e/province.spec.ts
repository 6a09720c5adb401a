/**
 * A province portal (scripts/province.ts) of two county sites, each built on its own with its
 * search index in parts (GONGSHI_SEARCH_PART_SIZE in test-env.ts), searched from the portal's root in
 * Chromium: every part of every county is merged, and a result holds every word of the query
 * (withEveryKnownWord), with Intl.Segmenter and in an old WebView without it; and a county's own
 * search, under its path, links to its pages.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { searchPartFoldersAmong } from '../../src/core/lib/search-parts.ts';
import { buildSite } from './build-site.ts';
import { TEST_PORT } from './test-env.ts';

const COUNTIES = [
  ['qitai', '奇台县', '1'],
  ['mulei', '木垒哈萨克自治县', '2'],
] as const;
const PORT = TEST_PORT + 7;

/** The county pages whose search document holds every one of `words`, across the portal. */
async function pagesWith(portal: string, words: readonly string[]): Promise<string[]> {
  const pages: string[] = [];
  for (const [slug] of COUNTIES) {
    const file = path.join(portal, slug, 'search', 'documents.json');
    const documents = JSON.parse(await readFile(file, 'utf8')) as { url: string; html: string }[];
    for (const { url, html } of documents) if (words.every((w) => html.includes(w))) pages.push(url);
  }
  return pages.sort();
}

/** The portal's search for `query`: how many it reports, and the pages it lists (at most 20). */
async function search(page: Page, query: string): Promise<{ count: number; pages: string[] }> {
  await page.goto(`http://127.0.0.1:${PORT}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('#status');
  await expect(status).toContainText('找到', { timeout: 30_000 });
  const count = Number(/找到 (\d+) 个/.exec((await status.textContent()) ?? '')?.[1]);
  const pages = await page
    .locator('#results a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { count, pages: pages.sort() };
}

test('the province search merges every part of every county, and a result holds every word', async ({ page }) => {
  // Two builds of 20 compounds and a join, on a busy two-core machine.
  test.setTimeout(480_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-province-'));
  let server: ChildProcess | undefined;
  try {
    const sites: string[] = [];
    for (const [slug, name, seed] of COUNTIES) {
      const content = path.join(root, `content-${slug}`);
      const site = path.join(root, slug);
      const args = ['--compounds', '20', '--seed', seed, '--county', name, '--base-url'];
      execFileSync(process.execPath, [
        'scripts/generate-synthetic.ts',
        ...args,
        `https://wuye.example.cn/${slug}/`,
        '--out',
        content,
      ]);
      const built = buildSite(content, site, path.join(root, `cache-${slug}`));
      expect(built.status, built.stderr).toBe(0);
      sites.push(site);
    }
    const portal = path.join(root, 'portal');
    execFileSync(process.execPath, [
      'scripts/province.ts',
      '--out',
      portal,
      '--name',
      '新疆维吾尔自治区',
      '--base-url',
      'https://wuye.example.cn/',
      ...sites,
    ]);
    server = spawn(process.execPath, ['scripts/serve.ts', portal, String(PORT)], { stdio: 'ignore' });

    // Every part of both counties is merged: 20 compounds in parts of 6 is up to four parts each.
    const parts: string[] = [];
    for (const [slug] of COUNTIES) {
      const folders = searchPartFoldersAmong(await readdir(path.join(portal, slug)));
      parts.push(...folders.map((f) => `/${slug}/${f}/`));
    }
    expect(parts.length).toBeGreaterThan(4);
    await expect(async () => {
      await page.goto(`http://127.0.0.1:${PORT}/search/`);
    }).toPass({ timeout: 30_000 });
    const indexes = await page.locator('script[data-indexes]').getAttribute('data-indexes');
    expect(indexes?.split(',').sort()).toEqual([...parts].sort());

    // Two words, one of them (天山) in few compounds. Nothing is lost; no result lacks 物业, which every
    // part knows; and no part answers with all its 物业 compounds for want of 天山: a result holds 天山,
    // or, in a part without it, a word Pagefind takes as near it (天润物业's compounds: withEveryKnownWord).
    const exact = await pagesWith(portal, ['天山', '物业']);
    expect(exact.some((p) => p.startsWith('/qitai/')) && exact.some((p) => p.startsWith('/mulei/'))).toBe(true);
    const found = await search(page, '天山 物业');
    expect(found.pages).toEqual(expect.arrayContaining(exact));
    expect(found.pages.length).toBe(found.count);
    const near = await pagesWith(portal, ['天', '物业']);
    expect(found.pages.filter((p) => !near.includes(p))).toEqual([]);
    expect(found.count).toBeLessThan((await pagesWith(portal, ['物业'])).length / 2);

    // A county's own search page, under its path: Pagefind's addresses already carry /qitai/ (no /qitai/qitai/).
    await page.goto(`http://127.0.0.1:${PORT}/qitai/search/?q=${encodeURIComponent('物业')}`);
    await expect(page.locator('.search-results')).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
    const own = await page
      .locator('.search-results a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((p) => !/^\/qitai\/c\/[a-z0-9-]+\/$/.test(p))).toEqual([]);

    // An old WebView without Intl.Segmenter: the query's words are split on spaces.
    await page.addInitScript(() => {
      // @ts-expect-error: the WebView of older WeChat builds has no Intl.Segmenter.
      delete Intl.Segmenter;
    });
    const latin = await pagesWith(portal, ['tianshan', 'huayuan']);
    expect(latin.length).toBeGreaterThan(1);
    const foundLatin = await search(page, 'tianshan huayuan');
    expect(foundLatin.pages).toEqual(expect.arrayContaining(latin));
    expect(foundLatin.count).toBeLessThan(latin.length + 3);
  } finally {
    server?.kill();
    await rm(root, { recursive: true, force: true });
  }
});
