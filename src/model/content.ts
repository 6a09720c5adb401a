/**
 * Typed access to the content collections. The loaders stored exactly the
 * records of src/data/records.ts, already validated, so no schema runs here.
 */
import { getCollection, getEntry } from 'astro:content';
import type { CommunityRecord, CompanyRecord, CompoundRecord, DepartmentRecord } from '../data/records.ts';
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

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

export async function getCommunities(): Promise<CommunityRecord[]> {
  return (await getCollection('communities')).map((e) => e.data as unknown as CommunityRecord).sort(byName);
}

export async function getCompanies(): Promise<CompanyRecord[]> {
  return (await getCollection('companies')).map((e) => e.data as unknown as CompanyRecord).sort(byName);
}

export async function getCompounds(): Promise<CompoundRecord[]> {
  return (await getCollection('compounds'))
    .map((e) => e.data as unknown as CompoundRecord)
    .sort((a, b) => byName(a.compound, b.compound));
}

/** The departments of the 执法部门职责及联系人公告牌, in the order content/departments.yaml lists them. */
export async function getDepartments(): Promise<DepartmentRecord[]> {
  return (await getCollection('departments'))
    .map((e) => e.data as unknown as DepartmentRecord)
    .sort((a, b) => a.order - b.order);
}
