/**
 * Writing the site files (site-files.ts), the same in the worker thread and
 * in the main one. Synchronous on purpose: tens of thousands of small
 * synchronous writes take a fraction of the time of as many promises, and
 * nothing else waits on the thread meanwhile.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  utimesSync,
  writeSync,
  writevSync,
} from 'node:fs';
import path from 'node:path';
import { dataFiles } from '../../outputs/data-files.ts';
import type { OpenDataSource, Segmented } from '../../outputs/open-data.ts';
import { communityPrintPages, printUnits } from '../../outputs/print/print-pages.ts';
import { finishPage } from './page-registry.ts';
import type { SegmentIndex } from './previous-output.ts';

/** Pieces are gathered up to this many characters before a write. */
const WRITE_CHUNK = 1 << 20;

/** What a writer wrote: how many files, and the files of each unit it wrote (a compound, a 社区), below the output folder. */
export interface Written {
  count: number;
  units: [unit: string, files: string[]][];
  /** Where each compound's segment is in each segmented file written, by the file's path. */
  segments?: Record<string, SegmentIndex>;
  /** Of the segmented files, how many were already what this build makes, and were left as they were. */
  unchanged?: number;
}

/** The unit of a compound's own downloads, and of a 社区's printed pages (previous-output.ts keeps units). */
export const dataUnit = (compound: string) => `data:${compound}`;
export const printUnit = (community: string) => `print:${community}`;

/**
 * Writes every file made from the data (open data, name directory) below `root`, the output folder,
 * except the own files of the compounds in `kept`, which the previous build wrote and are unchanged.
 * Of a segmented file, the segments of those compounds are copied from the file that build wrote,
 * found by `previous`, the index it recorded.
 */
export function writeDataFiles(
  source: OpenDataSource,
  root: string,
  kept: ReadonlySet<string>,
  previous: Readonly<Record<string, SegmentIndex>> = {},
): Written {
  const made = new Set<string>();
  const units = new Map<string, string[]>();
  const segments: Record<string, SegmentIndex> = {};
  let count = 0;
  let unchanged = 0;
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
    if (file.segmented) {
      const index = writeSegmented(target, file.segmented, kept, previous[file.path]);
      if (index === previous[file.path]) unchanged += 1;
      segments[file.path] = index;
    } else {
      writePieces(target, file.pieces());
    }
    count += 1;
  }
  return { count, units: [...units], segments, unchanged };
}

