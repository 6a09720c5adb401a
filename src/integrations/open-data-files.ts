/**
 * Writes the open-data downloads (src/data/open-data.ts) while the pages are
 * rendered, and serves the same files in `astro dev`.
 *
 * Why not one endpoint per file: at 10,000 compounds there are 50,000 of
 * them, and Astro's route pipeline (a Request, a Response, the body encoded
 * and read back, a log line) cost more than making the files. They are
 * written by a worker thread from a copy of the records, on the core that
 * Astro, rendering one page at a time, leaves free; the county tables, tens
 * of megabytes each, piece by piece.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openDataFiles } from '../data/open-data.ts';
import { runWorker } from '../lib/run-worker.ts';
import { getOpenDataSource } from '../model/open-data.ts';

/** Starts the worker; resolves with the number of files it wrote. */
async function writeInWorker(projectRoot: string, outDir: string): Promise<number> {
  const source = await getOpenDataSource();
  const file = path.join(projectRoot, 'src', 'data', 'open-data-worker.ts');
  return runWorker<number>(file, { source, root: outDir });
}

export function openData(): AstroIntegration {
  let projectRoot = '';
  let outDir = '';
  let writing: Promise<number> | undefined;
  let started = 0;
  return {
    name: 'gongshi-open-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
          if (!pathname.startsWith('/data/') || pathname.endsWith('/')) return next();
          try {
            const wanted = pathname.slice(1);
            for (const file of openDataFiles(await getOpenDataSource())) {
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
      'astro:build:setup': () => {
        if (writing) return;
        started = performance.now();
        writing = writeInWorker(projectRoot, outDir);
        // Bad content stops the build at content sync, before this; any later failure is thrown at build:done.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('the open data was never written');
        const waited = performance.now();
        const count = await writing;
        const total = ((performance.now() - started) / 1000).toFixed(1);
        const after = ((performance.now() - waited) / 1000).toFixed(1);
        logger.info(`${count} open-data files written under /data/ in ${total} s, ${after} s of it after the pages`);
      },
    },
  };
}
