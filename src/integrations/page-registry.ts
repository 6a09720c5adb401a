/**
 * Every HTML page passes through `finishPage` once, as it is rendered (from
 * src/middleware.ts): it gets its Content-Security-Policy and safe outbound
 * links, and tells this registry its canonical address and inline scripts.
 * The build:done hooks then write sitemap.xml and _headers from the registry
 * instead of reading 30,000 pages back from disk (which at 10,000 compounds
 * took most of a minute and held every page in memory at once).
 *
 * The middleware runs in the prerendered bundle and the hooks in Astro's own
 * module graph, in the same process: the registry lives on `globalThis`.
 */
import { tileConfig } from '../lib/map-tiles.ts';
import { contentSecurityPolicy, inlineScripts, scriptHash, withSafeOutboundLinks } from './security-headers.ts';

export interface PageRegistry {
  /** HTML pages finished in this build. */
  pages: number;
  /** Canonical address of every page a search engine should list. */
  canonical: Set<string>;
  /** CSP hashes of every inline script on any page: `_headers` must allow them all. */
  scriptHashes: Set<string>;
}

const key = Symbol.for('gongshi.page-registry');
type Holder = Record<symbol, PageRegistry | undefined>;

export function pageRegistry(): PageRegistry {
  (globalThis as Holder)[key] ??= { pages: 0, canonical: new Set(), scriptHashes: new Set() };
  return (globalThis as Holder)[key] as PageRegistry;
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
      'No page went through src/middleware.ts in this process: sitemap.xml and _headers cannot be written.',
    );
  }
  return registry;
}

const CANONICAL = /<link\s+rel="canonical"\s+href="([^"]+)"/;
const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/;
const CHARSET = /<meta charset="?utf-8"?\s*\/?>/i;

/**
 * One rendered page as it is written: with a CSP meta right after its charset
 * (listing the hashes of this page's own inline scripts), outbound links made
 * safe, and its canonical address recorded for the sitemap unless `listed` is
 * false (the 404 page) or it asks not to be indexed.
 */
export function finishPage(html: string, where: { path: string; listed: boolean }): string {
  const registry = pageRegistry();
  const safe = withSafeOutboundLinks(html);
  const hashes = inlineScripts(safe).map(scriptHash);
  for (const hash of hashes) registry.scriptHashes.add(hash);
  if (where.listed && !NOINDEX.test(safe)) {
    const canonical = CANONICAL.exec(safe)?.[1];
    if (!canonical) throw new Error(`${where.path} has no <link rel="canonical">: the sitemap could not list it`);
    // A fresh string, not a slice: V8 keeps a whole page alive for as long as a substring of it is kept.
    registry.canonical.add(new URL(canonical.replace(/&amp;/g, '&')).href);
  }
  registry.pages += 1;
  if (safe.includes('http-equiv="Content-Security-Policy"')) return safe;
  const charset = CHARSET.exec(safe);
  if (!charset) throw new Error(`${where.path} has no <meta charset>: cannot place the CSP`);
  const policy = contentSecurityPolicy([...new Set(hashes)], tileConfig(process.env));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}">`;
  const at = charset.index + charset[0].length;
  return `${safe.slice(0, at)}${meta}${safe.slice(at)}`;
}
