import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  finishPage as finishBytes,
  finishedPages,
  inlineScriptHashes,
  pageRegistry,
  resetPageRegistry,
} from '../../src/site/integrations/page-registry.ts';
import { inlineScripts, scriptHash } from '../lib/inline-scripts.ts';

/** finishPage works on the bytes Astro writes; these tests read and write text. */
const finishPage = (html: string, where: { path: string; listed: boolean }) =>
  Buffer.concat(finishBytes(Buffer.from(html, 'utf8'), where)).toString('utf8');

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
  const upper = finishPage(page(canonical('https://x.cn/a/'), '<A\nhref="//example.org/">x</A>'), {
    path: '/a/',
    listed: true,
  });
  assert.match(upper, /<a rel="noopener noreferrer" href="\/\/example.org\/">/);
  // The canonical link of every page points to the site itself: no rewriting for that.
  const plain = page(
    canonical('https://x.cn/a/'),
    '<link rel="alternate" href="https://x.cn/feed.xml"><a href="/c/">c</a>',
  );
  assert.equal(finishPage(plain, { path: '/a/', listed: true }).replace(/<meta http-equiv[^>]*>/, ''), plain);
});

test('a page whose outbound links are all safe already keeps its bytes; one unsafe link makes the rest checked too', () => {
  const safe = '<a href="https://example.org/c/1" rel="noopener noreferrer">提交</a>';
  const written = page(canonical('https://x.cn/a/'), `${safe}<p>一〇〇元</p>${safe}`);
  // Its own ArrayBuffer: small Buffers share a pool, which a copy might come from too.
  const bytes = new Uint8Array(Buffer.from(written, 'utf8'));
  const pieces = finishBytes(bytes, { path: '/a/', listed: true });
  // The body after the policy is the page's own bytes, not a copy decoded and encoded again.
  assert.equal(pieces.at(-1)?.buffer, bytes.buffer);
  assert.equal(
    Buffer.concat(pieces)
      .toString('utf8')
      .replace(/<meta http-equiv[^>]*>/, ''),
    written,
  );
  const mixed = finishPage(page(canonical('https://x.cn/a/'), `${safe}<a href="https://example.org/">x</a>`), {
    path: '/a/',
    listed: true,
  });
  assert.match(mixed, /<a rel="noopener noreferrer" href="https:\/\/example.org\/">/);
  assert.ok(mixed.includes(safe));
  // The same rule as the rewrite, whatever the case of the tag or the address, and a `<` inside a value.
  for (const unsafe of [
    '<a href="HTTPS://example.org/">',
    '<a HREF="https://example.org/">',
    '<a title="1<2" href="https://example.org/">',
  ]) {
    const fixed = finishPage(page(canonical('https://x.cn/a/'), `${safe}${unsafe}x</a>`), {
      path: '/a/',
      listed: true,
    });
    assert.ok(!fixed.includes(unsafe), `${unsafe} left as it was`);
    assert.equal([...fixed.matchAll(/rel="noopener noreferrer"/g)].length, 2, fixed);
  }
});

test('an empty registry means the pages were rendered out of sight: the hooks refuse to write', () => {
  assert.throws(() => finishedPages(), /No page was finished by src\/site\/integrations\/render-pages.ts/);
});

test('script hashes taken from the bytes equal the hashes of the script texts', () => {
  const html = page(
    canonical('https://x.cn/a/'),
    [
      '<p>小区公示：<code>&lt;script&gt;</code></p>',
      '<script>document.title = "公示 ✓ 𝟏";</script>',
      '<script type="module">import("/x.js")</script>',
      '<script type="module" src="/y.js"></script>',
      '<script type="application/ld+json">{"a":1}</script>',
      '<scripts>not a script</scripts>',
      '<script\n  type="text/javascript">b()</script>',
    ].join(''),
  );
  const expected = inlineScripts(html).map(scriptHash);
  assert.equal(expected.length, 3);
  assert.deepEqual(inlineScriptHashes(Buffer.from(html, 'utf8')), expected);
});

test('a finished page is the same text plus its policy: nothing else changes, Chinese included', () => {
  const html = page(canonical('https://x.cn/a/'), '<h1>天山花园</h1><script>a()</script>');
  const out = finishPage(html, { path: '/a/', listed: true });
  assert.equal(out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, ''), html);
});
