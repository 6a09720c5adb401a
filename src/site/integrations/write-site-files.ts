/**
 * Writing the site files (site-files.ts), the same in the worker thread and
 * in the main one. Synchronous on purpose: tens of thousands of small
 * synchronous writes take a fraction of the time of as many promises, and
 * nothing else waits on the thread meanwhile.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync, writevSync } from 'node:fs';
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
  /** How many segmented files were already what this build makes, and were left as they were. */
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
    if (length === 0) return Buffer.alloc(0);
    if (at < this.start || at + length > this.start + this.window.length) {
      // A new buffer each time: the spans handed out before are still waiting in an Output.
      const window = Buffer.allocUnsafe(Math.max(WRITE_CHUNK, length));
      this.window = window.subarray(0, readSync(this.fd, window, 0, window.length, at));
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
 * How much of the previous build's file is already what this build writes: its first `segments`
 * segments, which end at byte `bytes` (`any`: one of them has text, so the head is among those bytes).
 */
interface SamePrefix {
  segments: number;
  bytes: number;
  any: boolean;
  /** Every segment of this build's file is among them. */
  all: boolean;
}

const NOTHING_SAME: SamePrefix = { segments: 0, bytes: 0, any: false, all: false };

/**
 * Writes a segmented file (open-data.ts), over the file the previous build wrote there when `previous`
 * describes it (same size). The segments are compared in order with that file's, the compounds in `kept`
 * being the same by their key, the others made and compared byte for byte. When every one is the same,
 * and so are the compounds and the file's frame, the file is left as it is: a new fee item in one
 * compound then writes the county's fee tables and search documents again, not its 240 MB of quarterly
 * accounts (previous-output.ts keeps every segmented file this build recorded from its sweep). Otherwise
 * the file is written beside the old one from the first segment that differs, the bytes before it and
 * the later kept segments copied from the old file, and renamed into place. Returns where each segment is.
 */
function writeSegmented(
  target: string,
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: SegmentIndex | undefined,
): SegmentIndex {
  const frame = frameOf(file);
  const old = previous ? openPrevious(target, previous.size) : undefined;
  try {
    if (old === undefined || previous === undefined) return writeSegmentedFrom(target, file, kept, undefined, frame);
    const reader = new SpanReader(old);
    const same = previous.frame === frame ? samePrefix(file, kept, previous, reader) : NOTHING_SAME;
    if (same.all && same.segments === previous.owners.length) return previous;
    return writeSegmentedFrom(target, file, kept, { index: previous, reader, same }, frame);
  } finally {
    if (old !== undefined) closeSync(old);
  }
}

/** The segments, from the first, that are the same in the previous build's file and in this build's. */
function samePrefix(
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: SegmentIndex,
  reader: SpanReader,
): SamePrefix {
  const same = { ...NOTHING_SAME };
  for (const segment of file.segments()) {
    const at = same.segments;
    if (previous.owners[at] !== segment.owner) return same;
    const start = previous.spans[2 * at] as number;
    const length = previous.spans[2 * at + 1] as number;
    if (!kept.has(segment.owner)) {
      const bytes = Buffer.from(segment.text(), 'utf8');
      if (bytes.length !== length || !bytes.equals(reader.read(start, length))) return same;
    }
    same.segments += 1;
    if (length > 0) {
      same.bytes = start + length;
      same.any = true;
    }
  }
  return { ...same, all: true };
}

/**
 * Writes a segmented file beside its target and renames it into place. Over the previous build's file,
 * the bytes of the segments that are the same come from it, as do the later segments of the compounds in `kept`.
 */
function writeSegmentedFrom(
  target: string,
  file: Segmented,
  kept: ReadonlySet<string>,
  previous: { index: SegmentIndex; reader: SpanReader; same: SamePrefix } | undefined,
  frame: string,
): SegmentIndex {
  const same = previous?.same ?? NOTHING_SAME;
  const positionOf = new Map(previous?.index.owners.map((owner, i) => [owner, i]));
  const temporary = `${target}.partial`;
  const fd = openSync(temporary, 'w');
  const out = new Output(fd);
  const index: SegmentIndex = {
    size: 0,
    owners: previous?.index.owners.slice(0, same.segments) ?? [],
    spans: previous?.index.spans.slice(0, 2 * same.segments) ?? [],
    frame,
  };
  try {
    for (let at = 0; previous && at < same.bytes; at += WRITE_CHUNK) {
      out.write(previous.reader.read(at, Math.min(WRITE_CHUNK, same.bytes - at)));
    }
    let any = same.any;
    let skipped = 0;
    for (const segment of file.segments()) {
      if (skipped < same.segments) {
        skipped += 1;
        continue;
      }
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
  try {
    if (fstatSync(fd).size === size) return fd;
  } catch {
    // Unreadable: made again from the data.
  }
  closeSync(fd);
  return undefined;
}

/**
 * The segments the previous build wrote to one of its segmented files (`file`, under `root`), each
 * compound's as text; undefined when the file is not there as that build recorded it (`index`).
 */
export function previousSegmentTexts(
  root: string,
  file: string,
  index: SegmentIndex | undefined,
): ((owner: string) => string | undefined) | undefined {
  const fd = index ? openPrevious(path.join(root, file), index.size) : undefined;
  if (fd === undefined || index === undefined) return undefined;
  const bytes = Buffer.allocUnsafe(index.size);
  try {
    if (readSync(fd, bytes, 0, index.size, 0) !== index.size) return undefined;
  } finally {
    closeSync(fd);
  }
  const positionOf = new Map(index.owners.map((owner, i) => [owner, i]));
  return (owner) => {
    const at = positionOf.get(owner);
    if (at === undefined) return undefined;
    const start = index.spans[2 * at] as number;
    return bytes.toString('utf8', start, start + (index.spans[2 * at + 1] as number));
  };
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
