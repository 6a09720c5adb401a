/**
 * The data a page is rendered from, as one digest: Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs) reuses the page of the
 * previous build when this key and the page's code are both unchanged. So the
 * key must hold every input the page reads; tests/e2e/reproducible.spec.ts
 * checks that a rebuild after a change is byte for byte a clean build.
 * Only the compound pages have keys: they are ten thousand, the rest a few hundred.
 */
import { createHash } from 'node:crypto';
import { sharedPerValidationPass } from '../core/data/content-bundle.ts';
import type { CompoundRecord } from '../core/data/records.ts';
import { compoundHistory } from '../core/model/changes.ts';
import { getCommunities, getCompanies, getOversight, getSite } from '../core/model/content.ts';
import { companyListing, currentRating } from '../core/model/oversight.ts';

/** JSON with Maps and Sets written out: JSON.stringify alone would write them as `{}`, and miss a change. */
const replacer = (_key: string, value: unknown) =>
  value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value;

let settings: [string, string | undefined][] | undefined;

/** Settings from the environment that reach a page (the map's tiles, the site's base); not where files go. */
function environment(): [string, string | undefined][] {
  const local = new Set(['GONGSHI_OUT_DIR', 'GONGSHI_CACHE_DIR', 'GONGSHI_CONTENT_DIR']);
  // Read once: the environment does not change during a build, and reading it ten thousand times took seconds.
  settings ??= Object.entries(process.env)
    .filter(([name]) => name.startsWith('GONGSHI_') && !name.startsWith('GONGSHI_TEST_') && !local.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return settings;
}

/**
 * The key of a compound's page, /c/<slug>/: its record (with the digest of its folder's bytes, comments
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
    record,
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
