/**
 * Typed access to the validated content. The records come from the one
 * validation pass of src/data/content-bundle.ts, so no schema runs here.
 */
import { contentBundle } from '../data/content-bundle.ts';
import type {
  CommunityRecord,
  CompanyRecord,
  CompoundRecord,
  ContentBundle,
  DepartmentRecord,
  OversightData,
} from '../data/records.ts';
import type { Site } from '../schemas/site.ts';

export interface SiteData extends Site {
  /** The build's today, YYYY-MM-DD. */
  today: string;
}

// One collator for every comparison: String#localeCompare with a locale builds one per call.
const collator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

interface Sorted {
  communities: CommunityRecord[];
  companies: CompanyRecord[];
  compounds: CompoundRecord[];
  departments: DepartmentRecord[];
}

/**
 * Every page asks for the lists, 10,000 compound pages included: sort each
 * once per validation pass. Callers get their own copy of the array.
 */
const sortedLists = new WeakMap<ContentBundle, Sorted>();
async function sorted(): Promise<Sorted> {
  const bundle = await contentBundle();
  let lists = sortedLists.get(bundle);
  if (!lists) {
    lists = {
      communities: [...bundle.communities].sort(byName),
      companies: [...bundle.companies].sort(byName),
      compounds: [...bundle.compounds].sort((a, b) => byName(a.compound, b.compound)),
      // The 执法部门职责及联系人公告牌 lists them in the order content/departments.yaml does.
      departments: [...bundle.departments].sort((a, b) => a.order - b.order),
    };
    sortedLists.set(bundle, lists);
  }
  return lists;
}

export async function getSite(): Promise<SiteData> {
  const bundle = await contentBundle();
  return { ...bundle.site, today: bundle.today };
}

export async function getCommunities(): Promise<CommunityRecord[]> {
  return [...(await sorted()).communities];
}

export async function getCompanies(): Promise<CompanyRecord[]> {
  return [...(await sorted()).companies];
}

export async function getCompounds(): Promise<CompoundRecord[]> {
  return [...(await sorted()).compounds];
}

/** The departments of the 执法部门职责及联系人公告牌. */
export async function getDepartments(): Promise<DepartmentRecord[]> {
  return [...(await sorted()).departments];
}

/** content/oversight/: credit scale and ratings, commendations and criticisms, blacklist, evaluations. */
export async function getOversight(): Promise<OversightData> {
  return (await contentBundle()).oversight;
}
