import { expect, test } from '@playwright/test';
import { evaluateCompound, type RuleId } from '../../src/core/model/compliance.ts';
import { sampleBundle } from './sample-data.ts';
import { TEST_DATE } from './test-env.ts';

test('every late, missing or overdue item is stated on its compound page, in its section', async ({ page }) => {
  const bundle = await sampleBundle();
  for (const record of bundle.compounds) {
    const findings = evaluateCompound(record, TEST_DATE);
    await page.goto(`/c/${record.slug}/`);
    for (const finding of findings) {
      await expect(page.locator(`section#${finding.section}`), `${record.slug}: ${finding.text}`).toContainText(
        finding.text,
      );
    }
    const flagged = findings.filter((f) => f.level !== 'due').length;
    if (flagged === 0) await expect(page.locator('.summary-ok')).toBeVisible();
    else await expect(page.locator('main')).toContainText(`本小区有 ${flagged} 项公示逾期或缺失`);
  }
});

test('the sample data exercises every rule and every kind of finding', async () => {
  const bundle = await sampleBundle();
  const seen = new Set<string>();
  for (const record of bundle.compounds) {
    for (const f of evaluateCompound(record, TEST_DATE)) seen.add(`${f.rule}:${f.level}`);
  }
  const wanted: `${RuleId}:${string}`[] = [
    'five-disclosures:missing',
    'public-revenue-quarterly:overdue',
    'public-revenue-quarterly:late',
    'public-revenue-quarterly:due',
    'fee-change-notice:late',
    'committee-filing:late',
    'committee-filing:overdue',
    'five-filings:missing',
    'elevator-inspection:overdue',
  ];
  expect([...seen].sort()).toEqual(expect.arrayContaining(wanted));
  const kinds = bundle.compounds.map((r) => r.compound);
  expect(kinds.some((c) => c.committee?.status === 'acting')).toBe(true);
  expect(kinds.some((c) => c.old_compound && c.management === 'none')).toBe(true);
  expect(kinds.some((c) => c.high_rise) && bundle.compounds.some((r) => r.elevators.length > 0)).toBe(true);
  expect(bundle.compounds.some((r) => r.fees.some((f) => f.effective > TEST_DATE))).toBe(true);
  expect(new Set(kinds.map((c) => c.community)).size).toBeGreaterThanOrEqual(3);
  expect(new Set(kinds.map((c) => c.company).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
});

test('a fee change announced for next month is shown beside the current price', async ({ page }) => {
  const bundle = await sampleBundle();
  const record = bundle.compounds.find((r) => r.fees.some((f) => f.effective > TEST_DATE));
  if (!record) throw new Error('no sample compound announces a fee change');
  await page.goto(`/c/${record.slug}/#fees`);
  await expect(page.locator('#fees')).toContainText(/自\d{4}年\d{1,2}月\d{1,2}日起调整为/);
});
