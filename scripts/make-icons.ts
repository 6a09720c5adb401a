/**
 * `node scripts/make-icons.ts`: draws the site's icons and its share card in
 * Debian's Chromium with the CJK fonts the tests use, and writes them to
 * public/: icon.svg (the source), favicon.ico, apple-touch-icon.png,
 * icon-192.png, icon-512.png and og.png (1200 × 630, the card WeChat and
 * other apps show for a shared link). Run it after changing the name or the
 * colour, and commit what it writes: the build only copies these files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { t } from '../src/core/i18n/t.ts';
import { chromiumLaunchOptions } from './lib/chromium.ts';

const RED = '#9b1c1c';
const svg = readFileSync('public/icon.svg', 'utf8');

const browser = await chromium.launch(chromiumLaunchOptions);
async function shot(html: string, width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0">${html}</body></html>`);
  const png = await page.screenshot({ type: 'png', omitBackground: true });
  await page.close();
  return png;
}

const icon = (size: number) => shot(svg.replace('<svg ', `<svg width="${size}" height="${size}" `), size, size);
for (const [file, size] of [
  ['public/icon-512.png', 512],
  ['public/icon-192.png', 192],
  ['public/apple-touch-icon.png', 180],
] as const) {
  writeFileSync(file, await icon(size));
}

// An .ico holding one 32 px PNG: a six-byte header, one sixteen-byte entry, then the PNG itself.
const png32 = await icon(32);
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0);
head.writeUInt16LE(1, 2);
head.writeUInt16LE(1, 4);
head.writeUInt8(32, 6);
head.writeUInt8(32, 7);
head.writeUInt16LE(1, 10);
head.writeUInt16LE(32, 12);
head.writeUInt32LE(png32.length, 14);
head.writeUInt32LE(22, 18);
writeFileSync('public/favicon.ico', Buffer.concat([head, png32]));

const card = `<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:${RED};color:#fff;
  font-family:'Noto Sans CJK SC',sans-serif;display:flex;flex-direction:column;justify-content:center;gap:40px">
  <div style="display:flex;align-items:center;gap:40px">${svg.replace('<svg ', '<svg width="160" height="160" ')}
  <div style="font-size:96px;font-weight:700">${t('site.name')}</div></div>
  <div style="font-size:44px;line-height:1.5">${t('share.tagline')}</div></div>`;
writeFileSync('public/og.png', await shot(card, 1200, 630));
await browser.close();
