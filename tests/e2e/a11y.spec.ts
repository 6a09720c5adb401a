/** axe over every page type, at WCAG 2.2 AA, at phone and desktop widths. */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './page-types.ts';

// Every compound page is its own case: they differ in which parts are present.
const compoundPaths = readdirSync('content/compounds').map((slug) => `/c/${slug}/`);
const communityPaths = readdirSync('content/communities').map((file) => `/shequ/${file.replace(/\.ya?ml$/, '')}/`);
const paths = [
  // One of every page type (notice pages included), then every compound and the print sheets.
  ...PAGE_TYPES,
  '/',
  '/c/',
  '/search/',
  '/map/',
  '/submit/',
  '/data/',
  '/notices/',
  '/404.html',
  ...communityPaths.slice(0, 1),
  // Printable sheets: the largest compound's notice and board, and one 社区's print-all pages.
  '/c/tianshan-huayuan/notice/',
  '/c/tianshan-huayuan/board/',
  ...communityPaths.slice(0, 1).flatMap((p) => [`${p}notices/`, `${p}boards/`]),
  // County oversight: one of each page type.
  '/dashboard/',
  '/dashboard/evaluation-overdue/',
  '/companies/',
  '/companies/ruifeng/',
  '/ratings/',
  '/blacklist/',
  '/evaluations/',
  ...compoundPaths,
];

for (const path of new Set(paths)) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}
