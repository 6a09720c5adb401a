/**
 * Writes the sitemap as the last step of `astro build`, from the pages just
 * rendered (page-registry.ts): every HTML page is listed under its own
 * canonical address, which the layouts build from content/site.yaml's
 * base_url. So the sitemap cannot miss a page another part of the site adds,
 * nor disagree with the pages about the site's address. A page without a
 * canonical link fails the build.
 *
 * The sitemaps protocol allows 50,000 addresses and 50 MB in one file. A
 * county's site fits in /sitemap.xml; a larger one gets /sitemap.xml as a
 * sitemap index of /sitemap-1.xml, /sitemap-2.xml… so that robots.txt, which
 * names /sitemap.xml, is right at every size.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentBundle } from '../../core/data/content-bundle.ts';
import { escapeXml } from '../../core/lib/html.ts';
import { finishedPages } from './page-registry.ts';

/** The protocol's limits for one sitemap file (sitemaps.org). */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 } as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function sitemapXml(urls: readonly string[]): string {
  const lines = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${lines.join('\n')}\n</urlset>\n`;
}

function sitemapIndexXml(sitemaps: readonly string[]): string {
  const lines = sitemaps.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`);
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${lines.join('\n')}\n</sitemapindex>\n`;
}

/** Runs of addresses, each within both limits of one file. */
function chunks(urls: readonly string[], limits: typeof SITEMAP_LIMITS): string[][] {
  const overhead = Buffer.byteLength(sitemapXml([]));
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = overhead;
  for (const url of urls) {
    const size = Buffer.byteLength(`  <url><loc>${escapeXml(url)}</loc></url>\n`);
    if (current.length > 0 && (current.length === limits.urls || bytes + size > limits.bytes)) {
      out.push(current);
      current = [];
      bytes = overhead;
    }
    current.push(url);
    bytes += size;
  }
  out.push(current);
  return out;
}

/**
 * The sitemap files for these addresses, by path in the output folder: one
 * sitemap.xml, or sitemap.xml as the index of as many files as the limits need.
 */
export function sitemapFiles(
  urls: readonly string[],
  baseUrl: string,
  limits: typeof SITEMAP_LIMITS = SITEMAP_LIMITS,
): { path: string; text: string }[] {
  const parts = chunks(urls, limits);
  if (parts.length === 1) return [{ path: 'sitemap.xml', text: sitemapXml(urls) }];
  const files = parts.map((part, i) => ({ path: `sitemap-${i + 1}.xml`, text: sitemapXml(part) }));
  const index = sitemapIndexXml(files.map((file) => new URL(file.path, baseUrl).href));
  return [{ path: 'sitemap.xml', text: index }, ...files];
}

export function sitemap(): AstroIntegration {
  return {
    name: 'gongshi-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { canonical } = finishedPages();
        const { site } = await contentBundle();
        const files = sitemapFiles([...canonical].sort(), site.base_url);
        const out = fileURLToPath(dir);
        await Promise.all(files.map((file) => writeFile(path.join(out, file.path), file.text)));
        logger.info(
          `sitemap.xml lists ${canonical.size} pages${files.length > 1 ? ` in ${files.length - 1} files` : ''}`,
        );
      },
    },
  };
}
