/**
 * The CSV tables a compound folder may hold, by file name. Adding a table is
 * adding a line here and a schema module: the loader, the validator and the
 * docs all read this list.
 */

import { elevatorSchema } from '../schemas/elevator.ts';
import { feeItemSchema } from '../schemas/fee-item.ts';
import { fundUseSchema } from '../schemas/maintenance-fund.ts';
import { revenueItemSchema, revenueQuarterSchema } from '../schemas/public-revenue.ts';
import { utilitySplitSchema } from '../schemas/utility-split.ts';

export const COMPOUND_TABLES = {
  'fees.csv': feeItemSchema,
  'public-revenue.csv': revenueQuarterSchema,
  'public-revenue-items.csv': revenueItemSchema,
  'maintenance-fund.csv': fundUseSchema,
  'elevators.csv': elevatorSchema,
  'utility-split.csv': utilitySplitSchema,
} as const;

export type CompoundTableFile = keyof typeof COMPOUND_TABLES;

/** The YAML file every compound folder must have. */
export const COMPOUND_FILE = 'compound.yaml';

/** Is `name` one of the tables? Own keys only: a file named `constructor` or `__proto__` is not. */
export const isTableFile = (name: string): name is CompoundTableFile => Object.hasOwn(COMPOUND_TABLES, name);
