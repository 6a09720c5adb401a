/**
 * `npm run screenshot -- [--large] <base-url> <path> [<path>…]`: full-page PNGs of each
 * path at phone (375 px) and desktop (1280 px) width, written to screenshots/,
 * so that a change can be looked at as a resident would see it. With --large,
 * at the narrowest phone (320 px) in large-text mode instead, as an older resident sets it.
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './lib/chromium.ts';

const args = process.argv.slice(2);
const large = args.includes('--large');
const [base = 'http://127.0.0.1:4321', ...paths] = args.filter((arg) => arg !== '--large');
const widths = large
  ? [{ name: 'phone-320-large', width: 320, height: 640 }]
  : [
      { name: 'phone', width: 375, height: 812 },
      { name: 'desktop', width: 1280, height: 900 },
    ];
await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
for (const path of paths.length ? paths : ['/']) {
  for (const { name, width, height } of widths) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    // The display settings the site's own toggle stores (src/site/layouts/BaseLayout.astro).
    if (large) await page.addInitScript(() => localStorage.setItem('gongshi-display', '{"large":true}'));
    await page.goto(new URL(path, base).href);
    const file = `screenshots/${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    // The full page of a compound is too tall to look at in one picture: also save it screen by screen.
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < total; y += height, n++) {
      const slice = file.replace(/\.png$/, `-${n}.png`);
      await page.screenshot({
        path: slice,
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(height, total - y) },
      });
    }
    await page.close();
  }
}
await browser.close();
