import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.ts';
import { TEST_ENV, TEST_OUT_DIR, TEST_PORT } from './tests/e2e/test-env.ts';

/**
 * End-to-end tests run in Debian's Chromium against the site built from the
 * bundled sample data, on a fixed build date so that findings are stable.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.tmp/results',
  fullyParallel: true,
  workers: 2,
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
    // Runs the build itself on broken fixtures: no browser, so once rather than per viewport.
    { name: 'build', testMatch: /build-errors\.spec\.ts/ },
    { name: 'phone', testIgnore: /build-errors/, use: { viewport: { width: 375, height: 812 }, hasTouch: true } },
    { name: 'desktop', testIgnore: /build-errors/, use: { viewport: { width: 1280, height: 900 } } },
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