/** Pieces gathered as text and written a megabyte at a time: cheaper for many small files than buffers. */
function writePieces(target: string, pieces: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    let pending = '';
    for (const piece of pieces) {
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

/** Buffers written in order to a file descriptor, counting the bytes. */
class Output {
  position = 0;
  private pending: Buffer[] = [];
  private bytes = 0;
  private readonly fd: number;
  constructor(fd: number) {
    this.fd = fd;
  }
  write(data: string | Buffer): void {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(buffer);
    this.position += buffer.length;
    this.bytes += buffer.length;
    if (this.bytes >= WRITE_CHUNK) this.flush();
  }
  flush(): void {
    if (this.pending.length > 0) writevSync(this.fd, this.pending);
    this.pending = [];
    this.bytes = 0;
  }
}

/** Spans of a file read in order, through a window of a megabyte or more: tens of reads for 100 MB, not thousands. */
class SpanReader {
  private window = Buffer.alloc(0);
  private start = 0;
  private readonly fd: number;
  constructor(fd: number) {
    this.fd = fd;
  }
  read(at: number, length: number): Buffer {
    if (at < this.start || at + length > this.start + this.window.length) {
      this.window = Buffer.alloc(Math.max(WRITE_CHUNK, length));
      this.window = this.window.subarray(0, readSync(this.fd, this.window, 0, this.window.length, at));
      this.start = at;
      if (this.window.length < length) throw new Error('a segment of the previous build’s file is past its end');
    }
    return this.window.subarray(at - this.start, at - this.start + length);
  }
}

/** The digest of what a segmented file has besides its segments (SegmentIndex.frame). */
const frameOf = (file: Segmented) =>
  createHash('sha256')
    .update(JSON.stringify([file.head, file.separator, file.tail, file.empty]))
    .digest('base64url');

/**
 * Writes a segmented file (open-data.ts), copying the segments of the compounds in `kept` from the
 * file the previous build wrote there, when `previous` describes it (same size), and making the others.
 * When that file is already what this build would write, it is left as it is and only marked as
 * written by this build (previous-output.ts sweeps by modification time): a new fee item in one compound
 * then rewrites the county's fee tables, not its 180 MB of quarterly accounts.
 * Otherwise it is written beside the old file, which is read meanwhile, and renamed into place.
 * Returns where each segment is.
 */
function writeSegmented(
  target: string,
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: SegmentIndex | undefined,
): SegmentIndex {
  const frame = frameOf(file);
  const old = previous ? openPrevious(target, previous.size) : undefined;
  const reader = old === undefined ? undefined : new SpanReader(old);
  try {
    if (reader && previous && unchanged(file, kept, previous, frame, reader)) {
      const now = new Date();
      utimesSync(target, now, now);
      return previous;
    }
    return writeSegmentedAnew(target, file, kept, previous && reader ? { index: previous, reader } : undefined, frame);
  } finally {
    if (old !== undefined) closeSync(old);
  }
}

/**
 * Whether the previous build's file is byte for byte what this build would write: the same frame, the
 * same compounds in the same order, and each compound's segment the same, those in `kept` being so by their key.
 */
function unchanged(
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: SegmentIndex,
  frame: string,
  reader: SpanReader,
): boolean {
  if (previous.frame !== frame) return false;
  let at = 0;
  for (const segment of file.segments()) {
    if (previous.owners[at] !== segment.owner) return false;
    if (!kept.has(segment.owner)) {
      const bytes = Buffer.from(segment.text(), 'utf8');
      const length = previous.spans[2 * at + 1] as number;
      if (bytes.length !== length || !bytes.equals(reader.read(previous.spans[2 * at] as number, length))) return false;
    }
    at += 1;
  }
  return at === previous.owners.length;
}

/** Writes a segmented file beside its target and renames it into place, the kept segments copied from `previous`. */
function writeSegmentedAnew(
  target: string,
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: { index: SegmentIndex; reader: SpanReader } | undefined,
  frame: string,
): SegmentIndex {
  const positionOf = new Map(previous?.index.owners.map((owner, i) => [owner, i]));
  const temporary = `${target}.partial`;
  const fd = openSync(temporary, 'w');
  const out = new Output(fd);
  const index: SegmentIndex = { size: 0, owners: [], spans: [], frame };
  try {
    let any = false;
    for (const segment of file.segments()) {
      const at = kept.has(segment.owner) ? positionOf.get(segment.owner) : undefined;
      const bytes =
        previous && at !== undefined
          ? previous.reader.read(previous.index.spans[2 * at] as number, previous.index.spans[2 * at + 1] as number)
          : Buffer.from(segment.text(), 'utf8');
      if (bytes.length > 0) {
        out.write(any ? file.separator : file.head);
        any = true;
      }
      index.owners.push(segment.owner);
      index.spans.push(out.position, bytes.length);
      if (bytes.length > 0) out.write(bytes);
    }
    out.write(any ? file.tail : file.empty);
    out.flush();
    index.size = out.position;
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
  return index;
}

/** The previous build's file, if it is there with the size that build recorded. */
function openPrevious(target: string, size: number): number | undefined {
  let fd: number;
  try {
    fd = openSync(target, 'r');
  } catch {
    return undefined;
  }
  if (fstatSync(fd).size === size) return fd;
  closeSync(fd);
  return undefined;
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
