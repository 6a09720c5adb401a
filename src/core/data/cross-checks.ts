/**
 * Checks that span fields, rows or files of one compound: references resolve,
 * nothing is duplicated, nothing is dated after the build, and every total
 * agrees with its parts. A schema checks one value; these check the whole.
 */
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { nextQuarter, quarterEnd, quarterStart } from '../lib/calendar.ts';
import { formatYuan } from '../lib/money.ts';
import { type Compound, compoundSchema } from '../schemas/compound.ts';
import { sumInYear } from '../schemas/maintenance-fund.ts';
import { parseDate, parseQuarter } from '../schemas/primitives.ts';
import { UNIT_PRICE_SCALE, USAGE_SCALE } from '../schemas/utility-split.ts';
import type { Table } from './csv-source.ts';
import { earliestYear, earlyCells, earlyValues, tooEarly } from './date-checks.ts';
import type { Problem } from './problems.ts';
import { COMPOUND_TABLES, type CompoundTableEntry, type CompoundTableFile, rowKey, TABLES } from './tables.ts';
import type { Position } from './yaml-source.ts';
import { labelFor } from './zod-issues.ts';

export interface CompoundCheckInput {
  /** The parsed compound.yaml, or undefined when it has errors of its own: the tables are still checked. */
  compound: Compound | undefined;
  yaml: { file: string; locate: (path: readonly PropertyKey[]) => Position };
  tables: { [F in CompoundTableFile]: Table<z.output<(typeof COMPOUND_TABLES)[F]>> | undefined };
  tableFile: (name: CompoundTableFile) => string;
  /** Slugs that references may name; a reference is not checked when the set is not known. */
  communities?: Set<string> | undefined;
  companies?: Set<string> | undefined;
  today: string;
  /** Loose mode: a file that was not given is not missing, so checks against it are skipped. */
  loose?: boolean;
  /** Tables given but unreadable (not text, UTF-16…): no check trusts what they would have said. */
  unreadable?: ReadonlySet<CompoundTableFile>;
}

