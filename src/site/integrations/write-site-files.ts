/**
 * Writing the site files (site-files.ts), the same in the worker thread and
 * in the main one. Synchronous on purpose: tens of thousands of small
 * synchronous writes take a fraction of the time of as many promises, and
 * nothing else waits on the thread meanwhile.
 */
import { closeSync, mkdirSync, openSync, writeSync, writevSync } from 'node:fs';
import path from 'node:path';
import { dataFiles } from '../../outputs/data-files.ts';
import type { OpenDataSource } from '../../outputs/open-data.ts';
import { communityPrintPages, printUnits } from '../../outputs/print/print-pages.ts';
import { finishPage } from './page-registry.ts';

/** Pieces are gathered up to this many characters before a write. */
const WRITE_CHUNK = 1 << 20;

/** Writes every file made from the data (open data, name directory) below `root`, the output folder; returns how many. */
export function writeDataFiles(source: OpenDataSource, root: string): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of dataFiles(source)) {
    const target = path.join(root, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
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
    count += 1;
  }
  return count;
}

/**
 * Takes 社区 after 社区 from the shared counter and writes its printed pages,
 * finished like Astro's (page-registry.ts), until none is left; returns how
 * many pages this thread wrote.
 */
export async function writePrintUnits(root: string, stylesheet: string, next: Int32Array): Promise<number> {
  const units = await printUnits();
  let written = 0;
  for (let i = Atomics.add(next, 0, 1); i < units.length; i = Atomics.add(next, 0, 1)) {
    for (const page of await communityPrintPages(units[i] as (typeof units)[number], stylesheet)) {
      const folder = path.join(root, page.path);
      mkdirSync(folder, { recursive: true });
      const fd = openSync(path.join(folder, 'index.html'), 'w');
      try {
        writevSync(fd, finishPage(Buffer.from(page.html, 'utf8'), { path: page.path, listed: true }));
      } finally {
        closeSync(fd);
      }
      written += 1;
    }
  }
  return written;
}
