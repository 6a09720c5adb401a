/**
 * axe over every page type, at WCAG 2.2 AA, at phone and desktop widths
 * (playwright.config.ts runs this spec in both projects). A compound page
 * changes with its data, so its other states are checked once, at phone
 * width, where residents read them: no company, self-managed, a blacklisted
 * company with its badges, and a compound that has published almost nothing.
 */
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { PAGE_TYPES } from './page-types.ts';

const COMPOUND_STATES = ['/c/bogeda-xiaoqu/', '/c/liangju-jiashulou/', '/c/nongjichang-jiashuyuan/', '/c/yihe-yuan/'];

for (const path of PAGE_TYPES) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await expectNoViolations(page, path);
  });
}

for (const path of COMPOUND_STATES) {
  test(`no accessibility violations on ${path}, a compound page in another state`, async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'checked once, at phone width');
    await expectNoViolations(page, path);
  });
}

async function expectNoViolations(page: import('@playwright/test').Page, path: string) {
  await page.goto(path);
  expect(await axeViolations(page)).toEqual([]);
}
