/**
 * The county dashboard: coverage figures and overdue lists, county-wide and
 * per 社区, each figure with the very compounds behind it. Every list reads
 * the findings of evaluateCompound, so the dashboard, compound pages, search
 * filters and the map can never disagree.
 */
import type { CommunityRecord, CompoundRecord } from '../data/records.ts';
import { groupBy } from '../lib/group.ts';
import { evaluateCompound, type Finding } from './compliance.ts';
import { FIVE_DISCLOSURES, type SectionId } from './sections.ts';

/** The dashboard's lists, each published at /dashboard/<id>/. */
export const DASHBOARD_LISTS = [
  'no-committee',
  'old-unmanaged',
  'disclosures-open',
  'filings-open',
  'revenue-overdue',
  'elevator-overdue',
  'fee-notice-late',
  'evaluation-overdue',
] as const;
export type DashboardListId = (typeof DASHBOARD_LISTS)[number];

/** Coverage figures: how many of `base` compounds meet the target (the rest are in the list). */
export const COVERAGE: Record<'committee' | 'oldManaged' | 'disclosures' | 'filings', DashboardListId> = {
  committee: 'no-committee',
  oldManaged: 'old-unmanaged',
  disclosures: 'disclosures-open',
  filings: 'filings-open',
};

const open = (f: Finding) => f.level !== 'due';
const inSections = (findings: Finding[], sections: readonly SectionId[]) =>
  findings.some((f) => open(f) && sections.includes(f.section));

/** Whether a compound belongs on a list, from its record and its findings. */
export function onList(list: DashboardListId, record: CompoundRecord, findings: Finding[]): boolean {
  const c = record.compound;
  switch (list) {
    case 'no-committee':
      return c.committee?.status !== 'established';
    case 'old-unmanaged':
      return c.old_compound && c.management !== 'professional';
    case 'disclosures-open':
      return inSections(findings, FIVE_DISCLOSURES);
    case 'filings-open':
      return findings.some((f) => open(f) && (f.rule === 'five-filings' || f.rule === 'committee-filing'));
    case 'revenue-overdue':
      return findings.some((f) => f.rule === 'public-revenue-quarterly' && f.level === 'overdue');
    case 'elevator-overdue':
      return findings.some((f) => f.rule === 'elevator-inspection' && f.level === 'overdue');
    case 'fee-notice-late':
      return findings.some((f) => f.rule === 'fee-change-notice');
    case 'evaluation-overdue':
      return findings.some((f) => f.rule === 'evaluation' && f.level === 'overdue');
  }
}

/** The compounds a coverage figure is counted over: old compounds for professional management, all otherwise. */
export function baseOf(list: DashboardListId, compounds: readonly CompoundRecord[]): CompoundRecord[] {
  return list === 'old-unmanaged' ? compounds.filter((r) => r.compound.old_compound) : [...compounds];
}

export interface Area {
  /** undefined for the whole county. */
  community: CommunityRecord | undefined;
  compounds: CompoundRecord[];
  lists: Record<DashboardListId, CompoundRecord[]>;
}

/** The county's counts and lists, and each 社区's. */
export interface Dashboard {
  county: Area;
  communities: Area[];
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
  };
}

/** Whole percent, 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 100);
}
