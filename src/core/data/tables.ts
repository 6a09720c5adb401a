/**
 * The registry of the CSV tables a compound folder may hold: each declared
 * once, with everything the rest of the portal needs to know about it.
 * Validation, the duplicate check, the change history, the open data, the
 * templates and column dictionary on /submit/ all read this list, and
 * tests/unit/registry.test.ts checks that each of them covers exactly its
 * entries. Adding a table: docs/adding-a-table.md.
 */
import type { z } from 'zod';
import type { SectionId } from '../model/sections.ts';
import { elevatorMaintenanceSchema, elevatorSchema } from '../schemas/elevator.ts';
import { feeItemSchema } from '../schemas/fee-item.ts';
import { fireHazardSchema } from '../schemas/fire-safety.ts';
import { fundInflowSchema, fundUseSchema, fundYearSchema } from '../schemas/maintenance-fund.ts';
import { revenueItemSchema, revenueQuarterSchema } from '../schemas/public-revenue.ts';
import { utilitySplitSchema } from '../schemas/utility-split.ts';
import { waterServiceSchema } from '../schemas/water-supply.ts';
import type { CompoundRecord } from './records.ts';

/** The fields of a compound's record that hold the rows of one of its tables. */
export type TableField = {
  [K in keyof CompoundRecord]-?: CompoundRecord[K] extends readonly Record<string, unknown>[] ? K : never;
}[keyof CompoundRecord];

export interface TableEntry<S extends z.ZodObject = z.ZodObject> {
  /** The file's name in a compound folder, which is also its per-compound download. */
  file: `${string}.csv`;
  /** The zod schema of one row; its fields' titles are the CSV headers. */
  schema: S;
  /** The field of the compound's record that holds the validated rows. */
  field: TableField;
  /**
   * The columns that identify a row: a second row with the same values is refused as a
   * duplicate, the change history pairs the rows of two versions by them, and the open data
   * declares them (with the compound) as the table's primary key.
   */
  key: readonly (keyof z.output<S> & string)[];
  /** The part of the compound page (its anchor) that shows the table, and that its history is filed under. */
  section: SectionId;
  /** The county-wide download at /data/<resource>.csv and .json, and its name in datapackage.json. */
  resource: string;
  /**
   * The column holding the 公示日期 the submitter typed, for a table whose rows are owed by a
   * deadline: the rules judge such a row by the later of it and the day the row reached the
   * repository (src/core/data/received.ts).
   */
  published?: keyof z.output<S> & string;
}

/** Keeps each entry's file and resource names as literal types, so that code can be typed by them. */
const entry = <S extends z.ZodObject, const F extends `${string}.csv`, const R extends string>(
  table: TableEntry<S> & { file: F; resource: R },
): TableEntry<S> & { file: F; resource: R } => table;

/** Every table, in the order the templates, the dictionary and /data/ list them. */
export const TABLES = [
  entry({
    file: 'fees.csv',
    schema: feeItemSchema,
    field: 'fees',
    key: ['item', 'payer', 'effective'],
    section: 'fees',
    resource: 'fees',
    published: 'announced',
  }),
  entry({
    file: 'public-revenue.csv',
    schema: revenueQuarterSchema,
    field: 'revenueQuarters',
    key: ['quarter'],
    section: 'public-revenue',
    resource: 'public-revenue',
    published: 'published',
  }),
  entry({
    file: 'public-revenue-items.csv',
    schema: revenueItemSchema,
    field: 'revenueItems',
    key: ['quarter', 'kind', 'item'],
    section: 'public-revenue',
    resource: 'public-revenue-items',
  }),
  entry({
    file: 'maintenance-fund.csv',
    schema: fundUseSchema,
    field: 'fundUses',
    // One use of the fund is one approved item on one day; two payments for it are two items.
    key: ['date', 'item'],
    section: 'maintenance-fund',
    resource: 'maintenance-fund',
  }),
  entry({
    file: 'maintenance-fund-inflows.csv',
    schema: fundInflowSchema,
    field: 'fundInflows',
    // Inflows of one kind on one day are one row (the bank's statement adds them up the same way).
    key: ['date', 'kind'],
    section: 'maintenance-fund',
    resource: 'maintenance-fund-inflows',
  }),
  entry({
    file: 'maintenance-fund-years.csv',
    schema: fundYearSchema,
    field: 'fundYears',
    key: ['year'],
    section: 'maintenance-fund',
    resource: 'maintenance-fund-years',
  }),
  entry({
    file: 'elevators.csv',
    schema: elevatorSchema,
    field: 'elevators',
    key: ['register_number'],
    section: 'elevators',
    resource: 'elevators',
  }),
  entry({
    file: 'elevator-maintenance.csv',
    schema: elevatorMaintenanceSchema,
    field: 'elevatorMaintenance',
    // One visit per elevator per day: a second sheet on the same day is the same visit.
    key: ['register_number', 'date'],
    section: 'elevators',
    resource: 'elevator-maintenance',
  }),
  entry({
    file: 'fire-hazards.csv',
    schema: fireHazardSchema,
    field: 'fireHazards',
    key: ['found_on', 'location', 'hazard'],
    section: 'fire-safety',
    resource: 'fire-hazards',
  }),
  entry({
    file: 'water-supply.csv',
    schema: waterServiceSchema,
    field: 'waterServices',
    key: ['date', 'kind'],
    section: 'water-supply',
    resource: 'water-supply',
  }),
  entry({
    file: 'utility-split.csv',
    schema: utilitySplitSchema,
    field: 'utilitySplits',
    key: ['period', 'kind', 'scope'],
    section: 'utility-split',
    resource: 'utility-split',
    published: 'published',
  }),
] as const;

export type CompoundTableEntry = (typeof TABLES)[number];
export type CompoundTableFile = CompoundTableEntry['file'];

/** Each table's row schema by file name, for code that is typed by the file it reads. */
export const COMPOUND_TABLES = Object.fromEntries(TABLES.map((table) => [table.file, table.schema])) as {
  [E in CompoundTableEntry as E['file']]: E['schema'];
};

/** A table's entry by its file name. */
export const tableOf = <F extends CompoundTableFile>(file: F): Extract<CompoundTableEntry, { file: F }> =>
  TABLES.find((table) => table.file === file) as Extract<CompoundTableEntry, { file: F }>;

/** Is `name` one of the tables? Own keys only: a file named `constructor` or `__proto__` is not. */
export const isTableFile = (name: string): name is CompoundTableFile => Object.hasOwn(COMPOUND_TABLES, name);

/** The tables whose rows are owed by a deadline, and so carry a 公示日期. */
export const DATED_TABLES = TABLES.filter((table) => 'published' in table);

/** The YAML file every compound folder must have. */
export const COMPOUND_FILE = 'compound.yaml';

/** A row's identity under its table's key, as one string: rows with equal keys are the same row. */
export function rowKey(file: CompoundTableFile): (row: Record<string, unknown>) => string {
  const key = tableOf(file).key as readonly string[];
  return (row) => JSON.stringify(key.map((column) => row[column]));
}
