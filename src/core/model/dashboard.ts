/**
 * The county dashboard: coverage figures and lists, county-wide and per 社区,
 * each figure with the very compounds behind it. A list is declared by the
 * findings that put a compound on it (open ones, unless it lists what is
 * coming), or, for a coverage target that is no compound's duty, by the
 * compounds it counts. The dashboard, compound pages, search filters, the map
 * and the downloads all read evaluateCompound, so they can never disagree.
 */
import type { CommunityRecord, CompoundRecord } from '../data/records.ts';
import type { StringKey } from '../i18n/t.ts';
import { groupBy } from '../lib/group.ts';
import { evaluateCompound, type Finding, isOpen } from './compliance.ts';
import { FIVE_DISCLOSURES, type SectionId } from './sections.ts';

interface ListSpec {
  /** The findings that put a compound on the list; each is a row of the list's download. */
  findings?: (finding: Finding) => boolean;
  /** For a coverage target: the compounds that have not met it. */
  member?: (record: CompoundRecord) => boolean;
  /** The compounds a coverage figure is counted over; all by default. */
  base?: (record: CompoundRecord) => boolean;
  /** What a coverage row cites, when no finding stands behind it. */
  basis?: StringKey;
  /** false for a list an all-clear compound may be on: a coverage target that is no duty, or what is only coming. */
  open?: false;
}

const openIn = (sections: readonly SectionId[]) => (f: Finding) => isOpen(f) && sections.includes(f.section);
const meetsConditions = (r: CompoundRecord) => r.compound.committee_conditions_met !== false;

/** The dashboard's lists, each published at /dashboard/<id>/ and downloadable at /data/findings/<id>.csv and .json. */
export const LIST_SPECS = {
  'no-committee': {
    member: (r) => meetsConditions(r) && r.compound.committee?.status !== 'established',
    base: meetsConditions,
    findings: (f) => isOpen(f) && f.section === 'committee' && f.rule !== 'committee.term',
    basis: 'rule.committeeActing.basis',
  },
  'old-unmanaged': {
    member: (r) => r.compound.old_compound && r.compound.management !== 'professional',
    base: (r) => r.compound.old_compound,
    basis: 'dashboard.basis.oldManaged',
    open: false,
  },
  'disclosures-open': { findings: openIn(FIVE_DISCLOSURES) },
  'filings-open': { findings: (f) => isOpen(f) && (f.section === 'filings' || f.rule === 'committee.filing') },
  'revenue-overdue': { findings: (f) => f.rule === 'public-revenue.quarterly' && f.level === 'overdue' },
  'utility-overdue': { findings: openIn(['utility-split']) },
  'elevator-overdue': { findings: openIn(['elevators']) },
  'fire-open': { findings: openIn(['fire-safety']) },
  'water-open': { findings: openIn(['water-supply']) },
  'fees-breach': { findings: (f) => f.section === 'fees' && f.level === 'breach' },
  stale: { findings: (f) => f.level === 'stale' },
  'company-blacklisted': { findings: (f) => f.rule === 'manager.blacklist' || f.rule === 'manager.rating' },
  'evaluation-overdue': { findings: (f) => isOpen(f) && f.section === 'evaluation' },
  expiring: { findings: (f) => f.level === 'expiring', open: false },
} as const satisfies Record<string, ListSpec>;

export type DashboardListId = keyof typeof LIST_SPECS;
export const DASHBOARD_LISTS = Object.keys(LIST_SPECS) as DashboardListId[];

/** The lists of what is open now: a compound on any of them is not all clear. */
export const OPEN_LISTS = DASHBOARD_LISTS.filter((id) => (LIST_SPECS[id] as ListSpec).open !== false);

/** Coverage figures: how many of the list's base compounds meet the target (the rest are in the list). */
export const COVERAGE: Record<'committee' | 'oldManaged' | 'disclosures' | 'filings', DashboardListId> = {
  committee: 'no-committee',
  oldManaged: 'old-unmanaged',
  disclosures: 'disclosures-open',
  filings: 'filings-open',
};

const spec = (list: DashboardListId): ListSpec => LIST_SPECS[list];

/** The findings of a compound that a list shows. */
export function listFindings(list: DashboardListId, findings: readonly Finding[]): Finding[] {
  const which = spec(list).findings;
  return which ? findings.filter(which) : [];
}

/** Whether a compound belongs on a list, from its record and its findings. */
export function onList(list: DashboardListId, record: CompoundRecord, findings: readonly Finding[]): boolean {
  const { member } = spec(list);
  return member ? member(record) : listFindings(list, findings).length > 0;
}

/** The compounds a coverage figure is counted over. */
export function baseOf(list: DashboardListId, compounds: readonly CompoundRecord[]): CompoundRecord[] {
  const { base } = spec(list);
  return base ? compounds.filter(base) : [...compounds];
}

/** What a coverage list's row cites when no finding stands behind it. */
export const coverageBasis = (list: DashboardListId): StringKey | undefined => spec(list).basis;

export interface Area {
  /** undefined for the whole county. */
  community: CommunityRecord | undefined;
  compounds: CompoundRecord[];
  lists: Record<DashboardListId, CompoundRecord[]>;
}

/** The county's counts and lists, and each 社区's, with every compound's findings. */
export interface Dashboard {
  county: Area;
  communities: Area[];
  findings: ReadonlyMap<string, Finding[]>;
}

export function dashboard(
  compounds: readonly CompoundRecord[],
  communities: readonly CommunityRecord[],
  today: string,
): Dashboard {
  const findings = new Map(compounds.map((r) => [r.slug, evaluateCompound(r, today)]));
  const area = (community: CommunityRecord | undefined, list: CompoundRecord[]): Area => ({
    community,
    compounds: list,
    lists: Object.fromEntries(
      DASHBOARD_LISTS.map((id) => [id, list.filter((r) => onList(id, r, findings.get(r.slug) ?? []))]),
    ) as Record<DashboardListId, CompoundRecord[]>,
  });
  // Grouped once: filtering all compounds for each 社区 grows with the square of a prefecture.
  const byCommunity = groupBy(compounds, (r) => r.compound.community);
  return {
    county: area(undefined, [...compounds]),
    communities: communities.map((c) => area(c, byCommunity.get(c.slug) ?? [])),
    findings,
  };
}

/** What a list's page shows: the county's count, and per 社区 the compounds on it with the findings that put them there. */
export interface ListView {
  list: DashboardListId;
  count: number;
  areas: {
    slug: string;
    name: string;
    rows: { slug: string; name: string; findings: Finding[] }[];
  }[];
}

export function listView(board: Dashboard, list: DashboardListId): ListView {
  return {
    list,
    count: board.county.lists[list].length,
    areas: board.communities.map((area) => ({
      slug: area.community?.slug ?? '',
      name: area.community?.name ?? '',
      rows: area.lists[list].map((r) => ({
        slug: r.slug,
        name: r.compound.name,
        findings: listFindings(list, board.findings.get(r.slug) ?? []),
      })),
    })),
  };
}

/** Whole percent, 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 100);
}
