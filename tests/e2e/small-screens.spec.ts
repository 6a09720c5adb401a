/**
 * 适老化 at fixed sizes, whatever the project's viewport, so run once: every
 * page type fits a 320 px screen without sideways scrolling (tables scroll
 * inside their frames), body text is at least 16 px and controls at least
 * 44 px; badges fit; 200 % zoom lays out; large-text, high-contrast pages pass axe.
 * To look at them: `npm run screenshot -- --large <base-url> <path>…`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { transformWithOxc } from 'vite';
import { OLDER_BROWSERS } from '../../src/core/lib/browsers.ts';
import { axeViolations } from './axe.ts';
import { withoutCascadeLayers, withoutNewerApis } from './legacy-browser.ts';
import { PAGE_TYPES } from './page-types.ts';
import { TEST_OUT_DIR, TEST_PORT } from './test-env.ts';

test.describe('320 px wide, large text', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });
  for (const address of PAGE_TYPES) {
    test(`${address}: no sideways scrolling, 16 px text, 44 px controls`, async ({ page }) => {
      for (const large of [false, true]) {
        await page.addInitScript((on) => localStorage.setItem('gongshi-display', JSON.stringify({ large: on })), large);
        await page.goto(address);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(
          overflow,
          `${address} scrolls sideways by ${overflow}px${large ? ' in large text' : ''}`,
        ).toBeLessThanOrEqual(0);
      }
      const body = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      expect(body).toBeGreaterThanOrEqual(16);
      // Navigation, buttons and toggles (not links inside running text: WCAG 2.5.8 exempts those).
      const small = await page
        .locator('body > header a, body > header button:visible, main button:visible')
        .evaluateAll((elements) =>
          elements
            .map((e) => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
            .map(({ e, r }) => `${e.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`),
        );
      expect(small).toEqual([]);
    });
  }
});

test.describe('320 px wide: badges', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });
  // The page itself may not scroll sideways while a badge (a blacklisting with its document number,
  // a credit rating) runs past the edge of its cell and is cut off: every badge must fit on screen.
  const compoundPages = readdirSync('content/compounds').map((slug) => `/c/${slug}/`);
  test('every badge on every compound page fits the screen, in large text too', async ({ page }) => {
    let badges = 0;
    for (const large of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem('gongshi-display', JSON.stringify({ large: on })), large);
      for (const address of compoundPages) {
        await page.goto(address);
        const cut = await page.locator('.badge').evaluateAll((elements) =>
          elements
            .map((e) => ({ text: e.textContent?.trim(), r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.left < 0 || r.right > window.innerWidth)
            .map(({ text, r }) => `${text} (${Math.round(r.left)}–${Math.round(r.right)} px)`),
        );
        expect(cut, `${address}${large ? ' in large text' : ''}`).toEqual([]);
        badges += await page.locator('.badge').count();
      }
    }
    expect(badges, 'the sample compounds show badges').toBeGreaterThan(0);
  });
});

test('200% zoom: a 1280 px window zoomed to 200% lays out at 640 CSS px, with no sideways scrolling', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const address of PAGE_TYPES) {
    await page.goto(`http://127.0.0.1:${TEST_PORT}${address}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, address).toBeLessThanOrEqual(0);
  }
  await context.close();
});

for (const address of ['/', '/c/tianshan-huayuan/', '/search/']) {
  test(`${address}: no accessibility violations in large-text, high-contrast mode`, async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('gongshi-display', '{"large":true,"contrast":true}'));
    await page.goto(address);
    await expect(page.getByRole('button', { name: '高对比' })).toHaveAttribute('aria-pressed', 'true');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('every table in the built site has header cells and every page its language', () => {
  const missing: string[] = [];
  for (const file of readdirSync(TEST_OUT_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  )) {
    const html = readFileSync(path.join(TEST_OUT_DIR, file), 'utf8');
    if (!/<html[^>]*\slang="zh-CN"/.test(html)) missing.push(`${file}: no lang`);
    for (const [table] of html.matchAll(/<table[\s>][\s\S]*?<\/table>/g)) {
      if (!/<th[\s>]/.test(table)) missing.push(`${file}: ${table.slice(0, 80)}`);
    }
  }
  expect(missing).toEqual([]);
});

/**
 * Whether lowering `code` once more for the older browsers changes it: anything still to lower (class
 * fields, `??=`, static blocks) then comes out otherwise than when it is only reprinted.
 */
async function needsLowering(code: string, file: string): Promise<boolean> {
  const [lowered, reprinted] = await Promise.all([
    transformWithOxc(code, file, { target: OLDER_BROWSERS }),
    transformWithOxc(code, file, { target: 'esnext' }),
  ]);
  return lowered.code !== reprinted.code;
}

