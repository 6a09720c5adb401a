/**
 * The county's oversight data in content/oversight/: the credit scale,
 * company ratings, commendations and criticisms, the blacklist, the
 * compounds' semi-annual evaluations and their 12345 work orders. Each file is optional (no file, no
 * ratings yet); each row is checked against its schema and against the
 * others: a rating's grade must be the one its score falls in, every company
 * and compound named must exist, and no period lists a company or compound twice.
 */
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { quarterStart } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { blacklistEntrySchema, inForce } from '../schemas/blacklist.ts';
import { creditRecordSchema, creditScore } from '../schemas/credit-record.ts';
import { evaluationSchema } from '../schemas/evaluation.ts';
import { oversightActionSchema } from '../schemas/oversight-action.ts';
import { gradeForScore, type RatingScale, ratingSchema } from '../schemas/rating.ts';
import { workOrderQuarterSchema } from '../schemas/work-orders.ts';
import { readTable, type Table } from './csv-source.ts';
import { EARLIEST_YEAR, earlyCells, tooEarly } from './date-checks.ts';
import type { Problem } from './problems.ts';
import type { OversightData } from './records.ts';
import { labelFor } from './zod-issues.ts';

export const OVERSIGHT = 'oversight';
export const SCALE_FILE = 'rating-scale.yaml';
export const OVERSIGHT_TABLES = {
  'ratings.csv': ratingSchema,
  'actions.csv': oversightActionSchema,
  'blacklist.csv': blacklistEntrySchema,
  'evaluations.csv': evaluationSchema,
  'work-orders-12345.csv': workOrderQuarterSchema,
  'credit-records.csv': creditRecordSchema,
} as const;
export type OversightTableFile = keyof typeof OVERSIGHT_TABLES;
export const OVERSIGHT_FILES = [SCALE_FILE, ...Object.keys(OVERSIGHT_TABLES)];

export interface OversightInput {
  /** The files of content/oversight/, by name. */
  files: Map<string, Uint8Array>;
  /** The scale, already read and checked by the caller's YAML reader (undefined if absent or invalid). */
  scale: RatingScale | undefined;
  /** Whether rating-scale.yaml exists at all, valid or not. */
  hasScaleFile: boolean;
  /** Where a path of rating-scale.yaml is. */
  locateScale?: (path: (string | number)[]) => { line: number; column: number };
  shown: (path: string) => string;
  companies: Set<string> | undefined;
  compounds: Set<string> | undefined;
  /** The build's today: counts of a quarter not yet begun are refused. */
  today: string;
  /** Each company's project managers' filing numbers, from its compounds; undefined when not known here. */
  managerFilings?: Map<string, Set<string>> | undefined;
}

