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

/** What a writer wrote: how many files, and the files of each unit it wrote (a compound, a 社区), below the output folder. */
export interface Written {
  count: number;
  units: [unit: string, files: string[]][];
}

/** The unit of a compound's own downloads, and of a 社区's printed pages (previous-output.ts keeps units). */
export const dataUnit = (compound: string) => `data:${compound}`;
export const printUnit = (community: string) => `print:${community}`;

/**
 * Writes every file made from the data (open data, name directory) below `root`, the output folder,
 * except the own files of the compounds in `kept`, which the previous build wrote and are unchanged.
 */
export function writeDataFiles(source: OpenDataSource, root: string, kept: ReadonlySet<string>): Written {
  const made = new Set<string>();
  const units = new Map<string, string[]>();
  let count = 0;
  for (const file of dataFiles(source)) {
    if (file.owner !== undefined) {
      if (kept.has(file.owner)) continue;
      const unit = dataUnit(file.owner);
      const files = units.get(unit) ?? [];
      files.push(file.path);
      units.set(unit, files);
    }
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
  return { count, units: [...units] };
}

/**
 * Takes 社区 after 社区 from the shared counter and writes its printed pages,
 * finished like Astro's (page-registry.ts), until none is left; a 社区 in
 * `kept` is passed over, its pages being those of the previous build.
 */
export async function writePrintUnits(
  root: string,
  stylesheet: string,
  next: Int32Array,
  kept: ReadonlySet<string>,
): Promise<Written> {
  const communities = await printUnits();
  const units: Written['units'] = [];
  let count = 0;
  for (let i = Atomics.add(next, 0, 1); i < communities.length; i = Atomics.add(next, 0, 1)) {
    const community = communities[i] as (typeof communities)[number];
    if (kept.has(community.slug)) continue;
    const files: string[] = [];
    for (const page of await communityPrintPages(community, stylesheet)) {
      const folder = path.join(root, page.path);
      mkdirSync(folder, { recursive: true });
      const fd = openSync(path.join(folder, 'index.html'), 'w');
      try {
        writevSync(fd, finishPage(Buffer.from(page.html, 'utf8'), { path: page.path, listed: true }));
      } finally {
        closeSync(fd);
      }
      files.push(`${page.path.slice(1)}index.html`);
      count += 1;
    }
    units.push([printUnit(community.slug), files]);
  }
  return { count, units };
}
