/**
 * The sitemap follows the protocol at every size: at most 50,000 addresses
 * and 50 MB a file, and /sitemap.xml an index of the files when one is not enough.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SITEMAP_LIMITS, sitemapFiles, sitemapXml } from '../../src/site/integrations/sitemap.ts';

const BASE = 'https://gongshi.example.cn/';
const urls = (n: number) => Array.from({ length: n }, (_, i) => `${BASE}c/xiaoqu-${String(i).padStart(6, '0')}/`);
const locs = (text: string) => [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemap files', () => {
  it('a county fits in one sitemap.xml, exactly as before', () => {
    const list = urls(3);
    assert.deepEqual(sitemapFiles(list, BASE), [{ path: 'sitemap.xml', text: sitemapXml(list) }]);
  });

  it('50,000 addresses still fit in one file; 50,001 make an index and two files', () => {
    assert.equal(sitemapFiles(urls(SITEMAP_LIMITS.urls), BASE).length, 1);
    const files = sitemapFiles(urls(SITEMAP_LIMITS.urls + 1), BASE);
    assert.deepEqual(
      files.map((f) => f.path),
      ['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml'],
    );
  });

  it('a province of 120,000 pages: an index of files within the limits, every address once, in order', () => {
    const list = urls(120_000);
    const [index, ...parts] = sitemapFiles(list, BASE);
    assert.ok(index);
    assert.match(
      index.text,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/,
    );
    assert.deepEqual(
      locs(index.text),
      parts.map((part) => `${BASE}${part.path}`),
    );
    for (const part of parts) {
      assert.ok(locs(part.text).length <= SITEMAP_LIMITS.urls, part.path);
      assert.ok(Buffer.byteLength(part.text) <= SITEMAP_LIMITS.bytes, part.path);
      assert.match(part.text, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    }
    assert.deepEqual(
      parts.flatMap((part) => locs(part.text)),
      list,
    );
  });

  it('the byte limit splits a file too', () => {
    const files = sitemapFiles(urls(100), BASE, { urls: 50_000, bytes: 2_000 });
    assert.ok(files.length > 2);
    for (const part of files.slice(1)) assert.ok(Buffer.byteLength(part.text) <= 2_000, part.path);
    assert.deepEqual(
      files.slice(1).flatMap((part) => locs(part.text)),
      urls(100),
    );
  });
});
