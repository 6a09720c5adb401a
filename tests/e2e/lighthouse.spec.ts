/**
 * Lighthouse's mobile audit of the pages residents and staff use most: a
 * compound page, the home page, search and the dashboard, each at 100 for
 * accessibility, best practices and SEO. The performance score and its
 * metrics are the bench's (npm run bench), not a test's: they measure time.
 */
import { expect, test } from '@playwright/test';
import { audit } from '../../scripts/lib/lighthouse.ts';
import { TEST_PORT } from './test-env.ts';

test('a compound page, the home page, search and the dashboard score 100 for accessibility, best practices and SEO', async () => {
  // Four audits in one browser, each waiting for the page to settle; slower on a busy machine.
  test.setTimeout(240_000);
  const pages = ['/c/tianshan-huayuan/', '/', '/search/', '/dashboard/'];
  const reports = await audit(
    pages.map((p) => `http://127.0.0.1:${TEST_PORT}${p}`),
    ['accessibility', 'best-practices', 'seo'],
  );
  for (const report of reports) {
    expect(report.failing, report.url).toEqual([]);
    expect(report.scores, report.url).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
  }
});
