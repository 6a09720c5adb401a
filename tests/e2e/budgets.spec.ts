/**
 * Weight budgets of the page a resident opens from the QR code, checked on
 * the files of the built sample site (deterministic, so they can be tests).
 * A compound page must arrive in about one round trip on a slow phone
 * connection: its HTML with its CSS (inlined) at most 14 KiB gzipped, and no
 * script file fetched while loading. That it reads fully without JavaScript,
 * and requests no script until the map scrolls into view, is tested in
 * pages.spec.ts and search-map.spec.ts. `npm run bench` reports the same
 * numbers for large synthetic data sets (docs/performance.md).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { sampleBundle } from './sample-data.ts';
import { TEST_OUT_DIR } from './test-env.ts';

const PAGE_BUDGET = 14 * 1024;
/** The two inline boot scripts (display settings before paint, the lazy map element). */
const INLINE_SCRIPT_BUDGET = 4 * 1024;

async function pageFile(slug: string): Promise<string> {
  return readFile(path.join(TEST_OUT_DIR, 'c', slug, 'index.html'), 'utf8');
}

test('every compound page is at most 14 KiB gzipped, HTML and CSS together', async () => {
  const bundle = await sampleBundle();
  const weights: { slug: string; gzip: number }[] = [];
  for (const record of bundle.compounds) {
    const html = await pageFile(record.slug);
    // CSS is inlined (astro.config.mjs); any stylesheet still linked counts too.
    let gzip = gzipSync(html).length;
    for (const [, href] of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
      const file = path.join(TEST_OUT_DIR, href ?? '');
      expect(existsSync(file), `${record.slug} links ${href}`).toBe(true);
      gzip += gzipSync(await readFile(file)).length;
    }
    weights.push({ slug: record.slug, gzip });
  }
  weights.sort((a, b) => b.gzip - a.gzip);
  const largest = weights[0];
  expect(largest, 'no compound page was built').toBeDefined();
  expect(largest?.gzip, `largest: /c/${largest?.slug}/ (${largest?.gzip} bytes gzipped)`).toBeLessThanOrEqual(
    PAGE_BUDGET,
  );
});

test('a compound page fetches no script while loading', async () => {
  const bundle = await sampleBundle();
  for (const record of bundle.compounds) {
    const html = await pageFile(record.slug);
    expect(html, record.slug).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html, record.slug).not.toMatch(/<link[^>]*rel="(modulepreload|preload|prefetch)"/);
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
      .filter(([tag]) => !/type="application\/(ld\+)?json"/.test(tag))
      .reduce((sum, [, body]) => sum + Buffer.byteLength(body ?? ''), 0);
    expect(inline, `${record.slug}: inline script bytes`).toBeLessThanOrEqual(INLINE_SCRIPT_BUDGET);
  }
});