test('the scripts and styles the site sends are already lowered for Chromium 87 and iOS 14 Safari', async () => {
  // The check itself can fail: with a helper (class fields) and without one (`??=`, which Firefox 78 lacks).
  expect(await needsLowering('export class A { static x = 1; #y = 2; get y() { return this.#y; } }', 'a.js')).toBe(
    true,
  );
  expect(await needsLowering('export function f(a) { a.b ??= 1; return a; }', 'b.js')).toBe(true);
  expect(await needsLowering('export const f = (a, b = 1) => [...a, b ?? 2];', 'c.js')).toBe(false);
  const scripts = ['_astro', '_map'].flatMap((folder) =>
    readdirSync(path.join(TEST_OUT_DIR, folder))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `${folder}/${file}`),
  );
  expect(scripts.length).toBeGreaterThan(5);
  const unlowered: string[] = [];
  for (const file of scripts) {
    if (await needsLowering(readFileSync(path.join(TEST_OUT_DIR, file), 'utf8'), file)) unlowered.push(file);
  }
  expect(unlowered).toEqual([]);
  // Most styles are inlined into the pages; a range media query, `(width<=40rem)`, is one Chromium 87
  // ignores, so the narrow-screen layout would never apply there.
  const ranged: string[] = [];
  let queries = 0;
  const styled = readdirSync(TEST_OUT_DIR, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.(html|css)$/.test(file),
  );
  for (const file of styled) {
    for (const [query = ''] of readFileSync(path.join(TEST_OUT_DIR, file), 'utf8').matchAll(/@media[^{]*/g)) {
      queries++;
      if (/\((?:width|height)\s*[<>=]/.test(query)) ranged.push(`${file}: ${query}`);
    }
  }
  expect(queries).toBeGreaterThan(100);
  expect(ranged).toEqual([]);
});

test.describe('an older in-app browser: no cascade layers, no newer APIs', () => {
  test.use({ viewport: { width: 360, height: 640 }, hasTouch: true });
  test('the compound page keeps its layout, 16 px text, 44 px controls and working toggles', async ({ page }) => {
    await withoutCascadeLayers(page);
    await withoutNewerApis(page);
    await page.goto('/c/tianshan-huayuan/');
    // Compiled out at build: stripping the layers, as such a browser does, takes nothing away.
    const layered = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.constructor.name.startsWith('CSSLayer')),
      ),
    );
    expect(layered).toBe(false);
    const look = () =>
      page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header') as Element).backgroundColor,
        body: Number.parseFloat(getComputedStyle(document.body).fontSize),
        card: getComputedStyle(document.querySelector('#fees article.card') as Element).borderTopWidth,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
    const plain = await look();
    expect(plain.header).not.toBe('rgba(0, 0, 0, 0)');
    expect(plain.card).not.toBe('0px');
    expect(plain.body).toBeGreaterThanOrEqual(16);
    expect(plain.overflow).toBeLessThanOrEqual(0);
    const small = await page
      .locator('body > header a, body > header button:visible')
      .evaluateAll(
        (elements) =>
          elements.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.height < 44 || r.width < 44))
            .length,
      );
    expect(small).toBe(0);
    await page.screenshot({ path: 'tests/.tmp/screens/legacy-360-compound.png' });
    await page.getByRole('button', { name: '大字' }).click();
    expect((await look()).body).toBeGreaterThan(plain.body * 1.2);
    await page.getByRole('button', { name: '高对比' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
    expect((await look()).header).not.toBe(plain.header);
  });
});

test.describe('the first screen of a compound page, on a phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, hasTouch: true });
  test('answers whom to call, what is paid and whether anything is wrong, without scrolling', async ({ page }) => {
    const onFirstScreen = async (locator: ReturnType<typeof page.locator>) => {
      const box = await locator.boundingBox();
      expect(box, 'shown').not.toBeNull();
      expect((box?.y ?? 640) + (box?.height ?? 0)).toBeLessThanOrEqual(640);
    };
    await page.goto('/c/tianshan-huayuan/');
    const glance = page.locator('.glance');
    await onFirstScreen(glance.locator('a[href^="tel:"]').first());
    await expect(glance).toContainText('住宅物业服务费（多层住宅业主）0.95 元/㎡·月');
    await expect(glance).toContainText('业主结余');
    await page.goto('/c/bogeda-xiaoqu/');
    await onFirstScreen(page.locator('.glance').getByRole('link', { name: /项未解决/ }));
    await onFirstScreen(page.locator('.glance a[href^="tel:"]').first());
  });
});
