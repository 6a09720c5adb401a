/**
 * The search index in parts. Pagefind cannot update an index: one changed
 * search document means indexing every compound again, and writing an index
 * of 10,000 compounds holds about 1.3 GB in Pagefind's process. So a large
 * county's index is split into one part per PART_SIZE compounds (rounded
 * up), each a Pagefind index of its own in its own folder; a build indexes again only the
 * parts whose documents changed, one part at a time, and the browser merges
 * the parts (Pagefind's mergeIndex).
 *
 * Each merged part costs a phone its own metadata (about 13 KB for 2,000
 * compounds) and its own chunks of the index for each search: at 10,000
 * compounds, a full search for one name fetched 364 KB from five parts,
 * 331 KB from four and 205 KB from one index; the first results, from the
 * name directory, 32 KB in each case. So a county of a few hundred or a couple of thousand
 * compounds, any real one, has one part: /pagefind/, as before.
 * A compound's part is a hash of its page's address, so that it stays in
 * its part while others are added or removed, until the number of parts
 * changes. A part no compound falls in is not written (Pagefind's browser
 * code cannot merge an index of nothing).
 */
import { fingerprint } from './fingerprint.ts';

/**
 * About this many compounds in one part, at most. Pagefind's process holds some 140 KB per compound
 * while it writes a part (100: 27 MB, 1,250: 196 MB, 2,500: 361 MB), beside the build's own process:
 * at 2,000 it peaked at 281–288 MB, and the build's process tree stayed within 2 GB at 10,000
 * compounds. GONGSHI_SEARCH_PART_SIZE overrides it, so that the tests can split the sample's few compounds.
 */
export const PART_SIZE = 2000;

function partSize(): number {
  const raw = typeof process === 'undefined' ? undefined : process.env.GONGSHI_SEARCH_PART_SIZE;
  if (raw === undefined || raw === '') return PART_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`GONGSHI_SEARCH_PART_SIZE must be a whole number of compounds, at least 1; found ${raw}`);
  }
  return size;
}

/** How many parts the index of `compounds` compounds has: one, up to the part size. */
export function searchPartCount(compounds: number, size = partSize()): number {
  return Math.max(1, Math.ceil(compounds / size));
}

/** Which of `count` parts (from 0) indexes the page at `url`. */
export function searchPartOf(url: string, count: number): number {
  // FNV-1a's low bits follow the last characters' low bits; MurmurHash3's finalizer spreads every bit over them.
  let hash = Number.parseInt(fingerprint(url), 16);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % count;
}

/**
 * The parts that hold at least one of the compound pages at `urls`, in order, each with the positions in
 * `urls` of its pages: the folders the site writes and the search page merges. An index of no compounds
 * is its first part, empty, as before.
 */
export function searchPartMembers(urls: readonly string[]): Map<number, number[]> {
  const count = searchPartCount(urls.length);
  const members = new Map<number, number[]>();
  urls.forEach((url, position) => {
    const part = searchPartOf(url, count);
    const positions = members.get(part);
    if (positions) positions.push(position);
    else members.set(part, [position]);
  });
  if (members.size === 0) return new Map([[0, []]]);
  return new Map([...members].sort(([a], [b]) => a - b));
}

/** The parts in use of the index of the compound pages at `urls`, in order (searchPartMembers). */
export const searchPartsInUse = (urls: readonly string[]): number[] => [...searchPartMembers(urls).keys()];

/** The folder of part `part` in the site: `pagefind` for the first, which also holds pagefind.js, then `pagefind-2`, … */
export function searchPartFolder(part: number): string {
  return part === 0 ? 'pagefind' : `pagefind-${part + 1}`;
}

/** The folders among `names` (a built site's top level) that are parts of its search index, the first first. */
export function searchPartFoldersAmong(names: readonly string[]): string[] {
  const partOf = (name: string) => Number(/^pagefind(?:-(\d+))?$/.exec(name)?.[1] ?? 1) - 1;
  return names.filter((name) => searchPartFolder(partOf(name)) === name).sort((a, b) => partOf(a) - partOf(b));
}
