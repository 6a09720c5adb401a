/** County oversight: dashboard counts, company pages, ratings on compound pages. */
import { expect, test } from '@playwright/test';
import { t } from '../../src/core/i18n/t.ts';
import { DASHBOARD_LISTS } from '../../src/core/model/dashboard.ts';
import { currentRating } from '../../src/core/model/oversight.ts';
import { sampleBundle } from './sample-data.ts';

test('every count on the dashboard equals the number of compounds it links to', async ({ page }) => {
  await page.goto('/dashboard/');
  const links = await page.locator('.dashboard-table a[data-count]').evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute('href') ?? '',
      count: Number(a.getAttribute('data-count')),
      text: a.textContent?.trim(),
    })),
  );
  const bundle = await sampleBundle();
  expect(links.length).toBe(DASHBOARD_LISTS.length * (bundle.communities.length + 1));
  let nonZero = 0;
  for (const link of links) {
    expect(link.text).toBe(String(link.count));
    await page.goto(link.href);
    const [, anchor] = link.href.split('#');
    const scope = anchor ? `[id="${anchor}"] ` : '';
    const count = await page.locator(`${scope}ul.dashboard-list a[href^="/c/"]`).count();
    expect(count, link.href).toBe(link.count);
    if (count > 0) nonZero += 1;
  }
  expect(nonZero).toBeGreaterThan(0);
});

test('the evaluation overdue list names the compound missing its latest evaluation', async ({ page }) => {
  await page.goto('/dashboard/evaluation-overdue/');
  await expect(page.locator('ul.dashboard-list a[href="/c/yihe-yuan/"]')).toHaveCount(1);
  await page.goto('/c/yihe-yuan/');
  await expect(page.locator('#evaluation .finding')).toContainText(t('section.evaluation'));
});

test('company pages list their compounds, managers and blacklist status', async ({ page }) => {
  const bundle = await sampleBundle();
  for (const company of bundle.companies) {
    await page.goto(`/companies/${company.slug}/`);
    await expect(page.locator('h1')).toHaveText(company.name);
    await expect(page.locator('main')).toContainText(company.uscc);
    const served = bundle.compounds.filter((r) => r.compound.company === company.slug);
    const hrefs = await page
      .locator('ul.company-compounds a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(served.map((r) => `/c/${r.slug}/`).sort());
    const managers = served.flatMap((r) => (r.compound.manager ? [r.compound.manager.name] : []));
    for (const name of managers) await expect(page.locator('main')).toContainText(name);
  }
  await page.goto('/companies/ruifeng/');
  await expect(page.locator('main')).toContainText(t('blacklist.inForce'));
  await page.goto('/blacklist/');
  await expect(page.locator('#companies a[href="/companies/ruifeng/"]')).toHaveCount(1);
});

test('the current rating appears on every compound page of a rated company', async ({ page }) => {
  const bundle = await sampleBundle();
  for (const record of bundle.compounds.filter((r) => r.compound.company)) {
    const rating = currentRating(bundle.oversight, record.compound.company);
    await page.goto(`/c/${record.slug}/`);
    const text = page.getByTestId('company-rating');
    if (rating) await expect(text, record.slug).toContainText(rating.grade);
    else await expect(text, record.slug).toHaveText(t('rating.none'));
  }
});

test('the dashboard charts are inline SVG with a title and the numbers as text', async ({ page }) => {
  await page.goto('/dashboard/');
  const charts = page.locator('svg.bar-chart[role="img"]');
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart.locator('title')).not.toBeEmpty();
    await expect(chart.locator('desc')).toContainText('%');
  }
  expect(await page.locator('svg.bar-chart script').count()).toBe(0);
});
