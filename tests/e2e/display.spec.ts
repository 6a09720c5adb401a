/**
 * 适老化, at phone and desktop width: the 大字 and 高对比 toggles persist from
 * page to page, are applied before first paint, and are hidden without
 * JavaScript. The checks at fixed sizes (320 px, 200 % zoom) are in
 * small-screens.spec.ts, and run once.
 */
import { expect, test } from '@playwright/test';

test.describe('display toggles', () => {
  test('large text and high contrast persist across pages and can be switched off', async ({ page }) => {
    await page.goto('/');
    const large = page.getByRole('button', { name: '大字' });
    const contrast = page.getByRole('button', { name: '高对比' });
    await expect(large).toHaveAttribute('aria-pressed', 'false');
    const before = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    await large.click();
    await contrast.click();
    await expect(large).toHaveAttribute('aria-pressed', 'true');
    const after = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before) * 1.2);

    await page.goto('/c/tianshan-huayuan/');
    await expect(page.locator('html')).toHaveAttribute('data-large', '');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
    await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: '高对比' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: '大字' }).click();
    await page.goto('/map/');
    await expect(page.locator('html')).not.toHaveAttribute('data-large', '');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', '');
  });

  test('the setting is applied before first paint by an inline script, not a request', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') requested.push(r.url());
    });
    await page.addInitScript(() => localStorage.setItem('gongshi-display', '{"large":true}'));
    await page.goto('/c/tianshan-huayuan/');
    // The attribute is set while <head> is parsed: check it from a script that runs at DOMContentLoaded's start.
    await expect(page.locator('html')).toHaveAttribute('data-large', '');
    expect(requested).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the toggles are hidden and the compound page reads fully', async ({ page }) => {
    await page.goto('/c/tianshan-huayuan/');
    await expect(page.getByRole('button', { name: '大字' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('#fees article.card').first()).toBeVisible();
  });
});
