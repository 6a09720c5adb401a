/**
 * Dates that cannot be right: a year typed wrong (1926 or 2006 for 2026) is
 * a valid date, so no schema refuses it. Every value whose declared kind names
 * a time (date, yearmonth, quarter, halfyear) is held against the earliest year
 * the data can speak of.
 */
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { memoize } from '../lib/memo.ts';
import type { Table } from './csv-source.ts';
import { scalars } from './privacy-checks.ts';
import { declaredKind, schemaAt } from './zod-issues.ts';

type AnySchema = z.core.$ZodType;

const TIMES = new Set(['date', 'yearmonth', 'quarter', 'halfyear']);
const namesTime = (schema: AnySchema | undefined) => TIMES.has(declaredKind(schema)?.kind ?? '');

/**
 * No record of this portal is older than 1994, when 《城市新建住宅小区管理办法》
 * (建设部令第 33 号) brought property management to residential compounds.
 */
export const EARLIEST_YEAR = 1994;

/**
 * A compound's records may begin this many years before it was completed: the
 * service area is filed and the preliminary service contract signed before the
 * keys are handed over. Anything earlier is a typo for another year.
 */
export const YEARS_BEFORE_BUILT = 5;

/** The first year a compound built in `yearBuilt` (if known) can have records of. */
export const earliestYear = (yearBuilt?: number): number =>
  yearBuilt === undefined ? EARLIEST_YEAR : Math.max(EARLIEST_YEAR, yearBuilt - YEARS_BEFORE_BUILT);

/** What a value earlier than `earliest` should have been, as the problem's expectation. */
export const tooEarly = (earliest: number, yearBuilt?: number): string =>
  yearBuilt === undefined || earliest === EARLIEST_YEAR
    ? t('check.tooEarly', { year: earliest })
    : t('check.tooEarlyForCompound', { year: earliest, built: yearBuilt });

/** Every dated value in `value` (checked by `schema`) from before `earliest`, by its path. */
export function earlyValues(schema: AnySchema, value: unknown, earliest: number): (string | number)[][] {
  return scalars(value)
    .filter(({ path, text }) => Number(text.slice(0, 4)) < earliest && namesTime(schemaAt(schema, path)))
    .map(({ path }) => path);
}

/** The columns of a table schema whose values name a time. */
const datedColumns = memoize((schema: z.ZodObject): string[] =>
  Object.keys(schema.shape).filter((key) => namesTime(schema.shape[key])),
);

/** Every dated cell of a table from before `earliest`, by line and column key. */
export function earlyCells(
  table: Table<unknown> | undefined,
  schema: z.ZodObject,
  earliest: number,
): { line: number; key: string }[] {
  const found: { line: number; key: string }[] = [];
  const columns = datedColumns(schema);
  for (const row of table?.rows ?? []) {
    for (const key of columns) {
      const value = (row.value as Record<string, unknown>)[key];
      if (typeof value === 'string' && Number(value.slice(0, 4)) < earliest) found.push({ line: row.line, key });
    }
  }
  return found;
}
