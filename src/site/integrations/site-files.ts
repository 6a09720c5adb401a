/**
 * The files of the site made from the data outside Astro's pages: the
 * open-data downloads (src/outputs/open-data.ts, 50,000 files at 10,000
 * compounds), the search's name directory and the printable pages (src/outputs/print/, 20,800 pages). `astro dev`
 * serves both from the same code.
 *
 * In a build, a worker thread (site-files-worker.ts) starts as soon as Astro
 * has emptied the output folder: it writes the open data, which only it can
 * (the county tables are written in order), then takes 社区 after 社区 of
 * printed pages. This thread joins in once Astro has written its pages: the
 * two take the next 社区 from one shared counter, so whichever is free works,
 * and the build ends when both are done. Every printed page is finished and
 * entered in the sitemap like an Astro page (page-registry.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { validatedContent } from '../../core/data/content-bundle.ts';
import { runWorker } from '../../core/lib/run-worker.ts';
import { withoutBase } from '../../core/lib/site-path.ts';
import { dataFiles } from '../../outputs/data-files.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { communityPrintPages, printUnits } from '../../outputs/print/print-pages.ts';
import { type PrintStylesheet, printStylesheet } from '../../outputs/print/stylesheet.ts';
import { addRegistryShare, type RegistryShare } from './page-registry.ts';
import { writePrintUnits } from './write-site-files.ts';

/** What the worker starts with. */
export interface SiteFilesSetup {
  content: Awaited<ReturnType<typeof validatedContent>>;
  outDir: string;
  stylesheet: string;
  /** One Int32: the index of the next 社区 to print, shared with this thread. */
  next: SharedArrayBuffer;
}

/** What the worker reports: how much it wrote, and its share of page-registry.ts. */
export interface SiteFilesDone {
  dataFiles: number;
  printed: number;
  registry: RegistryShare;
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
  let working: Promise<SiteFilesDone> | undefined;
  let next: Int32Array | undefined;
  let started = 0;
  let printedHere = 0;
  return {
    name: 'gongshi-site-files',
    hooks: {
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
      // The first hook after Astro has emptied the output folder, before any page is rendered.
      'astro:build:setup': async () => {
        if (working) return;
        started = performance.now();
        stylesheet = printStylesheet(projectRoot);
        const file = path.join(outDir, stylesheet.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, stylesheet.css);
        const shared = new SharedArrayBuffer(4);
        next = new Int32Array(shared);
        const setup: SiteFilesSetup = {
          content: await validatedContent(),
          outDir,
          stylesheet: stylesheet.href,
          next: shared,
        };
        working = runWorker<SiteFilesDone>(new URL('./site-files-worker.ts', import.meta.url), setup);
        // Bad content stops the build at content sync, before this; any later failure is thrown below.
        working.catch(() => {});
      },
      // Astro's pages are written: this thread prints what the worker has not taken yet.
      'astro:build:generated': async ({ logger }) => {
        if (!working || !next || !stylesheet) throw new Error('the site files were never started');
        printedHere = await writePrintUnits(outDir, stylesheet.href, next);
        const done = await working;
        addRegistryShare(done.registry);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${done.dataFiles} files of open data and the name directory and ${printedHere + done.printed} printable pages (${done.printed} by the worker) in ${seconds} s`,
        );
      },
    },
  };
}
