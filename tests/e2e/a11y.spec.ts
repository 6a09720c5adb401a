/** axe over every page type, at WCAG 2.2 AA, at phone and desktop widths. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sampleBundle } from './sample-data.ts';

async function pageTypes(): Promise<string[]> {
  const bundle = await sampleBundle();
  const compounds = bundle.compounds;
  // Every compound page: they differ in which parts are present, so each is its own case.
  return ['/', '/c/', `/shequ/${bundle.communities[0]?.slug}/`, '/404.html', ...compounds.map((r) => `/c/${r.slug}/`)];
}

test('no accessibility violations on any page type', async ({ page }) => {
  for (const path of await pageTypes()) {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, path).toEqual([]);
  }
});
