/**
 * The printed sheets as they come out of Chromium: every compound's notice
 * and board is exactly one A4 page, and its QR code, read back from the
 * rendered page by an independent decoder (zbarimg), is the compound's
 * permanent address. Each sheet is printed once, in its 社区's print-all page;
 * a compound's own page is shown to carry the same sheet. Needs poppler-utils and zbar-tools (scripts/ensure-browser.sh).
 */
import { execFileSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, type Request, test } from '@playwright/test';
import { compoundUrl } from '../../src/outputs/print/print-view.ts';
import { sampleBundle } from './sample-data.ts';

/** The printable width of the page in CSS pixels: A4 less the 12 mm side margins of src/site/styles/print-sheet.css. */
const PRINTABLE_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/** Prints the page as the brief for staff says: A4, backgrounds, the page size the CSS asks for. */
async function printToPdf(page: Page, file: string): Promise<void> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await writeFile(file, pdf);
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The QR codes zbarimg finds on each page of the PDF, rendered at 150 dpi. */
async function qrCodesByPage(file: string): Promise<string[][]> {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
  const dir = path.dirname(file);
  // pdftoppm numbers pages page-1.png, or page-01.png from ten pages on: sorted by number, not by name.
  const images = (await readdir(dir))
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
  return images.map((image) => {
    try {
      // zbarimg complains on stderr about a missing D-Bus, harmlessly: keep it out of the report.
      const text = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, image)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return text.split('\n').filter(Boolean);
    } catch {
      // zbarimg exits non-zero when it finds no code.
      return [];
    }
  });
}

/** Chromium shrinks a page that is wider than the paper to fit, which would hide an overflow: nothing may be. */
async function widestPrintedLine(page: Page): Promise<number> {
  await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // Back to no emulation: page.pdf() prints with print media only when none is emulated.
  await page.emulateMedia({ media: null });
  return width;
}

const bundle = await sampleBundle();
const sheets = ['notice', 'board'] as const;

// Paper is checked where staff print it, the 社区's page: every compound's sheet, one A4 page each.
for (const community of bundle.communities) {
  const compounds = bundle.compounds.filter((r) => r.compound.community === community.slug);
  for (const sheet of sheets) {
    test(`/shequ/${community.slug}/${sheet}s/ prints one A4 page per compound, each QR code scanning to its compound’s address`, async ({
      page,
    }, testInfo) => {
      await page.goto(`/shequ/${community.slug}/${sheet}s/`);
      const onPage = await page
        .locator('.sheet svg.qr')
        .evaluateAll((codes) => codes.map((c) => c.getAttribute('data-qr-url')));
      expect([...onPage].sort()).toEqual(compounds.map((r) => compoundUrl(bundle.site.base_url, r.slug)).sort());
      expect(await widestPrintedLine(page)).toBeLessThanOrEqual(PRINTABLE_WIDTH);
      const file = testInfo.outputPath(`${sheet}s.pdf`);
      await printToPdf(page, file);
      expect(pageCount(file)).toBe(compounds.length);
      // Page n carries the code of the n-th sheet and no other.
      expect(await qrCodesByPage(file)).toEqual(onPage.map((url) => [url]));
    });
  }
}

/** The sheets of a printable page as markup, and the stylesheets that lay them out. */
async function sheetsOn(page: Page, url: string): Promise<{ sheets: string[]; styles: string[] }> {
  await page.goto(url);
  return {
    sheets: await page.locator('.sheet').evaluateAll((elements) => elements.map((e) => e.outerHTML)),
    styles: await page
      .locator('link[rel="stylesheet"], style')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? e.textContent ?? '')),
  };
}

// A compound's own sheet is the same markup, in the same stylesheets, as its page in the 社区's
// print: so it prints as the 社区 test above proved. One of each kind is also printed alone.
for (const sheet of sheets) {
  test(`every compound’s own ${sheet} is the sheet its 社区 prints, and prints alone on one A4 page`, async ({
    page,
  }, testInfo) => {
    for (const community of bundle.communities) {
      const all = await sheetsOn(page, `/shequ/${community.slug}/${sheet}s/`);
      for (const record of bundle.compounds.filter((r) => r.compound.community === community.slug)) {
        const own = await sheetsOn(page, `/c/${record.slug}/${sheet}/`);
        expect(own.styles, record.slug).toEqual(all.styles);
        expect(own.sheets, record.slug).toHaveLength(1);
        expect(all.sheets, record.slug).toContain(own.sheets[0]);
      }
    }
    const record = bundle.compounds[0];
    if (!record) throw new Error('no sample compound');
    await page.goto(`/c/${record.slug}/${sheet}/`);
    const file = testInfo.outputPath(`${sheet}.pdf`);
    await printToPdf(page, file);
    expect(pageCount(file)).toBe(1);
    expect(await qrCodesByPage(file)).toEqual([[compoundUrl(bundle.site.base_url, record.slug)]]);
  });
}

/** Script requests and elements of a page: paper needs no JavaScript, and neither does its preview. */
async function scriptsOn(page: Page, url: string): Promise<string[]> {
  const scripts: string[] = [];
  const listener = (request: Request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  };
  page.on('request', listener);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  const elements = await page.locator('script').count();
  return elements > 0 ? [...scripts, `${elements} <script> elements`] : scripts;
}

test('compound and 社区 pages link their printable sheets, which load no script', async ({ page }) => {
  const record = bundle.compounds[0];
  if (!record) throw new Error('no sample compound');
  const { slug, compound } = record;
  const printLinks = page.getByRole('navigation', { name: '打印张贴' });
  await page.goto(`/c/${slug}/`);
  await printLinks.getByRole('link', { name: '打印公示' }).click();
  await expect(page).toHaveURL(`/c/${slug}/notice/`);
  await expect(page.locator('.sheet h2')).toContainText(compound.name);
  await page.goBack();
  await printLinks.getByRole('link', { name: '打印公告牌' }).click();
  await expect(page).toHaveURL(`/c/${slug}/board/`);
  await expect(page.locator('.board-table tbody tr')).toHaveCount(bundle.departments.length);

  await page.goto(`/shequ/${compound.community}/`);
  await printLinks.getByRole('link', { name: '打印本社区全部小区的公示' }).click();
  await expect(page).toHaveURL(`/shequ/${compound.community}/notices/`);
  await page.goBack();
  await printLinks.getByRole('link', { name: '打印本社区全部小区的执法部门公告牌' }).click();
  await expect(page).toHaveURL(`/shequ/${compound.community}/boards/`);

  for (const url of [
    `/c/${slug}/notice/`,
    `/c/${slug}/board/`,
    `/shequ/${compound.community}/notices/`,
    `/shequ/${compound.community}/boards/`,
  ]) {
    expect(await scriptsOn(page, url), url).toEqual([]);
  }
});
