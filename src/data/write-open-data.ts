/**
 * Writes the open-data downloads (open-data.ts) under a site folder.
 * Synchronous on purpose: it runs in a worker of its own, and 50,000 small
 * synchronous writes take a fraction of the time of as many promises.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { type OpenDataFile, type OpenDataSource, openDataFiles } from './open-data.ts';

/** Pieces are gathered up to this many characters before a write. */
const WRITE_CHUNK = 1 << 20;

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

/** Writes every file of the downloads below `root` (the site's output folder); returns how many. */
export function writeOpenData(source: OpenDataSource, root: string): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of openDataFiles(source)) {
    const target = path.join(root, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFile(target, file);
    count += 1;
  }
  return count;
}
