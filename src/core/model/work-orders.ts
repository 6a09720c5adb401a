/**
 * 12345 work orders (content/oversight/work-orders-12345.csv) added up: for
 * a compound's quarter, a company's compounds, the county, or the half-year
 * an evaluation covers. Rates are computed from the counts, whole percents
 * rounded down, so that 99.6% on time never reads as 100%.
 */
import type { CompoundRecord } from '../data/records.ts';
import { WORK_ORDER_CATEGORIES, type WorkOrderQuarter } from '../schemas/work-orders.ts';

export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];

export interface WorkOrderSum {
  total: number;
  byCategory: Record<WorkOrderCategory, number>;
  responded_on_time: number;
  closed_on_time: number;
  visited: number;
  satisfied: number;
}

/** The counts of any number of rows, added up. */
export function sumWorkOrders(rows: readonly WorkOrderQuarter[]): WorkOrderSum {
  const sum: WorkOrderSum = {
    total: 0,
    byCategory: Object.fromEntries(WORK_ORDER_CATEGORIES.map((c) => [c, 0])) as Record<WorkOrderCategory, number>,
    responded_on_time: 0,
    closed_on_time: 0,
    visited: 0,
    satisfied: 0,
  };
  for (const row of rows) {
    sum.total += row.total;
    for (const c of WORK_ORDER_CATEGORIES) sum.byCategory[c] += row[c];
    sum.responded_on_time += row.responded_on_time;
    sum.closed_on_time += row.closed_on_time;
    sum.visited += row.visited;
    sum.satisfied += row.satisfied;
  }
  return sum;
}

/** A whole percent, rounded down; undefined when there is nothing to divide by. */
export const rateOf = (part: number, whole: number): number | undefined =>
  whole > 0 ? Math.floor((part * 100) / whole) : undefined;

/** The newest quarter any compound has counts for. */
export function latestWorkOrderQuarter(records: readonly CompoundRecord[]): string | undefined {
  let latest: string | undefined;
  for (const r of records) for (const w of r.workOrders ?? []) if (!latest || w.quarter > latest) latest = w.quarter;
  return latest;
}

/** The rows of the given quarters, over the given compounds. */
export const workOrdersIn = (records: readonly CompoundRecord[], quarters: readonly string[]): WorkOrderQuarter[] =>
  records.flatMap((r) => (r.workOrders ?? []).filter((w) => quarters.includes(w.quarter)));

/** The two quarters of a half-year such as 2026H1. */
export const quartersOfHalf = (half: string): [string, string] => {
  const year = half.slice(0, 4);
  return half.endsWith('H1') ? [`${year}Q1`, `${year}Q2`] : [`${year}Q3`, `${year}Q4`];
};
