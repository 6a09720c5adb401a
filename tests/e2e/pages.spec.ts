import { expect, test } from '@playwright/test';
import { t } from '../../src/core/i18n/t.ts';
import { FIVE_DISCLOSURES, SECTIONS } from '../../src/core/model/sections.ts';
import { PAGE_TYPES } from './page-types.ts';
import { sampleBundle } from './sample-data.ts';

const numerals = ['一', '二', '三', '四', '五'];

test('the home page explains the portal, labels sample data and links every compound', async ({ page }) => {
  const bundle = await sampleBundle();
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('奇台县');
  await expect(page.getByRole('note')).toContainText('示例数据');
  for (const record of bundle.compounds) {
    await expect(page.locator(`main a[href="/c/${record.slug}/"]`)).toHaveCount(1);
  }
});

test('every compound has its page with the five disclosures in the policy order', async ({ page }) => {
  const bundle = await sampleBundle();
  expect(bundle.compounds.length).toBeGreaterThanOrEqual(12);
  for (const record of bundle.compounds) {
    const response = await page.goto(`/c/${record.slug}/`);
    expect(response?.status(), record.slug).toBe(200);
    await expect(page.locator('h1')).toHaveText(record.compound.name);
    await expect(page.getByRole('note')).toContainText('示例数据');
    const headings = await page.locator('section.section > .section-head > h2').allTextContents();
    expect(headings.slice(0, 5), record.slug).toEqual(
      FIVE_DISCLOSURES.map((id, i) => `${numerals[i]}、${t(`section.${id}`)}`),
    );
    const ids = await page.locator('section.section').evaluateAll((sections) => sections.map((s) => s.id));
    expect(ids).toEqual([...SECTIONS]);
  }
});

test('phone numbers are tel: links that dial the number shown', async ({ page }) => {
  const bundle = await sampleBundle();
  const record = bundle.compounds.find((r) => r.compound.hotlines) ?? bundle.compounds[0];
  await page.goto(`/c/${record?.slug}/`);
  const links = page.locator('a.phone');
  expect(await links.count()).toBeGreaterThan(4);
  for (const link of await links.all()) {
    const text = (await link.textContent()) ?? '';
    await expect(link).toHaveAttribute('href', `tel:${text.replace(/\D/g, '')}`);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a compound page reads fully and loads no script', async ({ page }) => {
    const bundle = await sampleBundle();
    const record = bundle.compounds[0];
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`/c/${record?.slug}/`);
    await expect(page.locator('section.section')).toHaveCount(SECTIONS.length);
    expect(scripts).toEqual([]);
    expect(await page.locator('script[src]').count()).toBe(0);
  });

  test('the compound index filters by 社区 with plain links', async ({ page }) => {
    const bundle = await sampleBundle();
    await page.goto('/c/');
    await expect(page.locator('.card-list > li')).toHaveCount(bundle.compounds.length);
    const community = bundle.communities.find((c) => bundle.compounds.some((r) => r.compound.community === c.slug));
    if (!community) throw new Error('no community has compounds');
    await page.getByRole('navigation', { name: '按社区筛选' }).getByRole('link', { name: community.name }).click();
    await expect(page).toHaveURL(`/shequ/${community.slug}/`);
    const expected = bundle.compounds.filter((r) => r.compound.community === community.slug);
    await expect(page.locator('.card-list > li')).toHaveCount(expected.length);
    for (const record of expected) await expect(page.getByRole('link', { name: record.compound.name })).toBeVisible();
  });
});

test('every kind of page has a share card and icons, and no request it makes fails', async ({ page, request }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  for (const address of PAGE_TYPES.filter((a) => a !== '/404.html')) {
    await page.goto(address);
    await page.waitForLoadState('networkidle');
    for (const property of ['og:title', 'og:description', 'og:image']) {
      await expect(page.locator(`meta[property="${property}"]`), `${address} ${property}`).toHaveAttribute(
        'content',
        /.+/,
      );
    }
  }
  expect(failed).toEqual([]);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  for (const path of [
    new URL(image ?? '').pathname,
    '/favicon.ico',
    '/icon.svg',
    '/apple-touch-icon.png',
    '/manifest.webmanifest',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { icons: { src: string }[] };
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
