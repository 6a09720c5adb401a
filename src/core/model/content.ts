/**
 * Typed access to the validated content. The records come from the one
 * validation pass of src/core/data/content-bundle.ts, so no schema runs here.
 */
import { contentBundle, perValidationPass } from '../data/content-bundle.ts';
import type {
  CommunityRecord,
  CompanyRecord,
  CompoundRecord,
  DepartmentRecord,
  OversightData,
} from '../data/records.ts';
import { groupBy } from '../lib/group.ts';
import type { Site } from '../schemas/site.ts';
import { type Dashboard, dashboard } from './dashboard.ts';

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
  /** Compounds by 社区 slug and by company slug, in name order: each 社区 or company page takes its own at once. */
  byCommunity: Map<string, CompoundRecord[]>;
  byCompany: Map<string, CompoundRecord[]>;
  /** The dashboard's counts and lists, which its ten pages share; made on first use. */
  dashboard?: Dashboard;
}

/**
 * Every page asks for the lists, 10,000 compound pages included: sort each
 * once per validation pass. Callers get their own copy of the array.
 */
const sorted: () => Promise<Sorted> = perValidationPass((bundle) => {
  const compounds = [...bundle.compounds].sort((a, b) => byName(a.compound, b.compound));
  return {
    communities: [...bundle.communities].sort(byName),
    companies: [...bundle.companies].sort(byName),
    compounds,
    // The 执法部门职责及联系人公告牌 lists them in the order content/departments.yaml does.
    departments: [...bundle.departments].sort((a, b) => a.order - b.order),
    byCommunity: groupBy(compounds, (r) => r.compound.community),
    byCompany: groupBy(compounds, (r) => r.compound.company),
  };
});

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

/** The compounds of one 社区, in name order. */
export async function getCompoundsOfCommunity(slug: string): Promise<CompoundRecord[]> {
  return [...((await sorted()).byCommunity.get(slug) ?? [])];
}

/** The compounds one company manages, in name order. */
export async function getCompoundsOfCompany(slug: string): Promise<CompoundRecord[]> {
  return [...((await sorted()).byCompany.get(slug) ?? [])];
}

/** The dashboard of the whole county and of each 社区, for the build's today. Shared: do not change it. */
export async function getDashboard(): Promise<Dashboard> {
  const lists = await sorted();
  lists.dashboard ??= dashboard(lists.compounds, lists.communities, (await contentBundle()).today);
  return lists.dashboard;
}

/** The departments of the 执法部门职责及联系人公告牌. */
export async function getDepartments(): Promise<DepartmentRecord[]> {
  return [...(await sorted()).departments];
}

/** content/oversight/: credit scale and ratings, commendations and criticisms, blacklist, evaluations. */
export async function getOversight(): Promise<OversightData> {
  return (await contentBundle()).oversight;
}
