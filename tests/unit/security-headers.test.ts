import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tileConfig } from '../../src/core/lib/map-tiles.ts';
import {
  contentSecurityPolicy,
  tileOrigins,
  withSafeOutboundLinks,
} from '../../src/site/integrations/security-headers.ts';
import { inlineScripts, scriptHash } from '../lib/inline-scripts.ts';

test('inline scripts are found; scripts with src and data blocks are not', () => {
  const html =
    '<script>a()</script><script type="module" src="/x.js"></script><script type="application/ld+json">{}</script><script is:inline type="module">b()</script>';
  assert.deepEqual(inlineScripts(html), ['a()', 'b()']);
});

test('hashes are the CSP sha256 form', () => {
  // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
  assert.equal(scriptHash('alert(1)'), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
});

test('tile origins: every subdomain of the configured provider, and nothing for none', () => {
  assert.deepEqual(tileOrigins(tileConfig({})), ['https://tile.openstreetmap.org']);
  assert.deepEqual(tileOrigins(tileConfig({ GONGSHI_MAP_TILES: 'amap' })), [
    'https://webrd01.is.autonavi.com',
    'https://webrd02.is.autonavi.com',
    'https://webrd03.is.autonavi.com',
    'https://webrd04.is.autonavi.com',
  ]);
  assert.equal(tileOrigins(tileConfig({ GONGSHI_MAP_TILES: 'tianditu', TIANDITU_KEY: 'k' })).length, 8);
  assert.deepEqual(tileOrigins(tileConfig({ GONGSHI_MAP_TILES: 'none' })), []);
});

test('the policy allows this site, the hashes and the tiles, and nothing else', () => {
  const policy = contentSecurityPolicy(["'sha256-b'", "'sha256-a'"], tileConfig({}));
  assert.match(policy, /^default-src 'self'; /);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';/);
  assert.match(policy, /img-src 'self' data: https:\/\/tile\.openstreetmap\.org;/);
  assert.match(policy, /object-src 'none'; base-uri 'self'; form-action 'self'$/);
  assert.doesNotMatch(policy, / 'unsafe-eval'|\*/);
});

test('links to other sites get noopener noreferrer; links on this site are left alone', () => {
  assert.equal(
    withSafeOutboundLinks('<a href="https://x.org/">x</a> <a href="/c/">c</a> <a rel="license" href="//y.org/">y</a>'),
    '<a rel="noopener noreferrer" href="https://x.org/">x</a> <a href="/c/">c</a> <a rel="license noopener noreferrer" href="//y.org/">y</a>',
  );
});
