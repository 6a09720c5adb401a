/**
 * A committee's change to its compound, as the editor (/edit/) builds it: a
 * new quarter of public revenue or a new price, with every derived number
 * computed here, never typed — both totals, the net, the owners' share at
 * the agreed percentage rounded to the fen, the company's share and the
 * closing balance — and the changed files written in canonical form, so
 * that their diff is exactly the new rows. Runs in the browser; the numbers
 * are the ones cross-checks.ts then checks.
 */

import { readTable } from '../data/csv-source.ts';
import { csvBody, csvHeader } from '../data/csv-writer.ts';
import { readYaml } from '../data/yaml-source.ts';
import { check } from '../data/zod-issues.ts';
import { previousQuarter } from '../lib/calendar.ts';
import { sumFen } from '../lib/money.ts';
import { type Compound, compoundSchema } from '../schemas/compound.ts';
import { type FeeItem, feeItemSchema } from '../schemas/fee-item.ts';
import {
  type RevenueItem,
  type RevenueQuarter,
  revenueItemSchema,
  revenueQuarterSchema,
} from '../schemas/public-revenue.ts';

/** One line of a new quarter, as the form gives it: amounts already in fen. */
export interface DraftLine {
  kind: RevenueItem['kind'];
  item: string;
  amount: number;
  note?: string | undefined;
}

export interface QuarterDraft {
  quarter: string;
  published: string;
  lines: DraftLine[];
  /** Moved from the owners' share to the maintenance fund, in fen. */
  toFund: number;
  note?: string | undefined;
}

/** The quarter's summary row, every number computed from the lines and the quarter before. */
export function computeQuarter(
  draft: QuarterDraft,
  previous: RevenueQuarter | undefined,
  ownerPercent: number,
): RevenueQuarter {
  const income = sumFen(draft.lines.filter((l) => l.kind === '收入').map((l) => l.amount));
  const expense = sumFen(draft.lines.filter((l) => l.kind === '支出').map((l) => l.amount));
  const net = income - expense;
  const owner = Math.round((net * ownerPercent) / 100);
  // The chain starts at zero only for a compound's first quarter; otherwise it continues the quarter before.
  const opening = previous && previous.quarter === previousQuarter(draft.quarter) ? previous.balance : 0;
  return {
    quarter: draft.quarter,
    published: draft.published,
    income_total: income,
    expense_total: expense,
    owner_share: owner,
    company_share: net - owner,
    to_maintenance_fund: draft.toFund,
    balance: opening + owner - draft.toFund,
    ...(draft.note ? { note: draft.note } : {}),
  };
}

/** The items of a new quarter, in the order the form lists them. */
export const quarterItems = (draft: QuarterDraft): RevenueItem[] =>
  draft.lines.map((l) => ({
    quarter: draft.quarter,
    kind: l.kind,
    item: l.item,
    amount: l.amount,
    ...(l.note ? { note: l.note } : {}),
  }));

/** A new price for a fee line: the current row, with the new price and dates. */
export const changedFee = (
  current: FeeItem,
  change: { price: number; effective: string; announced: string },
): FeeItem => ({
  ...current,
  ...change,
});

/** What the editor holds of a compound: its compound.yaml, read, and each table's rows and text. */
export interface CompoundFiles {
  compound: Compound | undefined;
  quarters: RevenueQuarter[];
  items: RevenueItem[];
  fees: FeeItem[];
  /** The published text of each file, by name. */
  texts: Map<string, string>;
}

// ignoreBOM keeps the byte-order mark, so that a file written back starts as the published one does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function readCompoundFiles(files: ReadonlyMap<string, Uint8Array>): CompoundFiles {
  const yaml = files.get('compound.yaml');
  const parsed = yaml ? check(compoundSchema, readYaml('compound.yaml', yaml).data) : undefined;
  const rows = <S extends Parameters<typeof readTable>[2]>(name: string, schema: S) => {
    const bytes = files.get(name);
    return bytes ? readTable(name, bytes, schema).rows.map((r) => r.value) : [];
  };
  return {
    compound: parsed?.ok ? parsed.value : undefined,
    quarters: rows('public-revenue.csv', revenueQuarterSchema),
    items: rows('public-revenue-items.csv', revenueItemSchema),
    fees: rows('fees.csv', feeItemSchema),
    texts: new Map([...files].map(([name, bytes]) => [name, decoder.decode(bytes)])),
  };
}

/**
 * A table file with rows added at its end: the published text as it is, then the new rows in canonical
 * form. On canonical files (npm run format:data) the diff is exactly the new rows.
 */
export function appendRows(
  published: string | undefined,
  schema: Parameters<typeof csvBody>[0],
  rows: readonly Record<string, unknown>[],
): string {
  const start = published && published.length > 0 ? published : csvHeader(schema);
  const joined = start.endsWith('\n') ? start : `${start}\r\n`;
  return joined + csvBody(schema, rows);
}
