/**
 * Every HTML page of a build passes through `finishPage` once, as it is
 * written (by render-pages.ts, or site-files.ts for the printed pages): it gets its
 * Content-Security-Policy and safe outbound links, and tells this registry
 * its canonical address and inline scripts. The build:done hooks then write
 * sitemap.xml and _headers from the registry instead of reading 30,000 pages
 * back from disk.
 *
 * The page is finished as the bytes Astro is about to write, not as text:
 * decoding 30,000 pages of Chinese and encoding them again cost more than
 * rendering many of them. The few things looked for are ASCII markers, found
 * with Buffer#indexOf; only a page that links to another site (rare: a
 * notice, a commit link) is decoded to rewrite its links.
 *
 * The finishing runs in Astro's own module graph and the hooks read the
 * registry there too; it lives on `globalThis` so that every module instance
 * in the process shares it.
 */
import { createHash } from 'node:crypto';
import { tileConfig } from '../../core/lib/map-tiles.ts';
import { withoutBase } from '../../core/lib/site-path.ts';
import { contentSecurityPolicy, hasUnsafeOutboundLink, withSafeOutboundLinks } from './security-headers.ts';

/** What the sitemap and _headers take from one page: kept, so that a page Astro reuses still counts. */
export interface PageEntry {
  canonical?: string | undefined;
  scripts: string[];
}

export interface PageRegistry {
  /** HTML pages finished in this build. */
  pages: number;
  /** The entry of each page this thread finished, by its path under the site's base (`/c/x/`). */
  byPath: Map<string, PageEntry>;
  /** Canonical address of every page a search engine should list. */
  canonical: Set<string>;
  /** CSP hashes of every inline script on any page: `_headers` must allow them all. */
  scriptHashes: Set<string>;
}

const key = Symbol.for('gongshi.page-registry');
type Holder = Record<symbol, PageRegistry | undefined>;

export function pageRegistry(): PageRegistry {
  (globalThis as Holder)[key] ??= { pages: 0, byPath: new Map(), canonical: new Set(), scriptHashes: new Set() };
  return (globalThis as Holder)[key] as PageRegistry;
}

/** A worker thread's registry, as it can be posted to the main thread: the entry of each page it finished. */
export interface RegistryShare {
  entries: [path: string, entry: PageEntry][];
}

/** This thread's registry, to post to the main thread when a worker is done. */
export function registryShare(): RegistryShare {
  return { entries: [...pageRegistry().byPath] };
}

/** Adds what a worker thread finished to this thread's registry. */
export function addRegistryShare(share: RegistryShare): void {
  for (const [path, entry] of share.entries) addPageEntry(path, entry);
}

/** Counts a page as finished, from its own bytes or from an earlier build that rendered the same page. */
export function addPageEntry(path: string, entry: PageEntry): void {
  const registry = pageRegistry();
  registry.byPath.set(path, entry);
  if (entry.canonical) registry.canonical.add(entry.canonical);
  for (const hash of entry.scripts) registry.scriptHashes.add(hash);
  registry.pages += 1;
}

/** At the start of a build: nothing left from an earlier build in the same process. */
export function resetPageRegistry(): void {
  (globalThis as Holder)[key] = undefined;
}

/** The build:done hooks call this: an empty registry means the pages were rendered somewhere it cannot see. */
export function finishedPages(): PageRegistry {
  const registry = pageRegistry();
  if (registry.pages === 0) {
    throw new Error(
      'No page was finished by src/site/integrations/render-pages.ts: sitemap.xml and _headers cannot be written.',
    );
  }
  return registry;
}

const CANONICAL = /<link\s+rel="canonical"\s+href="([^"]+)"/;
const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/;
const CHARSET = /^<meta charset="?utf-8"?\s*\/?>$/i;
/** Script types a browser runs; data blocks (JSON-LD and the like) need no hash. */
const EXECUTABLE = /^(?:|text\/javascript|module|application\/javascript)$/i;

/** The tag around byte `at` (from its `<` to its `>`), decoded; undefined when `at` is -1. */
function tagAround(html: Buffer, at: number): string | undefined {
  if (at < 0) return undefined;
  const start = html.lastIndexOf(0x3c, at);
  const end = html.indexOf(0x3e, at);
  return start < 0 || end < 0 ? undefined : html.toString('utf8', start, end + 1);
}

// Markers as bytes once, not encoded again for every page searched.
const bytes = (text: string) => Buffer.from(text, 'latin1');
const SCRIPT_OPEN = bytes('<script');
const SCRIPT_CLOSE = bytes('</script>');
/**
 * Text every outbound link holds: security-headers.ts's first test of a page, made here on its bytes before
 * decoding it. Defined here, not there: the two modules import each other, and this one uses it as it loads.
 */
