/**
 * Writes /sitemap.xml as the last step of `astro build`, from the pages just
 * rendered (page-registry.ts): every HTML page is listed under its own
 * canonical address, which the layouts build from content/site.yaml's
 * base_url. So the sitemap cannot miss a page another part of the site adds,
 * nor disagree with the pages about the site's address. A page without a
 * canonical link fails the build.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { escapeXml } from '../lib/atom.ts';
import { finishedPages } from './page-registry.ts';

export function sitemapXml(urls: readonly string[]): string {
  const lines = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

export function sitemap(): AstroIntegration {
  return {
    name: 'gongshi-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { canonical } = finishedPages();
        await writeFile(path.join(fileURLToPath(dir), 'sitemap.xml'), sitemapXml([...canonical].sort()));
        logger.info(`sitemap.xml lists ${canonical.size} pages`);
      },
    },
  };
}
