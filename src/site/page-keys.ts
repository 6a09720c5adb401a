/**
 * The data a page is rendered from, as one digest: Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs) reuses the page of the
 * previous build when this key and the page's code are both unchanged. So the
 * key must hold every input the page reads; tests/e2e/reproducible.spec.ts
 * checks that a rebuild after a change is byte for byte a clean build.
 * The compound pages have keys, and the 社区 pages and feeds, which are made of their compounds:
 * ten thousand and hundreds; the county's lists (the dashboard's, the managers') render from props
 * gathered in getStaticPaths and are keyed by them (propsKey); the rest of the county's own pages
 * are always rendered.
 */
import { createHash } from 'node:crypto';
import { sharedPerValidationPass } from '../core/data/content-bundle.ts';
import type { CompoundRecord } from '../core/data/records.ts';
import { compoundHistory } from '../core/model/changes.ts';
import { getCommunities, getCompanies, getCompoundsOfCommunity, getOversight, getSite } from '../core/model/content.ts';
import { companyListing, currentRating } from '../core/model/oversight.ts';

/** JSON with Maps and Sets written out: JSON.stringify alone would write them as `{}`, and miss a change. */
const replacer = (_key: string, value: unknown) =>
  value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value;

let settings: [string, string | undefined][] | undefined;

const FINISHING = Symbol.for('gongshi.page-finishing-code');

/**
 * Called by render-pages.ts with a digest of the code that finishes each page after Astro renders it
 * (its CSP, its outbound links: src/site/integrations/). Astro's check of a page's code sees only the
 * page's own modules, so without this a page reused from Astro's cache would keep the old finishing.
 */
export function setPageFinishingCode(digest: string): void {
  (globalThis as Record<symbol, string | undefined>)[FINISHING] = digest;
}

/**
 * Settings from the environment that reach a page (the map's tiles, the site's base; not where files
 * go), and the code that finishes the pages.
 */
function environment(): [string, string | undefined][] {
  const local = new Set(['GONGSHI_OUT_DIR', 'GONGSHI_CACHE_DIR', 'GONGSHI_CONTENT_DIR']);
  // Read once: the environment does not change during a build, and reading it ten thousand times took seconds.
  settings ??= [
    ...Object.entries(process.env)
      .filter(([name]) => name.startsWith('GONGSHI_') && !name.startsWith('GONGSHI_TEST_') && !local.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
    ['page finishing code', (globalThis as Record<symbol, string | undefined>)[FINISHING]],
  ];
  return settings;
}

/**
 * The parts of a record read from its own folder's files: its digest (of those files' bytes) stands for
 * them, as the validation cache's key does. Hashing the digest instead of these tables (five years of
 * accounts) saved seconds at 10,000 compounds. What the record gets from elsewhere (the county's
 * evaluations and verdicts, the days git received its rows, the file list) stays in the key as it is.
 */
const FROM_FOLDER = new Set<keyof CompoundRecord>([
  'compound',
  'fees',
  'revenueQuarters',
  'revenueItems',
  'fundUses',
  'fundInflows',
  'fundYears',
  'elevators',
  'elevatorMaintenance',
  'fireHazards',
  'waterServices',
  'utilitySplits',
]);

/** The record as a key holds it: without its folder's tables when its digest is there to stand for them. */
const keyedRecord = (record: CompoundRecord) =>
  record.digest === undefined
    ? record
    : Object.fromEntries(Object.entries(record).filter(([name]) => !FROM_FOLDER.has(name as keyof CompoundRecord)));

/**
 * The key of a compound's page, /c/<slug>/: its record (its folder's bytes by their digest, comments
 * included), its 社区 and company, their standing, its history, the day.
 */
export async function compoundPageKey(record: CompoundRecord): Promise<string> {
  const site = await getSite();
  const { community: communitySlug, company: companySlug } = record.compound;
  const community = (await getCommunities()).find((c) => c.slug === communitySlug);
  const company = (await getCompanies()).find((c) => c.slug === companySlug);
  const oversight = await getOversight();
  const inputs = {
    site,
    community,
    company,
    scale: oversight.scale,
    rating: company ? currentRating(oversight, company.slug) : undefined,
    listing: company ? companyListing(oversight, company.slug, site.today) : undefined,
    record: keyedRecord(record),
    history: await compoundHistory(record.slug),
    environment: environment(),
  };
  return createHash('sha256').update(JSON.stringify(inputs, replacer)).digest('base64url');
}

/**
 * Every compound page's key, by slug, made once per build: the pages ask for theirs in getStaticPaths,
 * and the site files (src/site/integrations/site-files.ts) key each compound's downloads and printed
 * sheets with the same digest, since they are made from the same inputs.
 */
export const compoundPageKeys = sharedPerValidationPass('compound-page-keys', async (bundle) => {
  const keys = new Map<string, string>();
  for (const record of bundle.compounds) keys.set(record.slug, await compoundPageKey(record));
  return keys;
});

/** One key of several parts (texts, or other keys). */
export const digestOf = (parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('base64url');

/** What every page reads besides its own data: the site (its name, its day) and the settings that reach a page. */
const siteKey = sharedPerValidationPass('site-key', async () =>
  JSON.stringify({ site: await getSite(), environment: environment() }, replacer),
);

/**
 * The key of a page that renders from its props alone, besides the site and its own code (Astro checks
 * the code): the props' digest. Such a page gathers what it shows in getStaticPaths, so its key cannot
 * miss an input. The county's lists use it, so that a change elsewhere leaves them as they are.
 */
export async function propsKey(props: unknown): Promise<string> {
  return digestOf([await siteKey(), JSON.stringify(props, replacer)]);
}

/**
 * The key of a 社区's page (/shequ/<slug>/) and feed (/feeds/shequ/<slug>.xml): the site, every 社区
 * (the page links to them all), this one, and the key of each of its compounds, which holds what the
 * page and the feed show of it (its record, its findings, its history).
 */
export const communityPageKeys = sharedPerValidationPass('community-page-keys', async () => {
  const [compoundKeys, communities] = await Promise.all([compoundPageKeys(), getCommunities()]);
  const common = [await siteKey(), JSON.stringify(communities)];
  const keys = new Map<string, string>();
  for (const community of communities) {
    const members = (await getCompoundsOfCommunity(community.slug)).map((r) => `${r.slug} ${compoundKeys.get(r.slug)}`);
    keys.set(community.slug, digestOf([...common, JSON.stringify(community), ...members]));
  }
  return keys;
});

/** A page's key from one of the maps above; every page has one, made from the same validated content. */
export function keyOf(keys: Map<string, string>, slug: string): string {
  const key = keys.get(slug);
  if (key === undefined) throw new Error(`no page key was made for ${slug}`);
  return key;
}
