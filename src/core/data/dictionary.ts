/**
 * The column dictionary and the CSV templates, generated from the table
 * schemas themselves: a column's name, meaning, example and allowed values
 * come from its `.meta()`, and its format from the very message the
 * validator would give, so the docs cannot drift from the checks.
 */

import Papa from 'papaparse';
import { z } from 'zod';
import { columnsOf } from './csv-source.ts';
import { OVERSIGHT_TABLES, type OversightTableFile } from './oversight-checks.ts';
import { COMPOUND_TABLES, type CompoundTableFile, TABLES } from './tables.ts';
import { expectationFor } from './zod-issues.ts';

export interface ColumnDoc {
  key: string;
  title: string;
  description: string;
  required: boolean;
  /** What the validator expects, or undefined for free text. */
  format: string | undefined;
  /** The choices, for a column that only takes some values. */
  allowed: string[] | undefined;
  example: string;
}

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): { description?: unknown; examples?: unknown } {
  return (z.globalRegistry.get(schema as z.ZodType) ?? {}) as { description?: unknown; examples?: unknown };
}

/** The enum inside optional/pipe wrappers, if the column is one. */
export function enumOptions(schema: AnySchema): string[] | undefined {
  for (let s: AnySchema | undefined = schema; s; ) {
    const def = s._zod.def as { type: string; entries?: Record<string, string>; innerType?: AnySchema; in?: AnySchema };
    if (def.type === 'enum' && def.entries) return Object.values(def.entries);
    s = def.innerType ?? def.in;
  }
  return undefined;
}

/** Every CSV file with a template: a compound folder's tables, then the county's files in content/oversight/. */
export type TemplateFile = CompoundTableFile | OversightTableFile;

const schemaOf = (name: TemplateFile) =>
  Object.hasOwn(COMPOUND_TABLES, name)
    ? COMPOUND_TABLES[name as CompoundTableFile]
    : OVERSIGHT_TABLES[name as OversightTableFile];

export function columnDocs(name: TemplateFile): ColumnDoc[] {
  const schema = schemaOf(name);
  const shape = schema.shape as Record<string, z.ZodType>;
  return columnsOf(schema).map((column) => {
    const field = shape[column.key] as z.ZodType;
    const meta = metaOf(field);
    const probe = field.safeParse('\u2063', { error: expectationFor });
    const allowed = enumOptions(field);
    return {
      key: column.key,
      title: column.title,
      description: typeof meta.description === 'string' ? meta.description : '',
      required: column.required,
      format: allowed || probe.success ? undefined : probe.error.issues[0]?.message,
      allowed,
      example: Array.isArray(meta.examples) ? String(meta.examples[0] ?? '') : '',
    };
  });
}

/**
 * A template: the header in Chinese and one example row, with a byte-order
 * mark so that Excel on Chinese Windows opens it as UTF-8.
 */
export function templateCsv(name: TemplateFile): string {
  const docs = columnDocs(name);
  return `\uFEFF${Papa.unparse([docs.map((d) => d.title), docs.map((d) => d.example)], { newline: '\r\n' })}\r\n`;
}

export const TABLE_FILES: CompoundTableFile[] = TABLES.map((table) => table.file);

/** The county's CSV files, kept by the housing bureau: templates and dictionary on /submit/ after the committees'. */
export const COUNTY_FILES = Object.keys(OVERSIGHT_TABLES) as OversightTableFile[];
