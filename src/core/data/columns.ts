/**
 * The columns of a table schema as the outputs write them and the change
 * history says them: each column's title, whether it is required, its
 * description and its kind, as the schema declares them.
 */
import { z } from 'zod';
import { memoize } from '../lib/memo.ts';
import { columnsOf } from './csv-source.ts';
import { enumOptions } from './dictionary.ts';
import { declaredKind } from './zod-issues.ts';

type ObjectSchema = z.ZodObject<z.core.$ZodLooseShape>;

export type ColumnKind =
  | { type: 'fen' }
  | { type: 'scaled'; scale: number }
  | { type: 'integer' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'date' }
  | { type: 'yearmonth' }
  | { type: 'quarter' }
  | { type: 'string'; enum?: string[] };

/**
 * What a column holds, as its schema declares it: each primitive of
 * src/core/schemas/primitives.ts carries its `kind` in its meta, so a new money
 * column is written as yuan the day it is added, with no list here to forget.
 * A choice (z.enum) lists its values; anything else is text.
 */
export function columnKind(field: z.ZodType): ColumnKind {
  const allowed = enumOptions(field);
  if (allowed) return { type: 'string', enum: allowed };
  const declared = declaredKind(field);
  switch (declared?.kind) {
    case 'scaled':
      return { type: 'scaled', scale: declared.scale ?? 1 };
    case 'fen':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'date':
    case 'yearmonth':
    case 'quarter':
      return { type: declared.kind };
    default:
      return { type: 'string' };
  }
}

/** How a yes/no column is written in a table: the words `yesNo` reads back. */
export const YES = '是';
export const NO = '否';

export interface ColumnSpec {
  key: string;
  title: string;
  required: boolean;
  description: string;
  kind: ColumnKind;
}

/** The columns of a table schema with their kind and documentation, in order. */
export const columnSpecs = memoize((schema: ObjectSchema): ColumnSpec[] =>
  columnsOf(schema).map((column) => {
    const field = schema.shape[column.key] as z.ZodType;
    const meta = z.globalRegistry.get(field);
    return {
      ...column,
      description: typeof meta?.description === 'string' ? meta.description : '',
      kind: columnKind(field),
    };
  }),
);
