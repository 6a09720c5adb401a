/**
 * Search (Pagefind) and maps (Leaflet), as residents and staff use them:
 * exact names come first, topics find the compounds that have them,
 * filters narrow, old WebViews without Intl.Segmenter still search, and the
 * map works with every outside request blocked and from the keyboard.
 */
import { expect, type Page, test } from '@playwright/test';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import { sampleBundle } from './sample-data.ts';

async function search(page: Page, query: string, filters: Record<string, string> = {}): Promise<string[]> {
  await page.getByLabel('搜索内容').fill(query);
  for (const [label, value] of Object.entries(filters)) await page.getByLabel(label).selectOption(value);
  await page.getByRole('button', { name: '搜索' }).click();
  // Names come from the directory first; the list stays busy until Pagefind has added the rest.
  await expect(page.locator('.search-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.search-status')).not.toHaveText(/正在搜索|^$/);
  return page
    .locator('.search-results a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const pagesOf = (records: CompoundRecord[]) => records.map((r) => `/c/${r.slug}/`).sort();

test.describe('search', () => {
  test('an exact compound name finds that compound first', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/search/');
    for (const record of bundle.compounds) {
      const results = await search(page, record.compound.name);
      expect(results[0], record.compound.name).toBe(`/c/${record.slug}/`);
    }
  });

  test('pinyin initials, full pinyin and the slug find the compound first', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/search/');
    const first = async (query: string) => (await search(page, query))[0];
    expect(await first('tshy')).toBe('/c/tianshan-huayuan/');
    expect(await first('jsw')).toBe('/c/jinshuiwan/');
    expect(await first('tianshanhuayuan')).toBe('/c/tianshan-huayuan/');
    for (const record of bundle.compounds) expect(await first(record.slug), record.slug).toBe(`/c/${record.slug}/`);
  });

  test('a search that finds nothing is retried without one of its words, and says so', async ({ page }) => {
    await page.goto('/search/');
    // 绣 typed as 秀, as a pinyin keyboard often offers.
    expect(await search(page, '锦秀华庭')).toEqual(['/c/jinxiu-huating/']);
    await expect(page.locator('.search-status')).toContainText('没有找到与“锦秀华庭”完全一致的结果');
    expect(await search(page, 'xyzzy')).toEqual([]);
    await expect(page.locator('.search-status')).toContainText('没有找到结果');
  });

  test('a name typed from its start is answered from one directory file, before Pagefind loads', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/search/?q=jsw');
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/c/jinshuiwan/');
    await expect(page.locator('.search-results')).not.toHaveAttribute('aria-busy', 'true');
    const directory = requests.indexOf('/search/names/js.json');
    expect(directory).toBeGreaterThan(-1);
    expect(requests.findIndex((r) => r.startsWith('/pagefind/'))).toBeGreaterThan(directory);
  });

  test('the first result shows without scrolling on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/search/');
    await search(page, 'jsw');
    const box = await page.locator('.search-results a').first().boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 640) + (box?.height ?? 0)).toBeLessThanOrEqual(640);
  });

  test('topics find exactly the compounds that publish them', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/search/');
    const withRevenue = bundle.compounds.filter((r) => r.compound.public_revenue);
    expect((await search(page, '公共收益')).sort()).toEqual(pagesOf(withRevenue));
    const withElevators = bundle.compounds.filter((r) => r.elevators.length > 0);
    expect((await search(page, '电梯')).sort()).toEqual(pagesOf(withElevators));
    const parking = bundle.compounds.filter(
      (r) => r.fees.some((f) => f.item.includes('停车费')) || r.revenueItems.some((i) => i.item.includes('停车费')),
    );
    expect((await search(page, '停车费')).sort()).toEqual(pagesOf(parking));
  });

  test('part of an address, a company and a 社区 find their compounds', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/search/');
    const [first] = bundle.compounds;
    if (!first) throw new Error('no compounds');
    const street = first.compound.address.replace(/^奇台县奇台镇/, '').replace(/\d.*$/, '');
    expect(await search(page, street)).toContain(`/c/${first.slug}/`);
    const company = bundle.companies[0];
    if (!company) throw new Error('no companies');
    const served = bundle.compounds.filter((r) => r.compound.company === company.slug);
    expect((await search(page, company.name)).slice(0, served.length).sort()).toEqual(pagesOf(served));
  });

  test('over an index in parts, a result holds every word of the query, as with one index', async ({ page }) => {
    await page.goto('/search/');
    // The sample is indexed in three parts (test-env.ts); only one compound is called 天山, and the two
    // parts without it, left to themselves, would answer 天山 物业 with every compound naming a 物业 company.
    expect(await search(page, '天山 物业')).toEqual(['/c/tianshan-huayuan/']);
    await expect(page.locator('.search-status')).toContainText('找到 1 个');
  });

  test('a filter narrows the results to one 社区', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/search/');
    const all = await search(page, '小区');
    const community = bundle.communities[0];
    if (!community) throw new Error('no communities');
    const narrowed = await search(page, '小区', { 社区: community.name });
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    const inCommunity = new Set(pagesOf(bundle.compounds.filter((r) => r.compound.community === community.slug)));
    for (const path of narrowed) expect(inCommunity.has(path), path).toBe(true);
  });

  test.describe('in a WebView without Intl.Segmenter', () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(() => {
        // As in older WebViews (some inside WeChat): Pagefind can then not split Chinese queries itself.
        Reflect.deleteProperty(Intl, 'Segmenter');
      });
    });

    test('exact names and topics are still found', async ({ page }) => {
      const bundle = await sampleBundle();
      await page.goto('/search/');
      expect(await page.evaluate(() => 'Segmenter' in Intl)).toBe(false);
      for (const record of bundle.compounds.slice(0, 6)) {
        expect((await search(page, record.compound.name))[0], record.compound.name).toBe(`/c/${record.slug}/`);
      }
      expect((await search(page, '公共收益')).length).toBeGreaterThan(0);
    });
  });

  test('search loads no script until it is used, and results come from a plain GET form', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && r.url().includes('/pagefind/')) scripts.push(r.url());
    });
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.goto('/search/?q=天山花园');
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/c/tianshan-huayuan/');
    expect(scripts.length).toBeGreaterThan(0);
  });
});

