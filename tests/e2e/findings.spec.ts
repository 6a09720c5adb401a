import { expect, type Page, test } from '@playwright/test';
import { evaluateCompound, FINDING_LEVELS, isOpen, RULES } from '../../src/core/model/compliance.ts';
import { OPEN_LISTS } from '../../src/core/model/dashboard.ts';
import { sampleBundle } from './sample-data.ts';
import { TEST_DATE } from './test-env.ts';

/** What a compound page itself shows: whether it claims all clear, and whether any part says otherwise. */
async function pageVerdict(page: Page, slug: string) {
  await page.goto(`/c/${slug}/`);
  const allClear = await page.locator('.summary-ok').count();
  const openLevels = ['missing', 'overdue', 'stale', 'breach', 'warning'];
  const openInSections = await page
    .locator('section.section li.finding')
    .evaluateAll(
      (items, levels) => items.filter((li) => levels.includes(li.getAttribute('data-level') ?? '')).length,
      openLevels,
    );
  const unpublished = await page.locator('section.section .not-published').count();
  return { allClear: allClear === 1, open: openInSections + unpublished };
}

test('every finding is stated on its compound page, in its section, and counted only if open', async ({ page }) => {
  const bundle = await sampleBundle();
  for (const record of bundle.compounds) {
    const findings = evaluateCompound(record, TEST_DATE);
    await page.goto(`/c/${record.slug}/`);
    for (const finding of findings) {
      await expect(page.locator(`section#${finding.section}`), `${record.slug}: ${finding.text}`).toContainText(
        finding.text,
      );
    }
    const open = findings.filter(isOpen).length;
    if (open === 0) await expect(page.locator('.summary-ok')).toBeVisible();
    else await expect(page.locator('main')).toContainText(`本小区当前有 ${open} 项未解决`);
  }
});

test('no page, list, map point or count shows the all-clear while anything is open', async ({ page, request }) => {
  const bundle = await sampleBundle();
  const clear = new Set<string>();
  for (const record of bundle.compounds) {
    const verdict = await pageVerdict(page, record.slug);
    // The page's own evidence, not the rules: a part marked 未公示 or an open finding rules out the all-clear.
    expect(verdict.allClear, `${record.slug}: all clear with ${verdict.open} open`).toBe(verdict.open === 0);
    if (verdict.allClear) clear.add(record.slug);
  }
  expect(clear.size, 'some sample compounds are all clear, some are not').toBeGreaterThan(0);
  expect(clear.size).toBeLessThan(bundle.compounds.length);

  await page.goto('/c/');
  for (const record of bundle.compounds) {
    const card = page.locator('.card', { has: page.locator(`a[href="/c/${record.slug}/"]`) });
    await expect(card.locator('.badge'), record.slug).toHaveAttribute(
      'data-level',
      clear.has(record.slug) ? 'ok' : 'bad',
    );
  }

  await page.goto('/map/');
  for (const record of bundle.compounds) {
    const item = page.locator('.map-list li', { has: page.locator(`a[href="/c/${record.slug}/"]`) });
    if (clear.has(record.slug)) await expect(item, record.slug).toContainText('各项公示按期');
    else await expect(item, record.slug).not.toContainText('各项公示按期');
  }
  const points = (await (await request.get('/map/points.json')).json()) as { slug: string; status: string }[];
  for (const point of points) expect(point.status === 'current', point.slug).toBe(clear.has(point.slug));

  await page.goto('/');
  await expect(page.locator('.figures')).toContainText(`公示全部按期${clear.size}/${bundle.compounds.length}`);

  // An all-clear compound is on no list of open items.
  for (const list of OPEN_LISTS) {
    await page.goto(`/dashboard/${list}/`);
    for (const slug of clear) await expect(page.locator(`a[href="/c/${slug}/"]`), `${list}: ${slug}`).toHaveCount(0);
  }
});

test('a lateness put right is history, not open: silu-jiayuan', async ({ page }) => {
  await page.goto('/c/silu-jiayuan/');
  const history = page.locator('details', { hasText: '曾逾期、已补正' });
  await expect(history).toContainText('2025年第4季度公共收益逾期公示');
  await expect(history).toContainText('业主委员会成立备案逾期');
  await page.goto('/dashboard/filings-open/');
  await expect(page.locator('a[href="/c/silu-jiayuan/"]')).toHaveCount(0);
});

test('the company’s standing is named on the compound page: bogeda-xiaoqu', async ({ page }) => {
  await page.goto('/c/bogeda-xiaoqu/');
  await expect(page.locator('.summary-ok')).toHaveCount(0);
  const summary = page.locator('section[aria-labelledby="attention-title"]');
  await expect(summary).toContainText('列入黑名单');
  await expect(summary).toContainText('信用等级为 C');
  await expect(summary).toContainText('被通报批评');
  await expect(summary).toContainText('综合考评不合格（56 分）');
  await page.goto('/dashboard/company-blacklisted/');
  await expect(page.locator('a[href="/c/bogeda-xiaoqu/"]')).toHaveCount(1);
});

test('each list says since when and for how many days', async ({ page }) => {
  await page.goto('/dashboard/revenue-overdue/');
  const row = page.locator('li', { has: page.locator('a[href="/c/jinshuiwan/"]') });
  // 2026Q1 was owed by 2026-06-30: open since 2026-07-01, 143 days by 2026-11-20.
  await expect(row).toContainText('自2026年7月1日起，已 143 天');
});

test('the sample data exercises every rule and every level of finding', async () => {
  const bundle = await sampleBundle();
  const findings = bundle.compounds.flatMap((record) => evaluateCompound(record, TEST_DATE));
  expect(RULES.map((r) => r.key).filter((key) => !findings.some((f) => f.rule === key))).toEqual([]);
  expect(FINDING_LEVELS.filter((level) => !findings.some((f) => f.level === level))).toEqual([]);
  const kinds = bundle.compounds.map((r) => r.compound);
  expect(kinds.some((c) => c.committee?.status === 'acting' && c.committee_conditions_met === false)).toBe(true);
  expect(kinds.some((c) => c.utility_split === false)).toBe(true);
  expect(kinds.some((c) => c.old_compound && c.management === 'none')).toBe(true);
  expect(kinds.some((c) => c.high_rise) && bundle.compounds.some((r) => r.elevators.length > 0)).toBe(true);
  expect(bundle.compounds.some((r) => r.fees.some((f) => f.effective > TEST_DATE))).toBe(true);
  expect(new Set(kinds.map((c) => c.community)).size).toBeGreaterThanOrEqual(3);
  expect(new Set(kinds.map((c) => c.company).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
  // A fictional county, but a plausible one: no department's contact also runs a compound or chairs its committee.
  const officials = new Set(bundle.departments.map((d) => d.contact?.name).filter(Boolean));
  const residents = kinds.flatMap((c) => [c.manager?.name, ...(c.committee?.members ?? []).map((m) => m.name)]);
  expect(residents.filter((name) => name !== undefined && officials.has(name))).toEqual([]);
});

test('a fee change announced for next month is shown beside the current price', async ({ page }) => {
  const bundle = await sampleBundle();
  const record = bundle.compounds.find((r) => r.fees.some((f) => f.effective > TEST_DATE));
  if (!record) throw new Error('no sample compound announces a fee change');
  await page.goto(`/c/${record.slug}/#fees`);
  await expect(page.locator('#fees')).toContainText(/自\d{4}年\d{1,2}月\d{1,2}日起调整为/);
});