export const OUTBOUND_MARKERS = ['href="http', 'href="//'];
const OUTBOUND = OUTBOUND_MARKERS.map(bytes);
const ROBOTS = bytes('name="robots"');
const CANONICAL_MARK = bytes('rel="canonical"');
const CSP_MARK = bytes('http-equiv="Content-Security-Policy"');
const CHARSET_MARK = bytes('<meta charset');
const HEAD_END = bytes('</head>');

/**
 * Whether a page may link to another site: withSafeOutboundLinks's own first test, on the bytes, so that
 * a page with no such link is not decoded at all.
 */
const mayLinkOut = (html: Buffer) => OUTBOUND.some((marker) => html.includes(marker));

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;

/**
 * The CSP hashes of a page's inline scripts, from the bytes that are
 * written: the SHA-256 of a script's UTF-8 bytes is the hash of its text.
 * Scripts with a src and data blocks are skipped. (The tests read the same
 * scripts another way, tests/lib/inline-scripts.ts, and compare.)
 */
export function inlineScriptHashes(html: Buffer): string[] {
  const hashes: string[] = [];
  let from = 0;
  for (;;) {
    const open = html.indexOf(SCRIPT_OPEN, from);
    if (open < 0) return hashes;
    const next = html[open + 7];
    if (next !== 0x3e && !isSpace(next)) {
      from = open + 7;
      continue;
    }
    const tagEnd = html.indexOf(0x3e, open);
    const close = tagEnd < 0 ? -1 : html.indexOf(SCRIPT_CLOSE, tagEnd);
    if (close < 0) return hashes;
    const attrs = html.toString('utf8', open + 7, tagEnd);
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (!/\ssrc\s*=/i.test(attrs) && EXECUTABLE.test(type)) {
      hashes.push(
        `'sha256-${createHash('sha256')
          .update(html.subarray(tagEnd + 1, close))
          .digest('base64')}'`,
      );
    }
    from = close + 9;
  }
}

/**
 * One rendered page as it is written, in the pieces to write: with a CSP meta right after its charset
 * (listing the hashes of this page's own inline scripts), outbound links made
 * safe, and its canonical address recorded for the sitemap unless `listed` is
 * false (the 404 page) or it asks not to be indexed.
 */
export function finishPage(page: Uint8Array, where: { path: string; listed: boolean }): Uint8Array[] {
  let html = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  if (mayLinkOut(html)) {
    // Decoded to find a link without rel="noopener noreferrer"; written again only when there is one.
    const text = html.toString('utf8');
    if (hasUnsafeOutboundLink(text)) html = Buffer.from(withSafeOutboundLinks(text), 'utf8');
  }
  const hashes = inlineScriptHashes(html);
  // What is looked for next belongs in the head: no need to search the rest of a long page for it.
  const headEnd = html.indexOf(HEAD_END);
  const head = headEnd < 0 ? html : html.subarray(0, headEnd);
  const noindex = NOINDEX.test(tagAround(head, head.indexOf(ROBOTS)) ?? '');
  let listedAs: string | undefined;
  if (where.listed && !noindex) {
    const canonical = CANONICAL.exec(tagAround(head, head.indexOf(CANONICAL_MARK)) ?? '')?.[1];
    if (!canonical) throw new Error(`${where.path} has no <link rel="canonical">: the sitemap could not list it`);
    listedAs = new URL(canonical.replace(/&amp;/g, '&')).href;
  }
  addPageEntry(withoutBase(where.path), { canonical: listedAs, scripts: [...new Set(hashes)] });
  if (head.includes(CSP_MARK)) return [html];
  const charsetAt = head.indexOf(CHARSET_MARK);
  const charset = charsetAt < 0 ? -1 : html.indexOf(0x3e, charsetAt);
  if (charset < 0 || !CHARSET.test(html.toString('utf8', charsetAt, charset + 1))) {
    throw new Error(`${where.path} has no <meta charset>: cannot place the CSP`);
  }
  const policy = contentSecurityPolicy([...new Set(hashes)], tileConfig(process.env));
  const meta = Buffer.from(`<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}">`);
  // In pieces, not concatenated: every copy of a page is memory outside the JavaScript heap, and
  // each 64 MB of it made V8 walk the whole heap once more (most of the collections of a large build).
  return [html.subarray(0, charset + 1), meta, html.subarray(charset + 1)];
}
