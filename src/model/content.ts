/**
 * Typed access to the content collections. The loaders stored exactly the
 * records of src/data/records.ts, already validated, so no schema runs here.
 */
import { getCollection, getEntry } from 'astro:content';
import type {
  CommunityRecord,
  CompanyRecord,
  CompoundRecord,
  DepartmentRecord,
  OversightData,
} from '../data/records.ts';
import type { Site } from '../schemas/site.ts';

export interface SiteData extends Site {
  /** The build's today, YYYY-MM-DD. */
  today: string;
}

export async function getSite(): Promise<SiteData> {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('content/site.yaml was not loaded');
  return entry.data as unknown as SiteData;
}

// One collator for every comparison: String#localeCompare with a locale builds one per call.
const collator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/**
 * In a build the collections never change, yet every page asks for them: read
 * and sort each list once (10,000 compound pages would otherwise sort 10,000
 * records each). Callers get their own copy of the array. `astro dev` reloads
 * data on edits, so nothing is kept there.
 */
const lists = new Map<string, Promise<unknown[]>>();
async function once<T>(key: string, read: () => Promise<T[]>): Promise<T[]> {
  if (import.meta.env.DEV) return read();
  let list = lists.get(key) as Promise<T[]> | undefined;
  if (!list) {
    list = read();
    lists.set(key, list);
  }
  return [...(await list)];
}

export function getCommunities(): Promise<CommunityRecord[]> {
  return once('communities', async () =>
    (await getCollection('communities')).map((e) => e.data as unknown as CommunityRecord).sort(byName),
  );
}

export function getCompanies(): Promise<CompanyRecord[]> {
  return once('companies', async () =>
    (await getCollection('companies')).map((e) => e.data as unknown as CompanyRecord).sort(byName),
  );
}

export function getCompounds(): Promise<CompoundRecord[]> {
  return once('compounds', async () =>
    (await getCollection('compounds'))
      .map((e) => e.data as unknown as CompoundRecord)
      .sort((a, b) => byName(a.compound, b.compound)),
  );
}

/** The departments of the 执法部门职责及联系人公告牌, in the order content/departments.yaml lists them. */
export async function getDepartments(): Promise<DepartmentRecord[]> {
  return (await getCollection('departments'))
    .map((e) => e.data as unknown as DepartmentRecord)
    .sort((a, b) => a.order - b.order);
}

/** content/oversight/: credit scale and ratings, commendations and criticisms, blacklist, evaluations. */
export async function getOversight(): Promise<OversightData> {
  const entry = await getEntry('oversight', 'oversight');
  if (!entry) throw new Error('content/oversight/ was not loaded');
  const data = entry.data as unknown as OversightData;
  return { ...data, evaluations: data.evaluations ?? undefined };
}
