/**
 * What a compound page shows, derived from its record: current and coming
 * fees, quarters with their totals computed, and when each part was updated.
 */
import { type PublicationDate, publicationDate } from '../data/received.ts';
import type { CompoundRecord } from '../data/records.ts';
import { rowKey } from '../data/tables.ts';
import { groupBy } from '../lib/group.ts';
import { sumFen } from '../lib/money.ts';
import type { RevenueItem, RevenueQuarter } from '../schemas/public-revenue.ts';
import { evaluateCompound, type Finding } from './compliance.ts';
import { lastUpdated, publishedSections, type SectionId } from './sections.ts';

export interface QuarterView extends RevenueQuarter {
  /** When it was posted, as the rules judge it: typed, or received by the site (src/core/data/received.ts). */
  posted: PublicationDate;
  income: RevenueItem[];
  expense: RevenueItem[];
  incomeTotal: number;
  expenseTotal: number;
  net: number;
}

const quarterKey = rowKey('public-revenue.csv');

/**
 * Whether the page must say that its dates of publication are as typed: the build had no git history,
 * or some rows came with the compound's first commit (then the day of that commit).
 */
export function typedDatesNote(
  record: CompoundRecord,
): { kind: 'noHistory' } | { kind: 'beforeSite'; since: string } | undefined {
  const received = record.received;
  if (received?.source !== 'git') return { kind: 'noHistory' };
  return received.firstCommit ? { kind: 'beforeSite', since: received.firstCommit } : { kind: 'noHistory' };
}

/** Quarters newest first, totals computed from the items (the loader already checked any given totals). */
export function quarterViews(record: CompoundRecord): QuarterView[] {
  const itemsOf = groupBy(record.revenueItems, (item) => item.quarter);
  return [...record.revenueQuarters]
    .sort((a, b) => b.quarter.localeCompare(a.quarter))
    .map((q) => quarterView(record, q, itemsOf.get(q.quarter) ?? []));
}

/**
 * The newest quarter alone, as quarterViews would give it first: the first screen and the printed notice
 * show only that one, and need not work out the other quarters of five years.
 */
export function latestQuarterView(record: CompoundRecord): QuarterView | undefined {
  let latest: RevenueQuarter | undefined;
  for (const q of record.revenueQuarters) if (!latest || q.quarter.localeCompare(latest.quarter) > 0) latest = q;
  const quarter = latest?.quarter;
  return (
    latest &&
    quarterView(
      record,
      latest,
      record.revenueItems.filter((item) => item.quarter === quarter),
    )
  );
}

function quarterView(record: CompoundRecord, q: RevenueQuarter, items: readonly RevenueItem[]): QuarterView {
  const income = items.filter((i) => i.kind === '收入');
  const expense = items.filter((i) => i.kind === '支出');
  const incomeTotal = sumFen(income.map((i) => i.amount));
  const expenseTotal = sumFen(expense.map((i) => i.amount));
  const posted = publicationDate(record.received, 'public-revenue.csv', quarterKey(q), q.published);
  return { ...q, posted, income, expense, incomeTotal, expenseTotal, net: incomeTotal - expenseTotal };
}

/** Quarters added up over one calendar year; the balance is the one at the end of its last quarter. */
export interface YearSummary {
  year: string;
  /** The first and the last quarter it adds up, as 2024Q1. */
  first: string;
  last: string;
  incomeTotal: number;
  expenseTotal: number;
  owner_share: number;
  company_share: number;
  to_maintenance_fund: number;
  balance: number;
}

/** Quarters (newest first, as quarterViews gives them) grouped by year, newest first; sums in integer fen. */
export function yearSummaries(quarters: readonly QuarterView[]): YearSummary[] {
  const years = new Map<string, YearSummary>();
  for (const q of quarters) {
    const year = q.quarter.slice(0, 4);
    const sum = years.get(year);
    if (!sum) {
      // Newest first: the first quarter met of a year is its last, whose balance closes the year.
      years.set(year, {
        year,
        first: q.quarter,
        last: q.quarter,
        incomeTotal: q.incomeTotal,
        expenseTotal: q.expenseTotal,
        owner_share: q.owner_share,
        company_share: q.company_share,
        to_maintenance_fund: q.to_maintenance_fund,
        balance: q.balance,
      });
      continue;
    }
    sum.first = q.quarter;
    sum.incomeTotal += q.incomeTotal;
    sum.expenseTotal += q.expenseTotal;
    sum.owner_share += q.owner_share;
    sum.company_share += q.company_share;
    sum.to_maintenance_fund += q.to_maintenance_fund;
  }
  return [...years.values()];
}

export interface CompoundView {
  record: CompoundRecord;
  findings: Finding[];
  findingsBySection: Map<SectionId, Finding[]>;
  updated: Record<SectionId, string | undefined>;
  /** Whether anything has been published for each part: see publishedSections. */
  published: Record<SectionId, boolean>;
}

export function compoundView(record: CompoundRecord, today: string): CompoundView {
  const findings = evaluateCompound(record, today);
  const findingsBySection = new Map<SectionId, Finding[]>();
  for (const finding of findings) {
    findingsBySection.set(finding.section, [...(findingsBySection.get(finding.section) ?? []), finding]);
  }
  return { record, findings, findingsBySection, updated: lastUpdated(record), published: publishedSections(record) };
}

/** More findings than this in one part are one line in the page's summary: the part itself lists them. */
export const SUMMARY_PER_PART = 3;

/** A line of the summary at the top of the page: one finding, or a count of a part's findings. */
export type SummaryLine =
  | { kind: 'one'; finding: Finding }
  | { kind: 'many'; section: SectionId; level: Finding['level']; count: number };

/**
 * Findings for the summary at the top of the page, in page order: each one in full, but a part with many (eight
 * elevators overdue) as one line that counts them and links to the part, which states each. The summary then
 * stays short on the first screen, and within the page's budget.
 */
export function summaryLines(findings: readonly Finding[]): SummaryLine[] {
  return [...groupBy(findings, (f) => f.section).values()].flatMap((group): SummaryLine[] =>
    group.length > SUMMARY_PER_PART
      ? [
          {
            kind: 'many',
            section: (group[0] as Finding).section,
            level: (group[0] as Finding).level,
            count: group.length,
          },
        ]
      : group.map((finding) => ({ kind: 'one', finding })),
  );
}
