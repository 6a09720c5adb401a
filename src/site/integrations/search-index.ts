/**
 * Builds the Pagefind search index in every `astro build`, so that the index
 * always matches the data and is never committed. Pagefind's extended binary
 * (the npm package's) segments Chinese words with ICU4X.
 *
 * Pagefind reads one small document per compound (src/outputs/search-document.ts),
 * made from the validated records, not the written pages: so the documents are
 * ready seconds into the build, and the index is built and written in Pagefind's
 * own processes (one per part, below) while Astro renders the pages.
 *
 * A large county's index is in parts (src/core/lib/search-parts.ts). Each part
 * is a function of its documents alone (Pagefind's version and its settings
 * here being part of the program previous-output.ts checks). Over the previous
 * output, a part none of whose documents changed — a price, a phone number, a
 * new quarter's accounts change none — is kept (the unit `search`, `search-2`, …)
 * instead of being made again: at 10,000 compounds in five parts, a new fee
 * item indexes 2,000 compounds again, not 10,000.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchPartCount, searchPartFolder, searchPartMembers } from '../../core/lib/search-parts.ts';
import { sitePath } from '../../core/lib/site-path.ts';
import { evaluationsArrived } from '../../core/model/compliance.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { SEARCH_DOCUMENTS_FILE, type SearchDocument, searchDocumentMakers } from '../../outputs/search-document.ts';
import { compoundPageKeys } from '../page-keys.ts';
import { filesBelow, keptUnit, previousSegments, recordUnit } from './previous-output.ts';
import { dataUnit, previousSegmentTexts } from './write-site-files.ts';

/** The unit of previous-output.ts for each part: `search` for the first, then `search-2`, … */
const unitOf = (part: number) => (part === 0 ? 'search' : `search-${part + 1}`);

/** One part of the index: its documents, and the key they give it. */
interface Part {
  part: number;
  documents: SearchDocument[];
  key: string;
}

/** The documents in the parts that hold any (src/core/lib/search-parts.ts), each part keyed by its documents, in order. */
function partsOf(documents: readonly SearchDocument[]): Part[] {
  const count = searchPartCount(documents.length);
  const members = searchPartMembers(documents.map((d) => d.url));
  return [...members].map(([part, positions]) => {
    const inPart = positions.map((i) => documents[i] as SearchDocument);
    const hash = createHash('sha256').update(`${part} of ${count}\0`);
    for (const { url, html } of inPart) hash.update(`${url}\0${html}\0`);
    return { part, documents: inPart, key: hash.digest('base64url') };
  });
}

/** The search documents the previous build wrote, by compound, when it left them in the output folder. */
type PreviousDocuments = ReturnType<typeof previousSegmentTexts>;

/**
 * Every compound's search document, in the compounds' order. Over the previous output, a compound whose
 * downloads are kept (its page's key is unchanged, site-files.ts) has the document that build wrote to
 * search/documents.json (`previous`), read back; only the changed compounds' are made, each evaluating its
 * compound here. With nothing to read back (into an empty folder) every document is made, after the
 * site-files worker's findings have arrived (compliance.ts): this thread then evaluates no compound,
 * and holds one set of findings, not two. The index has every page's rendering to catch up.
 */
async function documentsOfThisBuild(
  previous: PreviousDocuments,
): Promise<{ documents: SearchDocument[]; readBack: number }> {
  const source = await getOpenDataSource();
  // Into an empty folder the keys are left for the end of the build.
  const keys = previous ? await compoundPageKeys() : new Map<string, string>();
  if (!previous) await evaluationsArrived();
  const documents: SearchDocument[] = [];
  let readBack = 0;
  for (const { slug, make } of searchDocumentMakers(source)) {
    const key = keys.get(slug);
    const kept =
      previous && key !== undefined && keptUnit(dataUnit(slug), key) ? readDocument(previous(slug), slug) : undefined;
    documents.push(kept ?? make());
    if (kept) readBack += 1;
  }
  return { documents, readBack };
}

/** A segment of search/documents.json as the document of the compound it should be; undefined when it is not. */
function readDocument(text: string | undefined, slug: string): SearchDocument | undefined {
  try {
    const document = JSON.parse(text ?? '') as Partial<SearchDocument>;
    const ours = document.url === sitePath(`/c/${slug}/`) && typeof document.html === 'string';
    return ours ? (document as SearchDocument) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Indexes each part in a Pagefind process of its own and writes it into its folder of `outDir`, one
 * part after the other: Pagefind's memory is that of one part. (One process for all the parts kept
 * what each had freed: 464–520 MB for four parts of 2,500 compounds, against 369–373 MB for one.) Records each part's files.
 */
async function writeParts(parts: readonly Part[], outDir: string): Promise<void> {
  for (const { part, documents, key } of parts) {
    const folder = searchPartFolder(part);
    try {
      await writePart(documents, path.join(outDir, folder));
    } finally {
      // Ends the part's process, failed or not: the index goes with it.
      await pagefind.close();
    }
    recordUnit(unitOf(part), { key, files: (await filesBelow(outDir, folder)).sort() });
  }
}

/** Indexes one part's documents in a new Pagefind process and writes the index into `folder`. */
async function writePart(documents: readonly SearchDocument[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  await Promise.all(
    documents.map(async ({ url, html }) => {
      const result = await index.addHTMLFile({ url, content: html });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    }),
  );
  // Over the previous output the folder holds the part's last index: Pagefind does not write a file
  // that is already there, so a part is always written into an empty folder.
  await rm(folder, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
}

export function searchIndex(): AstroIntegration {
  let outDir = '';
  let writing: Promise<{ documents: number; readBack: number; parts: number; written: Part[] }> | undefined;
  return {
    name: 'gongshi-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // After previous-output.ts has kept or emptied the output folder, before the site-files worker
      // writes search/documents.json again: the parts are written while the pages render.
      'astro:build:setup': () => {
        if (writing) return;
        // Read now, before site-files.ts tells its worker to write the open data, this file among them.
        const previous = previousSegmentTexts(outDir, SEARCH_DOCUMENTS_FILE, previousSegments()[SEARCH_DOCUMENTS_FILE]);
        writing = documentsOfThisBuild(previous).then(async ({ documents, readBack }) => {
          const parts = partsOf(documents);
          const changed = parts.filter(({ part, key }) => {
            const kept = keptUnit(unitOf(part), key);
            if (kept) recordUnit(unitOf(part), kept);
            return !kept;
          });
          await writeParts(changed, outDir);
          return { documents: documents.length, readBack, parts: parts.length, written: changed };
        });
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('the search index was never started');
        const waited = performance.now();
        const { documents, readBack, parts, written } = await writing;
        // What the index adds to the build: the pages are all written by now.
        const seconds = ((performance.now() - waited) / 1000).toFixed(1);
        const indexed = written.reduce((n, p) => n + p.documents.length, 0);
        const inParts = parts === 1 ? '' : ` (${written.length} of the index’s ${parts} parts)`;
        if (readBack > 0) {
          logger.info(
            `${readBack} compounds’ search documents read back from the previous build, ${documents - readBack} made`,
          );
        }
        logger.info(
          written.length === 0
            ? `${documents} compounds’ search documents unchanged: the index of the previous build kept`
            : `${indexed} compounds indexed for search${inParts}; finishing the index took ${seconds} s`,
        );
      },
    },
  };
}
