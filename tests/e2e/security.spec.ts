/**
 * Security of the built site: a Content-Security-Policy on every page and in
 * `_headers`, outbound links that pass no opener or referrer, and no request
 * to any other site than the configured map tiles — with the map drawn and a
 * search run, and without the policy blocking anything the site itself does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tileConfig } from '../../src/core/lib/map-tiles.ts';
import { tileOrigins } from '../../src/site/integrations/security-headers.ts';
import { inlineScripts, scriptHash } from '../lib/inline-scripts.ts';
import { PAGE_TYPES } from './page-types.ts';
import { TEST_OUT_DIR, TEST_PORT } from './test-env.ts';

const htmlFiles = () =>
  readdirSync(TEST_OUT_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();

test('every page carries the CSP as its first meta after the charset, and _headers the same policy', () => {
  const headers = readFileSync(path.join(TEST_OUT_DIR, '_headers'), 'utf8');
  const fromHeaders = /Content-Security-Policy: (.*); frame-ancestors 'none'/.exec(headers)?.[1];
  expect(fromHeaders).toContain("script-src 'self'");
  expect(headers).toContain('X-Content-Type-Options: nosniff');
  expect(headers).toContain('Referrer-Policy:');
  const files = htmlFiles();
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const html = readFileSync(path.join(TEST_OUT_DIR, file), 'utf8');
    const meta =
      /<head>\s*<meta charset="utf-8"\s*\/?>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(
        html,
      );
    // The same policy, except that a page lists only the hashes of its own inline scripts.
    const withoutHashes = (policy = '') => policy.replace(/ 'sha256-[^']+'/g, '');
    expect(withoutHashes(meta?.[1]), file).toBe(withoutHashes(fromHeaders));
    const ownHashes = (meta?.[1]?.match(/'sha256-[^']+'/g) ?? []).sort();
    expect(ownHashes, file).toEqual([...new Set(inlineScripts(html).map(scriptHash))].sort());
    for (const hash of ownHashes) expect(fromHeaders, file).toContain(hash);
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "connect-src 'self'",
    ]) {
      expect(meta?.[1], file).toContain(directive);
    }
    // Inline event handlers would be blocked by the policy, and are never written.
    expect(html, file).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  }
});

test('every link to another site has rel="noopener noreferrer"', () => {
  const bad: string[] = [];
  for (const file of htmlFiles()) {
    const html = readFileSync(path.join(TEST_OUT_DIR, file), 'utf8');
    for (const [tag] of html.matchAll(/<a\s[^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/gi)) {
      const rel = /\srel="([^"]*)"/i.exec(tag)?.[1]?.split(/\s+/) ?? [];
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${file}: ${tag}`);
    }
  }
  expect(bad).toEqual([]);
});

const allowed = new Set([`http://127.0.0.1:${TEST_PORT}`, ...tileOrigins(tileConfig(process.env))]);

for (const address of PAGE_TYPES) {
  test(`${address}: only this site and the map tiles are asked for anything, and the CSP blocks nothing`, async ({
    page,
  }) => {
    const elsewhere: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (!allowed.has(url.origin)) elsewhere.push(request.url());
    });
    // Tiles are not fetched for real: the test must not depend on the network.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(String(error)));
    await page.goto(address);
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    if (address === '/search/') {
      await page.locator('#search-q').fill('天山');
      await page.getByRole('button', { name: '搜索' }).click();
      await expect(page.locator('.search-results a').first()).toBeVisible();
    }
    if (address === '/map/' || address === '/c/tianshan-huayuan/') {
      await page.locator('gongshi-map').scrollIntoViewIfNeeded();
      await expect(page.locator('gongshi-map .leaflet-container')).toBeVisible();
      await expect(page.locator('gongshi-map .map-marker').first()).toBeVisible();
    }
    const later = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    expect([...violations, ...later]).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
}
