/**
 * The files of the site made from the data outside Astro's pages: the
 * open-data downloads (src/outputs/open-data.ts, 50,000 files at 10,000
 * compounds), the search's name directory and the printable pages (src/outputs/print/, 20,800 pages). `astro dev`
 * serves both from the same code.
 *
 * In a build, a worker thread (site-files-worker.ts) starts with the build, loads its
 * code while content sync validates, and is sent the validated content. It makes what
 * needs no output folder, first every compound's findings, which it posts at once: the
 * pages use them (src/core/model/compliance.ts) instead of evaluating every compound
 * again. Once the folder is ready (previous-output.ts) it is told what the previous
 * build left, and writes the open data,
 * which only it can (the county tables are written in order), then takes 社区 after 社区 of
 * printed pages. This thread joins in once Astro has written its pages: the
 * two take the next 社区 from one shared counter, so whichever is free works,
 * and the build ends when both are done. Every printed page is finished and
 * entered in the sitemap like an Astro page (page-registry.ts).
 *
 * A build over the previous output (previous-output.ts) writes again only the
 * units whose key changed: a compound's own downloads (keyed like its page,
 * src/site/page-keys.ts), a 社区's printed pages (its record, the departments
 * and its compounds' keys). The county-wide files are always written, but those made of one segment
 * per compound copy the segments of the compounds whose downloads are kept.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { validatedContent } from '../../core/data/content-bundle.ts';
import { type ContentHead, contentMessages } from '../../core/data/content-messages.ts';
import { internStrings } from '../../core/lib/intern.ts';
import { type RunningWorker, startWorker } from '../../core/lib/run-worker.ts';
import { withoutBase } from '../../core/lib/site-path.ts';
import { evaluationsFromElsewhere, type Finding, shareEvaluationsInThisBuild } from '../../core/model/compliance.ts';
import { getDepartments } from '../../core/model/content.ts';
import { dataFiles } from '../../outputs/data-files.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { communityPrintPages, printUnits } from '../../outputs/print/print-pages.ts';
import { type PrintStylesheet, printStylesheet } from '../../outputs/print/stylesheet.ts';
import { communityPageKeys, compoundPageKeys, digestOf } from '../page-keys.ts';
import { addPageEntry, addRegistryShare, type RegistryShare } from './page-registry.ts';
import {
  buildingInPlace,
  keptUnit,
  previousPageEntry,
  previousSegments,
  recordSegments,
  recordUnit,
  type SegmentIndex,
} from './previous-output.ts';
import { dataUnit, printUnit, type Written, writePrintUnits } from './write-site-files.ts';

/**
 * What the worker is sent first, once content sync has validated the content: the head of the
 * content (src/core/data/content-messages.ts), whose compounds follow in messages of their own.
 */
export interface SiteFilesStart {
  content: ContentHead;
  outDir: string;
}

/**
 * What the worker posts first, as soon as it has evaluated the content: every compound's findings,
 * which the pages use instead of evaluating every compound again.
 */
export interface SiteFilesEvaluated {
  today: string;
  findings: [slug: string, findings: Finding[]][];
}

/** What the worker is sent once the output folder is ready. */
export interface SiteFilesGo {
  stylesheet: string;
  /** One Int32: the index of the next 社区 to print, shared with this thread. */
  next: SharedArrayBuffer;
  /** The compounds whose downloads, and the 社区 whose printed pages, the previous build wrote unchanged. */
  kept: { data: string[]; print: string[] };
  /** Where the kept compounds' segments are in the county-wide files the previous build wrote. */
  segments: Record<string, SegmentIndex>;
}

/** What the worker reports: what it wrote, and its share of page-registry.ts. */
export interface SiteFilesDone {
  data: Written;
  printed: Written;
  registry: RegistryShare;
}

/**
 * The key of every unit of the site files: a compound's downloads are made from what its page is
 * (the page's key); a 社区's printed pages from what its page is (its key, which holds its compounds'),
 * the departments and the stylesheet. What is common to all (the program) previous-output.ts checks once.
 */
async function unitKeys(stylesheet: string): Promise<Map<string, string>> {
  const [compoundKeys, communityKeys, departments] = await Promise.all([
    compoundPageKeys(),
    communityPageKeys(),
    getDepartments(),
  ]);
  const keys = new Map<string, string>();
  for (const [slug, key] of compoundKeys) keys.set(dataUnit(slug), key);
  const sheets = [stylesheet, JSON.stringify(departments)];
  for (const [slug, key] of communityKeys) keys.set(printUnit(slug), digestOf([...sheets, key]));
  return keys;
}

/** The units whose files the previous build left and whose key is unchanged: the slugs of their compound or 社区. */
function keptUnits(keys: Map<string, string>): SiteFilesGo['kept'] {
  const kept: SiteFilesGo['kept'] = { data: [], print: [] };
  for (const [unit, key] of keys) {
    if (!keptUnit(unit, key)) continue;
    const [kind, slug] = unit.split(':') as ['data' | 'print', string];
    kept[kind].push(slug);
  }
  return kept;
}

/**
 * Records every unit for the next build: those written now, and those kept, whose printed pages count
 * in the sitemap and _headers with the entries the previous build made of them. Returns how many were kept.
 */
function recordUnits(keys: Map<string, string>, written: Written[]): { data: number; print: number } {
  const files = new Map(written.flatMap((w) => w.units));
  const kept = { data: 0, print: 0 };
  for (const [unit, key] of keys) {
    const made = files.get(unit);
    if (made) {
      recordUnit(unit, { key, files: made });
      continue;
    }
    const previous = keptUnit(unit, key);
    if (!previous) throw new Error(`${unit} was neither written nor kept from the previous build`);
    recordUnit(unit, previous);
    if (unit.startsWith(printUnit(''))) {
      for (const file of previous.files) addKeptPage(file);
      kept.print += 1;
    } else {
      kept.data += 1;
    }
  }
  return kept;
}

