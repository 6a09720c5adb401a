/**
 * Builds the Pagefind search index as the last step of every `astro build`,
 * from the pages just written, so that the index always matches the site and
 * is never committed. Pagefind's extended binary (the npm package's) segments
 * Chinese words with ICU4X.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'gongshi-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only compound pages carry data-pagefind-body, so only they are read: the other
        // pages (print sheets, lists, data) would be parsed just to be skipped.
        const started = performance.now();
        const added = await index.addDirectory({ path: site, glob: 'c/*/index.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(
          `${added.page_count} pages indexed for search in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
