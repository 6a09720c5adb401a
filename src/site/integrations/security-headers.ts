/**
 * The Content-Security-Policy of the site. Each page gets, right after its
 * charset, a `<meta http-equiv>` policy with the SHA-256 hashes of the inline
 * scripts actually written into it (page-registry.ts, as the page is
 * rendered), so the policy can never drift from the scripts. `_headers`
 * (Netlify / Cloudflare Pages format), written as the last step of the build,
 * carries the same policy with the hashes of every page plus what a meta tag
 * cannot set (frame-ancestors). docs/architecture.md has the nginx equivalent.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type TileConfig, tileConfig } from '../../core/lib/map-tiles.ts';
import { siteBase } from '../../core/lib/site-path.ts';
import { finishedPages, OUTBOUND_MARKERS, resetPageRegistry } from './page-registry.ts';

/** Origins the configured map tiles come from: `https://t{s}.tianditu.gov.cn/…` gives every subdomain. */
export function tileOrigins(tiles: TileConfig): string[] {
  const origins = new Set<string>();
  for (const layer of tiles.layers) {
    const hosts = layer.includes('{s}') ? [...tiles.subdomains].map((s) => layer.replace('{s}', s)) : [layer];
    for (const host of hosts) origins.add(new URL(host.replace(/\{[a-z]\}/g, '0')).origin);
  }
  return [...origins].sort();
}

/** The policy: nothing from elsewhere except map tiles; scripts only from this site or by hash. */
export function contentSecurityPolicy(hashes: readonly string[], tiles: TileConfig): string {
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search core in the browser.
    `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort().join(' ')}`.trim(),
    // Astro inlines every stylesheet and Leaflet positions tiles with style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${tileOrigins(tiles).join(' ')}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * A link to another site (a maintainer's notice in MDX, a commit on GitHub) gets
 * rel="noopener noreferrer": the other site can neither script this tab nor learn
 * which compound page the reader came from.
 */
export function withSafeOutboundLinks(html: string): string {
  if (!mayLinkOut(html)) return html;
  return html.replace(OUTBOUND_LINK, (tag) => {
    if (isSafeLinkTag(tag)) return tag;
    const rel = REL.exec(tag);
    const words = relWords(tag);
    words.add('noopener');
    words.add('noreferrer');
    const value = `rel="${[...words].join(' ')}"`;
    return rel ? tag.replace(rel[0], ` ${value}`) : tag.replace(/^<a\s/i, `<a ${value} `);
  });
}

/**
 * Whether withSafeOutboundLinks would change the page: the site's own components already write the rel
 * (a compound page's links to its commits), so most pages that link out need no rewriting.
 */
export function hasUnsafeOutboundLink(html: string): boolean {
  if (!mayLinkOut(html)) return false;
  for (const [tag] of html.matchAll(OUTBOUND_LINK)) if (!isSafeLinkTag(tag)) return true;
  return false;
}

const OUTBOUND_LINK = /<a\s[^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/gi;

/** Most pages link nowhere else: the scan of the whole page is skipped for them. */
const mayLinkOut = (html: string) => OUTBOUND_MARKERS.some((marker) => html.includes(marker));

const REL = /\srel="([^"]*)"/i;
const relWords = (tag: string) => new Set(REL.exec(tag)?.[1]?.split(/\s+/).filter(Boolean) ?? []);

/** Whether an `<a …>` tag already says rel="noopener noreferrer", as the site's own components write it. */
function isSafeLinkTag(tag: string): boolean {
  const words = relWords(tag);
  return words.has('noopener') && words.has('noreferrer');
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'gongshi-security-headers',
    hooks: {
      'astro:build:start': () => resetPageRegistry(),
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, scriptHashes } = finishedPages();
        const policy = contentSecurityPolicy([...scriptHashes], tileConfig(process.env));
        const headers = [
          // The site's own paths only: on a province portal each county's rules cover its /<county>/.
          `${siteBase()}*`,
          `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
          '  X-Frame-Options: DENY',
          '',
        ].join('\n');
        await writeFile(path.join(fileURLToPath(dir), '_headers'), headers);
        logger.info(`Content-Security-Policy on ${pages} pages, ${scriptHashes.size} inline script hashes`);
      },
    },
  };
}