export function checkCompound(input: CompoundCheckInput): Problem[] {
  const { compound, yaml, tables, today } = input;
  const problems: Problem[] = [];

  const yamlProblem = (fieldPath: (string | number)[], expected: string) => {
    const at = yaml.locate(fieldPath);
    problems.push({
      file: yaml.file,
      line: at.line,
      column: at.column,
      field: fieldPath.join('.'),
      label: labelFor(compoundSchema, fieldPath),
      expected,
      found: at.found,
      severity: 'error',
    });
  };

  function rowProblem<F extends CompoundTableFile>(name: F, line: number, key: string, expected: string) {
    const table = tables[name];
    if (!table) return;
    const at = table.cell(line, key);
    problems.push({
      file: input.tableFile(name),
      line,
      column: at.column,
      field: key,
      label: labelFor(COMPOUND_TABLES[name], [key]),
      expected,
      found: at.found,
      severity: 'error',
    });
  }

  /** References, agreement between parts, and dates of compound.yaml. */
  function checkCompoundYaml(compound: Compound) {
    // -------------------------------------------------------------- references
    if (input.communities && !input.communities.has(compound.community)) {
      yamlProblem(['community'], t('check.unknownCommunity', { known: [...input.communities].join('、') }));
    }
    if (input.companies && compound.company !== undefined && !input.companies.has(compound.company)) {
      yamlProblem(['company'], t('check.unknownCompany', { known: [...input.companies].join('、') }));
    }

    // -------------------------------------------------------------- parts that must agree with each other
    const account = compound.public_revenue;
    if (account && compound.management !== 'professional' && account.owner_share_percent !== 100) {
      yamlProblem(['public_revenue', 'owner_share_percent'], t('check.noCompanyShare'));
    }
    const committeeFiling = compound.filings?.committee;
    if (committeeFiling && compound.committee) {
      const established = compound.committee.status === 'established';
      if (established && committeeFiling.status === 'not_applicable') {
        yamlProblem(['filings', 'committee', 'status'], t('check.committeeFilingApplies'));
      }
      if (!established && committeeFiling.status === 'filed') {
        yamlProblem(['filings', 'committee', 'status'], t('check.committeeFilingActing'));
      }
      const elected = compound.committee.elected;
      if (elected && committeeFiling.date && committeeFiling.date < elected) {
        yamlProblem(['filings', 'committee', 'date'], t('check.filingBeforeElection'));
      }
    }

    // -------------------------------------------------------------- dates in compound.yaml not after the build
    const pastDates: (string | number)[][] = [
      ['manager', 'since'],
      ['manager', 'updated'],
      ['services', 'updated'],
      ['hotlines', 'updated'],
      ['filings', 'updated'],
      ...(['area', 'committee', 'contract', 'manager', 'handover'] as const).map((k) => ['filings', k, 'date']),
      ['committee', 'elected'],
      ['committee', 'acting_since'],
      ['committee', 'updated'],
      ['maintenance_fund', 'as_of'],
      ['maintenance_fund', 'updated'],
      ['fire_safety', 'last_inspection'],
      ['fire_safety', 'updated'],
    ];
    for (const fieldPath of pastDates) {
      const value = fieldPath.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        compound,
      );
      if (typeof value === 'string' && value > today) yamlProblem(fieldPath, t('check.notAfterToday', { today }));
    }
    const since = compound.public_revenue?.since;
    if (since && quarterStart(since) > today) {
      yamlProblem(['public_revenue', 'since'], t('check.quarterNotAfterToday', { today }));
    }
    // -------------------------------------------------------------- nor decades before the compound was built
    const earliest = earliestYear(compound.year_built);
    for (const fieldPath of earlyValues(compoundSchema, compound, earliest)) {
      yamlProblem(fieldPath, tooEarly(earliest, compound.year_built));
    }
  }

  if (compound) checkCompoundYaml(compound);

  // -------------------------------------------------------------- generic per-table rules
  const notAfterToday = <F extends CompoundTableFile>(name: F, keys: string[]) => {
    for (const row of tables[name]?.rows ?? []) {
      for (const key of keys) {
        const value = (row.value as Record<string, unknown>)[key];
        if (typeof value === 'string' && value > today)
          rowProblem(name, row.line, key, t('check.notAfterToday', { today }));
      }
    }
  };
  /** A second row with the same key (the registry's, tables.ts) is refused, at the first column of the key. */
  const noDuplicates = ({ file, key }: CompoundTableEntry) => {
    const seen = new Map<string, number>();
    const idOf = rowKey(file);
    for (const row of tables[file]?.rows ?? []) {
      const id = idOf(row.value as Record<string, unknown>);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, row.line);
      else rowProblem(file, row.line, key[0] ?? '', t('check.duplicateRow', { line: first }));
    }
  };

  // Every dated cell of every table, against the compound's year if compound.yaml could be read.
  const earliest = earliestYear(compound?.year_built);
  for (const { file, schema } of TABLES) {
    for (const { line, key } of earlyCells(tables[file], schema, earliest)) {
      rowProblem(file, line, key, tooEarly(earliest, compound?.year_built));
    }
  }

  for (const table of TABLES) noDuplicates(table);
  notAfterToday('fees.csv', ['announced']);
  notAfterToday('public-revenue.csv', ['published']);
  notAfterToday('maintenance-fund.csv', ['date']);
  notAfterToday('elevators.csv', ['last_maintenance', 'last_inspection']);
  notAfterToday('utility-split.csv', ['published']);
  notAfterToday('elevator-maintenance.csv', ['date']);
  notAfterToday('fire-hazards.csv', ['found_on', 'fixed_on']);
  notAfterToday('water-supply.csv', ['date']);
  notAfterToday('maintenance-fund-inflows.csv', ['date']);

  // -------------------------------------------------------------- maintenance fund: each year reconciles
  checkFundYears();

  // -------------------------------------------------------------- elevators: a visit is to a listed elevator
  const elevators = tables['elevators.csv'];
  // In loose mode (one file checked alone) without elevators.csv, the elevators are not known here.
  if (elevators || !input.loose) {
    const listed = new Set([
      ...(elevators?.rows.map((r) => r.value.register_number) ?? []),
      ...(elevators?.failedRows.map((cells) => cells.register_number) ?? []),
    ]);
    for (const row of tables['elevator-maintenance.csv']?.rows ?? []) {
      if (!listed.has(row.value.register_number)) {
        rowProblem('elevator-maintenance.csv', row.line, 'register_number', t('check.visitElevatorUnknown'));
      }
    }
  }

  // -------------------------------------------------------------- public revenue: quarters and totals
  const quarters = tables['public-revenue.csv'];
  const items = tables['public-revenue-items.csv'];
  if ((quarters?.rows.length || items?.rows.length) && compound && !compound.public_revenue) {
    yamlProblem(['public_revenue'], t('check.revenueNeedsAccount'));
  }
  for (const row of quarters?.rows ?? []) {
    const q = row.value;
    if (quarterStart(q.quarter) > today)
      rowProblem('public-revenue.csv', row.line, 'quarter', t('check.quarterNotAfterToday', { today }));
    else if (q.published < quarterEnd(q.quarter)) {
      rowProblem(
        'public-revenue.csv',
        row.line,
        'published',
        t('check.publishedAfterQuarter', { end: quarterEnd(q.quarter) }),
      );
    }
  }
  // A summary row that failed its own check still names its quarter: its items are not orphans.
  const quarterIds = new Set([
    ...(quarters?.rows.map((r) => r.value.quarter) ?? []),
    ...(quarters?.failedRows.map((cells) => (cells.quarter ? parseQuarter(cells.quarter) : undefined)) ?? []),
  ]);
  for (const row of quarters || !input.loose ? (items?.rows ?? []) : []) {
    if (!quarterIds.has(row.value.quarter)) {
      rowProblem('public-revenue-items.csv', row.line, 'quarter', t('check.itemQuarterUnknown'));
    }
  }
  // The items decide the totals, the net and the shares: not when they are unreadable, or, in loose mode, not given.
  const itemsUsable = !input.unreadable?.has('public-revenue-items.csv') && (items !== undefined || !input.loose);
  // A quarter with an item that failed its own check has an unknown total: its sums are not checked.
  const untrusted = new Set(
    (items?.failedRows ?? []).map((cells) => (cells.quarter ? parseQuarter(cells.quarter) : undefined) ?? '*'),
  );
  const sortedQuarters = [...(quarters?.rows ?? [])].sort((a, b) => a.value.quarter.localeCompare(b.value.quarter));
  let previous: (typeof sortedQuarters)[number] | undefined;
  for (const row of sortedQuarters) {
    const q = row.value;
    if (itemsUsable && !untrusted.has(q.quarter) && !untrusted.has('*')) checkQuarterSums(row);
    if (previous && nextQuarter(previous.value.quarter) === q.quarter) {
      const expectedBalance = previous.value.balance + q.owner_share - q.to_maintenance_fund;
      if (q.balance !== expectedBalance) {
        rowProblem(
          'public-revenue.csv',
          row.line,
          'balance',
          t('check.balanceChain', { expected: formatYuan(expectedBalance) }),
        );
      }
    }
    previous = row;
  }

  /** A quarter's totals against its items, and its shares against the net and the agreed split. */
  function checkQuarterSums(row: (typeof sortedQuarters)[number]) {
    const q = row.value;
    const ofQuarter = (items?.rows ?? []).filter((i) => i.value.quarter === q.quarter);
    const income = ofQuarter.filter((i) => i.value.kind === '收入').reduce((sum, i) => sum + i.value.amount, 0);
    const expense = ofQuarter.filter((i) => i.value.kind === '支出').reduce((sum, i) => sum + i.value.amount, 0);
    const totalCheck = (key: 'income_total' | 'expense_total', computed: number) => {
      const given = q[key];
      if (given !== undefined && given !== computed) {
        rowProblem('public-revenue.csv', row.line, key, t('check.totalMismatch', { computed: formatYuan(computed) }));
      }
    };
    totalCheck('income_total', income);
    totalCheck('expense_total', expense);
    const net = income - expense;
    if (q.owner_share + q.company_share !== net) {
      rowProblem('public-revenue.csv', row.line, 'owner_share', t('check.shareSum', { net: formatYuan(net) }));
    } else if (compound?.public_revenue) {
      const percent = compound.public_revenue.owner_share_percent;
      const expected = Math.round((net * percent) / 100);
      if (Math.abs(q.owner_share - expected) > 1) {
        rowProblem(
          'public-revenue.csv',
          row.line,
          'owner_share',
          t('check.shareRatio', { percent, expected: formatYuan(expected) }),
        );
      }
    }
  }

  // -------------------------------------------------------------- utility split: amount = usage × price, share = amount ÷ households
  for (const row of tables['utility-split.csv']?.rows ?? []) {
    const u = row.value;
    // usage (×100) × price (×10 000) gives yuan × 1 000 000; fen is yuan × 100.
    const computed = Math.round((u.usage * u.unit_price) / ((USAGE_SCALE * UNIT_PRICE_SCALE) / 100));
    if (Math.abs(computed - u.amount) > 1) {
      rowProblem('utility-split.csv', row.line, 'amount', t('check.utilityAmount', { expected: formatYuan(computed) }));
    }
    const share = Math.round(u.amount / u.households);
    if (Math.abs(share - u.per_household) > 1) {
      rowProblem(
        'utility-split.csv',
        row.line,
        'per_household',
        t('check.utilityShare', { expected: formatYuan(share) }),
      );
    }
  }

  /**
   * Each year's closing balance is its opening plus the year's inflows less its uses, and a year opens with the
   * last one's closing. Not where a row of the year's inflows or uses failed its own check (its amount is
   * unknown), nor, in loose mode, where those files were not given.
   */
  function checkFundYears() {
    const uses = tables['maintenance-fund.csv'];
    const inflows = tables['maintenance-fund-inflows.csv'];
    const years = [...(tables['maintenance-fund-years.csv']?.rows ?? [])].sort((a, b) => a.value.year - b.value.year);
    if (input.loose && (!uses || !inflows)) return;
    // A failed row's date as typed: the year it counts in, or '' (then no year is trusted).
    const yearOf = (cells: Record<string, string | undefined>, key: string) =>
      parseDate(cells[key] ?? '')?.slice(0, 4) ?? '';
    const untrusted = new Set([
      ...(uses?.failedRows ?? []).map((cells) => yearOf(cells, 'date')),
      ...(inflows?.failedRows ?? []).map((cells) => yearOf(cells, 'date')),
    ]);
    let previous: (typeof years)[number] | undefined;
    for (const row of years) {
      const y = row.value;
      if (String(y.year) > today.slice(0, 4)) {
        rowProblem('maintenance-fund-years.csv', row.line, 'year', t('check.yearNotAfterToday', { today }));
      } else if (!untrusted.has(String(y.year)) && !untrusted.has('')) {
        const received = sumInYear(
          (inflows?.rows ?? []).map((r) => r.value),
          y.year,
        );
        const spent = sumInYear(
          (uses?.rows ?? []).map((r) => r.value),
          y.year,
        );
        const expected = y.opening + received - spent;
        if (y.closing !== expected) {
          rowProblem(
            'maintenance-fund-years.csv',
            row.line,
            'closing',
            t('check.fundYear', {
              opening: formatYuan(y.opening),
              inflows: formatYuan(received),
              uses: formatYuan(spent),
              expected: formatYuan(expected),
            }),
          );
        }
      }
      if (previous && previous.value.year + 1 === y.year && y.opening !== previous.value.closing) {
        rowProblem(
          'maintenance-fund-years.csv',
          row.line,
          'opening',
          t('check.fundOpening', { year: previous.value.year, closing: formatYuan(previous.value.closing) }),
        );
      }
      previous = row;
    }
  }

  return problems;
}
