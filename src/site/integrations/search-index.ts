/**
 * Builds the Pagefind search index in every `astro build`, so that the index
 * always matches the data and is never committed. Pagefind's extended binary
 * (the npm package's) segments Chinese words with ICU4X.
 *
 * Pagefind reads one small document per compound (src/outputs/search-document.ts),
 * made from the validated records, not the written pages: so the documents are
 * ready when the build starts, and the index is built and written in Pagefind's
 * own process while Astro renders the pages.
 *
 * The index is a function of the documents alone (Pagefind's version and its
 * settings here being part of the program previous-output.ts checks). Over the
 * previous output, when no document changed — a price, a phone number, a new
 * quarter's accounts — the index that build wrote is kept (the unit `search`)
 * instead of being made again: at 10,000 compounds that is 20 s of Pagefind's time.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { shareEvaluationsInThisBuild } from '../../core/model/compliance.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { type SearchDocument, searchDocuments } from '../../outputs/search-document.ts';
import { filesBelow, keptUnit, recordUnit } from './previous-output.ts';

const UNIT = 'search';
const FOLDER = 'pagefind';

/** The key of the index: every document, in order. */
function documentsKey(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  for (const { url, html } of documents) hash.update(`${url}\0${html}\0`);
  return hash.digest('base64url');
}

/** Indexes the documents in Pagefind's process and writes the index into `outDir`; resolves with the files written. */
async function writeIndex(documents: readonly SearchDocument[], outDir: string): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  await Promise.all(
    documents.map(async ({ url, html }) => {
      const result = await index.addHTMLFile({ url, content: html });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    }),
  );
  // Over the previous output the folder holds the last index: Pagefind does not write a file that is
  // already there, so an index is always written into an empty folder.
  await rm(path.join(outDir, FOLDER), { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: path.join(outDir, FOLDER) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await pagefind.close();
  return (await filesBelow(outDir, FOLDER)).sort();
}

export function searchIndex(): AstroIntegration {
  let outDir = '';
  let documents: SearchDocument[] = [];
  let writing: Promise<'written' | 'kept'> | undefined;
  return {
    name: 'gongshi-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Content sync has validated the data (bad content stopped the build there, with the full problem list).
      'astro:build:start': async () => {
        // The documents evaluate every compound first; the pages then use these evaluations.
        shareEvaluationsInThisBuild();
        documents = [...searchDocuments(await getOpenDataSource())];
      },
      // After previous-output.ts has kept or emptied the output folder: the index is written while the pages render.
      'astro:build:setup': () => {
        if (writing) return;
        const key = documentsKey(documents);
        const kept = keptUnit(UNIT, key);
        if (kept) {
          recordUnit(UNIT, kept);
          writing = Promise.resolve('kept');
          return;
        }
        writing = writeIndex(documents, outDir).then((files) => {
          recordUnit(UNIT, { key, files });
          return 'written' as const;
        });
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('the search index was never started');
        const waited = performance.now();
        const how = await writing;
        // What the index adds to the build: the pages are all written by now.
        const seconds = ((performance.now() - waited) / 1000).toFixed(1);
        logger.info(
          how === 'kept'
            ? `${documents.length} compounds’ search documents unchanged: the index of the previous build kept`
            : `${documents.length} compounds indexed for search; finishing the index took ${seconds} s`,
        );
        documents = [];
      },
    },
  };
}
