import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { finishedPages, finishPage, pageRegistry, resetPageRegistry } from '../../src/integrations/page-registry.ts';
import { scriptHash } from '../../src/integrations/security-headers.ts';

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const canonical = (url: string) => `<link rel="canonical" href="${url}">`;

beforeEach(() => resetPageRegistry());

test('the policy goes right after the charset and lists the hashes of this page’s own scripts', () => {
  const html = finishPage(page(`${canonical('https://x.cn/a/')}<script>a()</script>`), { path: '/a/', listed: true });
  const meta =
    /^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(
      html,
    );
  assert.ok(meta, html);
  assert.ok(meta[1]?.includes(scriptHash('a()')), meta[1]);
  finishPage(page(`${canonical('https://x.cn/b/')}<script>b()</script>`), { path: '/b/', listed: true });
  assert.deepEqual([...pageRegistry().scriptHashes].sort(), [scriptHash('a()'), scriptHash('b()')].sort());
  const other = finishPage(page(canonical('https://x.cn/c/')), { path: '/c/', listed: true });
  assert.doesNotMatch(other, /sha256-/, 'a page without scripts allows none by hash');
});

test('canonical addresses are recorded for the sitemap, except unlisted and noindex pages', () => {
  finishPage(page(canonical('https://x.cn/a/?q=1&amp;r=2')), { path: '/a/', listed: true });
  finishPage(page(canonical('https://x.cn/404/')), { path: '/404/', listed: false });
  finishPage(page(`${canonical('https://x.cn/n/')}<meta name="robots" content="noindex">`), {
    path: '/n/',
    listed: true,
  });
  assert.deepEqual([...finishedPages().canonical], ['https://x.cn/a/?q=1&r=2']);
  assert.equal(finishedPages().pages, 3);
});

test('a page without canonical link or charset stops the build, naming the page', () => {
  assert.throws(() => finishPage(page(''), { path: '/lost/', listed: true }), /\/lost\/ has no <link rel="canonical">/);
  assert.throws(
    () => finishPage(`<html><head>${canonical('https://x.cn/z/')}</head></html>`, { path: '/z/', listed: true }),
    /\/z\/ has no <meta charset>/,
  );
});

test('outbound links are made safe on the way out', () => {
  const html = finishPage(page(canonical('https://x.cn/a/'), '<a href="https://example.org/">x</a>'), {
    path: '/a/',
    listed: true,
  });
  assert.match(html, /<a rel="noopener noreferrer" href="https:\/\/example.org\/">/);
});

test('an empty registry means the pages were rendered out of sight: the hooks refuse to write', () => {
  assert.throws(() => finishedPages(), /No page went through src\/middleware.ts/);
});
