/**
 * Builds the Pagefind search index in every `astro build`, so that the index
 * always matches the data and is never committed. Pagefind's extended binary
 * (the npm package's) segments Chinese words with ICU4X.
 *
 * Pagefind reads one small document per compound (src/outputs/search-document.ts),
 * made from the validated records, not the written pages: so indexing starts
 * when the build does, and the index is built and written in Pagefind's own
 * process while Astro renders the pages.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { searchDocuments } from '../../outputs/search-document.ts';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Hands every compound's search document to Pagefind; resolves with the index and how many were added. */
async function indexCompounds(): Promise<{ index: PagefindIndex; count: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await Promise.all(
    [...searchDocuments(await getOpenDataSource())].map(async ({ url, html }) => {
      const result = await index.addHTMLFile({ url, content: html });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    }),
  );
  return { index, count: added.length };
}

/** Writes the index once every document is in, and stops Pagefind; resolves with how many documents it holds. */
async function writeIndex(indexing: Promise<{ index: PagefindIndex; count: number }>, outDir: string): Promise<number> {
  const { index, count } = await indexing;
  const outputPath = path.join(outDir, 'pagefind');
  // Over the previous output (previous-output.ts) the folder holds the last index: Pagefind does not
  // write a file that is already there, so an index is always written into an empty folder.
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await pagefind.close();
  return count;
}

export function searchIndex(): AstroIntegration {
  let outDir = '';
  let indexing: Promise<{ index: PagefindIndex; count: number }> | undefined;
  let writing: Promise<number> | undefined;
  return {
    name: 'gongshi-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        indexing = indexCompounds();
        // Bad content stops the build at content sync, with the full problem list; nothing to add here.
        indexing.catch(() => {});
      },
      // After previous-output.ts has kept or emptied the output folder: the index is written while the pages render.
      'astro:build:setup': () => {
        if (!indexing || writing) return;
        writing = writeIndex(indexing, outDir);
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('the search index was never started');
        const waited = performance.now();
        const count = await writing;
        // What the index adds to the build: the pages are all written by now.
        const seconds = ((performance.now() - waited) / 1000).toFixed(1);
        logger.info(`${count} compounds indexed for search; finishing the index took ${seconds} s`);
      },
    },
  };
}
