/**
 * axe at WCAG 2.2 AA and its best practices, one line per violation: the rule and where it fails.
 *
 * Legacy mode runs axe in the page itself. The default mode opens a second, blank page
 * to merge the results of cross-origin frames, which the site has none of; that page
 * cost a quarter of every check.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