export function checkOversight(input: OversightInput): { data: OversightData; problems: Problem[] } {
  const problems: Problem[] = [];
  const path = (name: string) => input.shown(`${OVERSIGHT}/${name}`);
  type Tables = { [F in OversightTableFile]: Table<z.output<(typeof OVERSIGHT_TABLES)[F]>> | undefined };
  const tables = {} as Tables;
  for (const name of Object.keys(OVERSIGHT_TABLES) as OversightTableFile[]) {
    const bytes = input.files.get(name);
    if (!bytes) continue;
    const table = readTable(path(name), bytes, OVERSIGHT_TABLES[name]);
    problems.push(...table.problems);
    (tables as Record<string, unknown>)[name] = table;
  }
  function cellProblem<F extends OversightTableFile>(name: F, line: number, key: string, expected: string): void {
    const table = tables[name];
    if (!table) return;
    const at = table.cell(line, key);
    problems.push({
      file: path(name),
      line: at.line,
      column: at.column,
      field: key,
      label: labelFor(OVERSIGHT_TABLES[name], [key]),
      expected,
      found: at.found,
      severity: 'error',
    });
  }
  // The county's own records are no older than property management itself.
  for (const name of Object.keys(OVERSIGHT_TABLES) as OversightTableFile[]) {
    for (const { line, key } of earlyCells(tables[name], OVERSIGHT_TABLES[name], EARLIEST_YEAR)) {
      cellProblem(name, line, key, tooEarly(EARLIEST_YEAR));
    }
  }
  const knownCompany = (name: OversightTableFile, line: number, company: string) => {
    if (input.companies && !input.companies.has(company)) {
      cellProblem(name, line, 'company', t('check.unknownCompany', { known: [...input.companies].join('、') }));
    }
  };
  function noDuplicates<F extends OversightTableFile>(
    name: F,
    keyOf: (row: z.output<(typeof OVERSIGHT_TABLES)[F]>) => string,
    field: string,
  ) {
    const seen = new Map<string, number>();
    for (const row of tables[name]?.rows ?? []) {
      const key = keyOf(row.value);
      const first = seen.get(key);
      if (first !== undefined) cellProblem(name, row.line, field, t('check.duplicateRow', { line: first }));
      else seen.set(key, row.line);
    }
  }

  // Ratings: known company, a grade of the scale whose band holds the score, once per period.
  const ratings = tables['ratings.csv'];
  if (ratings && !input.hasScaleFile) {
    problems.push({
      file: path(SCALE_FILE),
      line: 1,
      column: 1,
      field: '',
      label: t('load.file'),
      expected: t('check.ratingsNeedScale'),
      severity: 'error',
    });
  }
  if (input.scale) {
    const grades = input.scale.grades;
    const at = (i: number) => {
      const where = input.locateScale?.(['grades', i]) ?? { line: 1, column: 1 };
      return { line: where.line, column: where.column };
    };
    for (const [i, g] of grades.entries()) {
      for (const other of grades.slice(i + 1)) {
        if (g.min <= other.max && other.min <= g.max) {
          problems.push({
            file: path(SCALE_FILE),
            ...at(i),
            field: `grades.${i}`,
            label: t('rating.scaleLabel'),
            expected: t('check.bandsOverlap', { a: g.grade, b: other.grade }),
            severity: 'error',
          });
        }
      }
      if (g.min > g.max) {
        problems.push({
          file: path(SCALE_FILE),
          line: 1,
          column: 1,
          field: 'grades',
          label: t('rating.scaleLabel'),
          expected: t('check.bandOrder', { grade: g.grade }),
          severity: 'error',
        });
      }
    }
  }
  for (const row of ratings?.rows ?? []) {
    knownCompany('ratings.csv', row.line, row.value.company);
    if (!input.scale) continue;
    const band = gradeForScore(input.scale, row.value.score);
    if (!input.scale.grades.some((g) => g.grade === row.value.grade)) {
      cellProblem(
        'ratings.csv',
        row.line,
        'grade',
        t('check.unknownGrade', { known: input.scale.grades.map((g) => g.grade).join('、') }),
      );
    } else if (band?.grade !== row.value.grade) {
      cellProblem(
        'ratings.csv',
        row.line,
        'grade',
        band
          ? t('check.gradeBand', { score: row.value.score, grade: band.grade, min: band.min, max: band.max })
          : t('check.scoreOutsideScale', { score: row.value.score }),
      );
    }
  }
  noDuplicates('ratings.csv', (r) => `${r.period} ${r.company}`, 'company');

  for (const row of tables['actions.csv']?.rows ?? []) knownCompany('actions.csv', row.line, row.value.company);
  for (const row of tables['blacklist.csv']?.rows ?? []) knownCompany('blacklist.csv', row.line, row.value.company);
  noDuplicates('blacklist.csv', (r) => `${r.company} ${r.manager ?? ''} ${r.date}`, 'date');

  // Ratings, commendations and blacklist periods must agree: each names the other's row.
  const listings = tables['blacklist.csv']?.rows ?? [];
  const listedOn = (company: string, manager: string | undefined, date: string) =>
    listings.find(
      ({ value: e }) => e.company === company && (e.manager === undefined || e.manager === manager) && inForce(e, date),
    );
  const where = (line: number, date: string) =>
    t('check.blacklistRow', { file: path('blacklist.csv'), line, date: formatDate(date) });
  for (const row of ratings?.rows ?? []) {
    const grade = input.scale?.grades.find((g) => g.grade === row.value.grade);
    const listing = listedOn(row.value.company, undefined, row.value.date);
    if (listing && listing.value.manager === undefined && grade && !grade.blacklist) {
      const row2 = where(listing.line, listing.value.date);
      cellProblem('ratings.csv', row.line, 'grade', t('check.ratedWhileListed', { grade: grade.grade, listing: row2 }));
    }
  }
  for (const row of tables['actions.csv']?.rows ?? []) {
    if (row.value.kind !== '表彰') continue;
    const listing = listedOn(row.value.company, row.value.manager, row.value.date);
    if (listing) {
      const row2 = where(listing.line, listing.value.date);
      cellProblem('actions.csv', row.line, 'kind', t('check.commendedWhileListed', { listing: row2 }));
    }
  }

  // The list of every compound is long in a large county: spelt out once, not per unknown row.
  let unknownCompound: string | undefined;
  for (const row of tables['evaluations.csv']?.rows ?? []) {
    if (input.compounds && !input.compounds.has(row.value.compound)) {
      unknownCompound ??= t('check.unknownCompound', { known: [...input.compounds].join('、') });
      cellProblem('evaluations.csv', row.line, 'compound', unknownCompound);
    }
  }
  noDuplicates('evaluations.csv', (r) => `${r.period} ${r.compound}`, 'compound');
  for (const row of tables['work-orders-12345.csv']?.rows ?? []) {
    if (input.compounds && !input.compounds.has(row.value.compound)) {
      unknownCompound ??= t('check.unknownCompound', { known: [...input.compounds].join('、') });
      cellProblem('work-orders-12345.csv', row.line, 'compound', unknownCompound);
    }
    if (quarterStart(row.value.quarter) > input.today) {
      cellProblem(
        'work-orders-12345.csv',
        row.line,
        'quarter',
        t('check.quarterNotAfterToday', { today: input.today }),
      );
    }
  }
  noDuplicates('work-orders-12345.csv', (r) => `${r.quarter} ${r.compound}`, 'compound');

  // Credit files: of a known company, a manager known by a filing number in one of its compounds.
  const credit = tables['credit-records.csv']?.rows ?? [];
  for (const row of credit) {
    const { company, manager_filing } = row.value;
    if (input.companies && !input.companies.has(company)) {
      cellProblem(
        'credit-records.csv',
        row.line,
        'company',
        t('check.unknownCompany', { known: [...input.companies].join('、') }),
      );
    } else if (
      manager_filing !== undefined &&
      input.managerFilings &&
      !input.managerFilings.get(company)?.has(manager_filing)
    ) {
      cellProblem('credit-records.csv', row.line, 'manager_filing', t('check.unknownManagerFiling'));
    }
  }
  noDuplicates('credit-records.csv', (r) => `${r.company} ${r.manager_filing ?? ''} ${r.date} ${r.item}`, 'item');
  // A rating published once the company has a credit file is the scale's base plus its records in force.
  const base = input.scale?.credit_base;
  if (base !== undefined) {
    const records = credit.map((r) => r.value);
    for (const row of ratings?.rows ?? []) {
      const { company, date, score } = row.value;
      const own = records.filter((r) => r.company === company && r.manager_filing === undefined);
      if (own.length === 0 || !own.some((r) => r.date <= date)) continue;
      const expected = creditScore(base, records, company, date);
      if (score !== expected) {
        cellProblem(
          'ratings.csv',
          row.line,
          'score',
          t('check.ratingVsCredit', { expected, base, sum: expected - base }),
        );
      }
    }
  }

  return {
    data: {
      scale: input.scale,
      ratings: ratings?.rows.map((r) => r.value) ?? [],
      actions: tables['actions.csv']?.rows.map((r) => r.value) ?? [],
      blacklist: tables['blacklist.csv']?.rows.map((r) => r.value) ?? [],
      evaluations: tables['evaluations.csv']?.rows.map((r) => r.value),
      workOrders: tables['work-orders-12345.csv']?.rows.map((r) => r.value),
      credit: credit.map((r) => r.value),
    },
    problems,
  };
}
