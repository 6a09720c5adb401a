import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.ts';
import { TEST_ENV, TEST_OUT_DIR, TEST_PORT } from './tests/e2e/test-env.ts';

/**
 * End-to-end tests run in Debian's Chromium against the site built from the
 * bundled sample data, on a fixed build date so that findings are stable.
 */
/** Specs that run `astro build` themselves (broken or hostile data, a second build compared). */
const BUILD_SPECS = /(build-errors|hostile-build|province|reproducible|synthetic-verdicts)\.spec\.ts/;
/**
 * Specs whose result depends on the width of the screen: they run at phone and at desktop
 * width. Every other spec runs once, in the desktop project; a check that needs a narrow
 * screen (320 px, 200 % zoom) sets its own viewport and runs once too.
 */
const RESPONSIVE_SPECS = /(a11y|display)\.spec\.ts/;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.tmp/results',
  fullyParallel: true,
  workers: 2,
  // Sized for a busy two-core machine, where a page with axe or a PDF can take several times
  // its quiet time; the specs that spawn a build set their own, longer timeouts.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // The JSON report feeds the closing summary of `npm test` (scripts/test-summary.ts).
  reporter: [
    ['list'],
    ['json', { outputFile: 'tests/.tmp/e2e.json' }],
    ...(process.env.CI ? [['github'] as const] : []),
  ],
  use: {
    baseURL: `http://127.0.0.1:${TEST_PORT}`,
    launchOptions: chromiumLaunchOptions,
    locale: 'zh-CN',
  },
  projects: [
    // Runs the build itself on broken fixtures: once, not per viewport.
    // One at a time: concurrent `astro build`s in one project share .astro/ and break each other.
    { name: 'build', testMatch: BUILD_SPECS, workers: 1 },
    { name: 'desktop', testIgnore: BUILD_SPECS, use: { viewport: { width: 1280, height: 900 } } },
    {
      name: 'phone',
      testMatch: RESPONSIVE_SPECS,
      use: { viewport: { width: 375, height: 812 }, hasTouch: true },
    },
  ],
  webServer: {
    command: `astro build && node scripts/serve.ts ${TEST_OUT_DIR} ${TEST_PORT}`,
    url: `http://127.0.0.1:${TEST_PORT}/`,
    env: TEST_ENV,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