/** A printed page kept from the previous build, entered as that build finished it. */
function addKeptPage(file: string): void {
  const page = `/${file.replace(/index\.html$/, '')}`;
  const entry = previousPageEntry(page);
  if (!entry) throw new Error(`${page} was kept but the previous build recorded no entry for it`);
  addPageEntry(page, entry);
}

/** A printed page in `astro dev`: its HTML, or undefined when the address is not one. */
async function printedPage(pathname: string, stylesheet: string): Promise<string | undefined> {
  if (!/^\/(?:c\/[^/]+\/(?:notice|board)|shequ\/[^/]+\/(?:notices|boards))\/$/.test(pathname)) return undefined;
  for (const community of await printUnits()) {
    for (const page of await communityPrintPages(community, stylesheet)) if (page.path === pathname) return page.html;
  }
  return undefined;
}

export function siteFiles(): AstroIntegration {
  let projectRoot = '';
  let outDir = '';
  let stylesheet: PrintStylesheet | undefined;
  let worker: RunningWorker<SiteFilesDone, SiteFilesEvaluated> | undefined;
  let working: Promise<SiteFilesDone> | undefined;
  let next: Int32Array | undefined;
  let kept: SiteFilesGo['kept'] = { data: [], print: [] };
  let keys: Map<string, string> | undefined;
  let started = 0;
  return {
    name: 'gongshi-site-files',
    hooks: {
      // The worker loads its code while content sync validates the content.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        worker = startWorker<SiteFilesDone, SiteFilesEvaluated>(
          new URL('./site-files-worker.ts', import.meta.url),
          undefined,
          { early: true },
        );
        // Bad content stops the build at content sync, before the worker is sent anything; any later failure is thrown below.
        worker.result.catch(() => {});
      },
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const pathname = withoutBase(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
          try {
            // Made again on every request: `astro dev` shows the CSS and the data as they are now.
            const sheetStyles = printStylesheet(projectRoot);
            if (pathname === sheetStyles.path || /^\/_astro\/print\.[^/]+\.css$/.test(pathname)) {
              response.setHeader('Content-Type', 'text/css; charset=utf-8');
              response.end(sheetStyles.css);
              return;
            }
            const page = await printedPage(pathname, sheetStyles.href);
            if (page !== undefined) {
              response.setHeader('Content-Type', 'text/html; charset=utf-8');
              response.end(page);
              return;
            }
            if (!/^\/(?:data|search)\//.test(pathname) || pathname.endsWith('/')) return next();
            const wanted = pathname.slice(1);
            for (const file of dataFiles(await getOpenDataSource())) {
              if (file.path !== wanted) continue;
              response.setHeader('Content-Type', file.contentType);
              for (const piece of file.pieces()) response.write(piece);
              response.end();
              return;
            }
            next();
          } catch (error) {
            next(error);
          }
        });
      },
      // Content sync has validated the content: the worker takes it now, while the other parts start.
      'astro:build:start': async () => {
        started = performance.now();
        if (!worker) throw new Error('the site-files worker was never started');
        const [head, ...compounds] = contentMessages(await validatedContent());
        const start: SiteFilesStart = { content: head, outDir };
        worker.send(start);
        for (const part of compounds) worker.send(part);
        shareEvaluationsInThisBuild();
        // A copy with its own strings, like the content the worker was sent: one copy of each here (26 MB of 32 at 10,000 compounds).
        evaluationsFromElsewhere(worker.early.then((evaluated) => internStrings(evaluated)));
      },
      // After previous-output.ts has kept or emptied the output folder (astro:build:start), before any page
      // renders, and after search-index.ts has read back the previous search documents, which the go lets
      // the worker write again.
      'astro:build:setup': async () => {
        if (working) return;
        if (!worker) throw new Error('the site-files worker was never started');
        stylesheet = printStylesheet(projectRoot);
        const file = path.join(outDir, stylesheet.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, stylesheet.css);
        const shared = new SharedArrayBuffer(4);
        next = new Int32Array(shared);
        // Over the previous output, the keys decide what is left as it is; in an empty folder everything
        // is written, and the keys (for the next build) are taken at the end, when the pages have made them.
        keys = buildingInPlace() ? await unitKeys(stylesheet.href) : undefined;
        kept = keys ? keptUnits(keys) : kept;
        const go: SiteFilesGo = { stylesheet: stylesheet.href, next: shared, kept, segments: previousSegments() };
        worker.post(go);
        working = worker.result;
      },
      // Astro's pages are written: this thread prints what the worker has not taken yet.
      'astro:build:generated': async ({ logger }) => {
        if (!working || !next || !stylesheet) throw new Error('the site files were never started');
        const printedHere = await writePrintUnits(outDir, stylesheet.href, next, new Set(kept.print));
        const done = await working;
        addRegistryShare(done.registry);
        recordSegments(done.data.segments ?? {});
        const reused = recordUnits(keys ?? (await unitKeys(stylesheet.href)), [done.data, done.printed, printedHere]);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${done.data.count} files of open data and the name directory and ${printedHere.count + done.printed.count} printable pages (${done.printed.count} by the worker) in ${seconds} s`,
        );
        if (reused.data + reused.print > 0) {
          logger.info(
            `unchanged, kept from the previous build: the downloads of ${reused.data} compounds, the printed pages of ${reused.print} 社区, ${done.data.unchanged ?? 0} county-wide files`,
          );
        }
      },
    },
  };
}
