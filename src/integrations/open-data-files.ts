/**
 * Writes the open-data downloads (src/data/open-data.ts) when the pages are
 * done, and serves the same files in `astro dev`.
 *
 * Why not one endpoint per file: at 10,000 compounds there are 50,000 of
 * them, and Astro's route pipeline (a Request, a Response, the body encoded
 * and read back, a log line) cost more than making the files. The county
 * tables, tens of megabytes each, are written piece by piece instead of
 * being held as one string and one buffer.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type OpenDataFile, openDataFiles } from '../data/open-data.ts';
import { getOpenDataSource } from '../model/open-data.ts';

/** Pieces are gathered up to this many characters before a write. */
const WRITE_CHUNK = 1 << 20;

/**
 * Synchronous on purpose: the build has nothing else to do on this thread
 * by now, and 50,000 small synchronous writes take a fraction of the time
 * of as many promises.
 */
function writeFile(target: string, file: OpenDataFile): void {
  const fd = openSync(target, 'w');
  try {
    let pending = '';
    for (const piece of file.pieces()) {
      pending += piece;
      if (pending.length >= WRITE_CHUNK) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}

export function openData(): AstroIntegration {
  return {
    name: 'gongshi-open-data',
    hooks: {
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const made = new Set<string>();
        let count = 0;
        for (const file of openDataFiles(await getOpenDataSource())) {
          const target = path.join(root, file.path);
          const folder = path.dirname(target);
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          writeFile(target, file);
          count += 1;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${count} open-data files written under /data/ in ${seconds} s`);
      },
    },
  };
}