test.describe('maps', () => {
  test.beforeEach(async ({ page }) => {
    // Only the site itself is reachable: no tiles, no outside service.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  });

  test('the county map shows every compound, on a plain background, without errors', async ({ page }) => {
    const bundle = await sampleBundle();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/map/');
    const markers = page.locator('.leaflet-marker-pane .map-marker');
    await expect(markers.first()).toBeVisible();
    await expect(page.locator('.map-notice')).toContainText('底图暂时无法加载');
    const clustered = await page.locator('.leaflet-marker-pane .map-cluster').allTextContents();
    const inClusters = clustered.reduce((sum, n) => sum + Number(n), 0);
    expect((await markers.count()) + inClusters).toBe(bundle.compounds.length);
    for (const record of bundle.compounds) {
      await expect(page.locator('.map-list').getByRole('link', { name: record.compound.name })).toHaveAttribute(
        'href',
        `/c/${record.slug}/`,
      );
    }
    expect(errors).toEqual([]);
  });

  test('keyboard users reach each marker’s link', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/map/');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    const reached = new Set<string>();
    const visitMarkers = async () => {
      const titles = await page
        .locator('.leaflet-marker-icon:has(.map-marker)')
        .evaluateAll((icons) => icons.map((icon) => icon.getAttribute('title') ?? ''));
      for (const title of titles) {
        await page.locator(`.leaflet-marker-icon[title="${title}"]`).focus();
        await page.keyboard.press('Enter');
        const link = page.locator('.leaflet-popup-content a');
        await expect(link).toBeFocused();
        reached.add((await link.getAttribute('href')) ?? '');
        await page.keyboard.press('Escape');
        await expect(link).toHaveCount(0);
      }
    };
    await visitMarkers();
    // A cluster opens from the keyboard too, showing the compounds inside it.
    for (let round = 0; round < 5 && (await page.locator('.map-cluster').count()) > 0; round++) {
      await page.locator('.leaflet-marker-icon:has(.map-cluster)').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await visitMarkers();
    }
    expect([...reached].sort()).toEqual(pagesOf(bundle.compounds));
  });

  test('a compound page requests no script until its small map scrolls into view', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/c/tianshan-huayuan/');
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('#location').scrollIntoViewIfNeeded();
    await expect(page.locator('#location .map-marker')).toBeVisible();
    expect(scripts.some((url) => url.endsWith('/_map/map.js'))).toBe(true);
  });

  test('the offline notice under a small map moves nothing below it', async ({ page }) => {
    await page.goto('/c/tianshan-huayuan/');
    const below = page.getByRole('navigation', { name: '打印张贴' });
    const before = (await below.boundingBox())?.y;
    await page.locator('#location').scrollIntoViewIfNeeded();
    await expect(page.locator('#location .map-notice')).toContainText('底图');
    const after = await below.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(before).toBeDefined();
    expect(after).toBeCloseTo(before as number, 0);
  });
});
