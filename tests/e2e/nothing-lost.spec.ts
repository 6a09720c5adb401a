/**
 * Nothing lost between content/ and what residents see: every compound,
 * every quarter of public revenue and every fee item read by the loader is on
 * its page, in the search index, on the map and in the downloads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { quarterViews, yearSummaries } from '../../src/core/model/compound-view.ts';
import { feeLines } from '../../src/core/model/fee-lines.ts';
import { sampleBundle } from './sample-data.ts';
import { TEST_DATE, TEST_OUT_DIR } from './test-env.ts';

/** Data rows per compound slug in one of the county-wide CSV downloads (first column is the slug). */
function rowsPerSlug(file: string): Map<string, number> {
  const text = readFileSync(path.join(TEST_OUT_DIR, 'data', file), 'utf8').replace(/^\uFEFF/, '');
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const counts = new Map<string, number>();
  for (const [slug = ''] of data.slice(1)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return counts;
}

test('every compound, quarter and fee item is on its page', async ({ page }) => {
  const bundle = await sampleBundle();
  expect(bundle.compounds.length).toBeGreaterThan(10);
  for (const record of bundle.compounds) {
    await page.goto(`/c/${record.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(record.compound.name);
    // Quarters: the last two item by item, one table each; the next two one summary row each, earlier ones one
    // row per year
    // (inside a closed <details>, still in the page), their items in the compound's CSV.
    const quarters = quarterViews(record);
    expect(quarters.length, record.slug).toBe(record.revenueQuarters.length);
    const shownQuarters = record.compound.public_revenue ? record.revenueQuarters.length : 0;
    expect(await page.locator('#public-revenue .quarter table').count(), record.slug).toBe(Math.min(shownQuarters, 2));
    expect(await page.locator('#public-revenue .quarter-summary tbody tr').count(), record.slug).toBe(
      shownQuarters > 2 ? quarters.slice(2, 4).length + yearSummaries(quarters.slice(4)).length : 0,
    );
    const itemsLink = page.locator('#public-revenue details a[href$="/public-revenue-items.csv"]');
    expect(await itemsLink.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), record.slug).toEqual(
      shownQuarters > 2 && record.revenueItems.length > 0 ? [`/data/c/${record.slug}/public-revenue-items.csv`] : [],
    );
    // Fee items: one card per item and payer, holding the price in force, the earlier ones and any announced change.
    const lines = feeLines(record.fees, TEST_DATE);
    expect(
      lines.reduce((n, l) => n + (l.current ? 1 : 0) + l.past.length + l.upcoming.length, 0),
      record.slug,
    ).toBe(record.fees.length);
    expect(await page.locator('#fees article.card').count(), record.slug).toBe(lines.length);
  }
});

test('every compound is in the search index, grouped by 社区', async ({ page }) => {
  const bundle = await sampleBundle();
  await page.goto('/search/');
  const byCommunity = new Map<string, string[]>();
  for (const record of bundle.compounds) {
    const name = bundle.communities.find((c) => c.slug === record.compound.community)?.name ?? '';
    byCommunity.set(name, [...(byCommunity.get(name) ?? []), `/c/${record.slug}/`]);
  }
  // The sample is built in parts (GONGSHI_SEARCH_PART_SIZE in test-env.ts): every part is read, as the search page does.
  const indexes = (await page.locator('gongshi-search').getAttribute('data-indexes'))?.split(',') ?? [];
  expect(indexes).toEqual(['/pagefind/', '/pagefind-2/', '/pagefind-3/']);
  const indexed = await page.evaluate(
    async ([communities, [first, ...others]]) => {
      const pagefind = await import(`${first}pagefind.js`);
      for (const part of others) await pagefind.mergeIndex(part);
      const found: Record<string, string[]> = {};
      for (const community of communities) {
        const { results } = await pagefind.search(null, { filters: { 社区: community } });
        const data = await Promise.all(results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
        found[community] = data.map((d: { url: string }) => d.url).sort();
      }
      return found;
    },
    [[...byCommunity.keys()], indexes] as const,
  );
  expect(indexed).toEqual(Object.fromEntries([...byCommunity].map(([k, v]) => [k, v.sort()])));
});

test('every compound with a location is on the map, and everything is in the downloads', async ({ request }) => {
  const bundle = await sampleBundle();
  const points = (await (await request.get('/map/points.json')).json()) as { slug: string }[];
  expect(points.map((p) => p.slug).sort()).toEqual(bundle.compounds.map((r) => r.slug).sort());

  const expectCounts = (file: string, count: (r: (typeof bundle.compounds)[number]) => number) => {
    const rows = rowsPerSlug(file);
    for (const record of bundle.compounds)
      expect(rows.get(record.slug) ?? 0, `${file} ${record.slug}`).toBe(count(record));
    expect([...rows.keys()].filter((slug) => !bundle.compounds.some((r) => r.slug === slug))).toEqual([]);
  };
  expectCounts('compounds.csv', () => 1);
  expectCounts('fees.csv', (r) => r.fees.length);
  expectCounts('public-revenue.csv', (r) => r.revenueQuarters.length);
  expectCounts('public-revenue-items.csv', (r) => r.revenueItems.length);
  expectCounts('maintenance-fund.csv', (r) => r.fundUses.length);
  expectCounts('elevators.csv', (r) => r.elevators.length);
  expectCounts('utility-split.csv', (r) => r.utilitySplits.length);
});
