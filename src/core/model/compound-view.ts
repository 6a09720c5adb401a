/**
 * What a compound page shows, derived from its record: current and coming
 * fees, quarters with their totals computed, and when each part was updated.
 */
import type { CompoundRecord } from '../data/records.ts';
import { sumFen } from '../lib/money.ts';
import type { FeeItem } from '../schemas/fee-item.ts';
import type { RevenueItem, RevenueQuarter } from '../schemas/public-revenue.ts';
import { evaluateCompound, type Finding } from './compliance.ts';
import { lastUpdated, publishedSections, type SectionId } from './sections.ts';

export interface FeeLine {
  /** The price in force today, if any. */
  current: FeeItem | undefined;
  /** Announced prices that take effect after today, soonest first. */
  upcoming: FeeItem[];
  /** Prices no longer in force, newest first. */
  past: FeeItem[];
}

/** Fees grouped by item and payer, in the order the CSV first lists them. */
export function feeLines(fees: FeeItem[], today: string): FeeLine[] {
  const groups = new Map<string, FeeItem[]>();
  for (const fee of fees) {
    const key = `${fee.item}\u0000${fee.payer}`;
    groups.set(key, [...(groups.get(key) ?? []), fee]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.effective.localeCompare(b.effective));
    const inForce = sorted.filter((f) => f.effective <= today);
    return {
      current: inForce.at(-1),
      upcoming: sorted.filter((f) => f.effective > today),
      past: inForce.slice(0, -1).reverse(),
    };
  });
}

export interface QuarterView extends RevenueQuarter {
  income: RevenueItem[];
  expense: RevenueItem[];
  incomeTotal: number;
  expenseTotal: number;
  net: number;
}

/** Quarters newest first, totals computed from the items (the loader already checked any given totals). */
export function quarterViews(record: CompoundRecord): QuarterView[] {
  return [...record.revenueQuarters]
    .sort((a, b) => b.quarter.localeCompare(a.quarter))
    .map((q) => {
      const items = record.revenueItems.filter((i) => i.quarter === q.quarter);
      const income = items.filter((i) => i.kind === '收入');
      const expense = items.filter((i) => i.kind === '支出');
      const incomeTotal = sumFen(income.map((i) => i.amount));
      const expenseTotal = sumFen(expense.map((i) => i.amount));
      return { ...q, income, expense, incomeTotal, expenseTotal, net: incomeTotal - expenseTotal };
    });
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
