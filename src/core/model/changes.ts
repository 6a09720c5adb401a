/**
 * The change history of the compounds for pages and feeds: read once per
 * build from git (src/core/data/history.ts), with the names of 社区 and companies
 * in place of their slugs.
 */
import { sharedPerValidationPass } from '../data/content-bundle.ts';
import { type CompoundHistory, type History, type HistoryEntry, readHistory } from '../data/history.ts';
import { defaultLoadOptions } from '../data/options.ts';
import type { CompoundRecord } from '../data/records.ts';
import { programDigest } from '../data/validation-cache.ts';
import { getCommunities, getCompanies, getCompounds, getSite } from './content.ts';

/**
 * Every compound page asks for it, and so does each page's key (src/site/page-keys.ts), made outside
 * the pages' bundle: read once per validation pass, and shared between the two.
 */
export const siteHistory: () => Promise<History> = sharedPerValidationPass('site-history', readSiteHistory);

async function readSiteHistory(): Promise<History> {
  const site = await getSite();
  const { contentDir, cacheDir, projectRoot } = defaultLoadOptions();
  return readHistory({
    contentDir,
    cacheDir,
    program: programDigest(projectRoot),
    repositoryUrl: site.repository_url,
    names: {
      communities: new Map((await getCommunities()).map((c) => [c.slug, c.name])),
      companies: new Map((await getCompanies()).map((c) => [c.slug, c.name])),
    },
  });
}

/** A compound's history; `available: false` when the build could not read git at all. */
export async function compoundHistory(
  slug: string,
): Promise<{ available: false } | { available: true; history: CompoundHistory | undefined }> {
  const history = await siteHistory();
  return history.available ? { available: true, history: history.compounds.get(slug) } : { available: false };
}

export interface CompoundChange {
  record: CompoundRecord;
  entry: HistoryEntry;
}

/** Every entry of the compounds chosen, newest first (ties by compound slug, so the order is stable). */
export async function recentChanges(
  include: (record: CompoundRecord) => boolean = () => true,
): Promise<CompoundChange[]> {
  const history = await siteHistory();
  if (!history.available) return [];
  const changes: CompoundChange[] = [];
  for (const record of await getCompounds()) {
    if (!include(record)) continue;
    for (const entry of history.compounds.get(record.slug)?.entries ?? []) changes.push({ record, entry });
  }
  return changes.sort(
    (a, b) => Date.parse(b.entry.time) - Date.parse(a.entry.time) || a.record.slug.localeCompare(b.record.slug),
  );
}
