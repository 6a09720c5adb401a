/**
 * Writes /sitemap.xml as the last step of `astro build`, from the pages just
 * written: every HTML page is listed under its own canonical address, which
 * the layouts build from content/site.yaml's base_url. So the sitemap cannot
 * miss a page another part of the site adds, nor disagree with the pages
 * about the site's address. A page without a canonical link fails the build.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { escapeXml } from '../lib/atom.ts';

/** Pages that are not content: the error page is served for unknown addresses, not visited. */
const NOT_LISTED = new Set(['404.html']);

async function htmlFiles(root: string, dir = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await htmlFiles(root, relative)));
    else if (entry.name.endsWith('.html') && !NOT_LISTED.has(relative)) files.push(relative);
  }
  return files;
}

const CANONICAL = /<link\s+rel="canonical"\s+href="([^"]+)"/;
const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/;

export function sitemapXml(urls: readonly string[]): string {
  const lines = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

export function sitemap(): AstroIntegration {
  return {
    name: 'gongshi-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const urls = new Set<string>();
        const withoutCanonical: string[] = [];
        for (const file of await htmlFiles(root)) {
          const html = await readFile(path.join(root, file), 'utf8');
          if (NOINDEX.test(html)) continue;
          const canonical = CANONICAL.exec(html)?.[1];
          if (canonical) urls.add(canonical.replace(/&amp;/g, '&'));
          else withoutCanonical.push(file);
        }
        if (withoutCanonical.length > 0) {
          throw new Error(`Pages without <link rel="canonical">: ${withoutCanonical.join(', ')}`);
        }
        await writeFile(path.join(root, 'sitemap.xml'), sitemapXml([...urls].sort()));
        logger.info(`sitemap.xml lists ${urls.size} pages`);
      },
    },
  };
}
