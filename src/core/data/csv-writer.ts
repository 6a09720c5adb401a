/**
 * Tables written as CSV, the one way the project writes them: the open-data
 * downloads, the per-compound files, `npm run format:data` and the editor's
 * changed files. A byte-order mark (Excel on Chinese Windows then reads it as
 * UTF-8), the Chinese header in the schema's order, one line per row, CRLF
 * line ends, money and scaled quantities as exact decimals. A file in this
 * form is canonical: reading it and writing it again gives the same bytes.
 */
import type { z } from 'zod';
import { formatScaled } from '../lib/format.ts';
import { yuanPlain } from '../lib/money.ts';
import { type ColumnKind, columnSpecs, NO, YES } from './columns.ts';
import { readTable } from './csv-source.ts';

type ObjectSchema = z.ZodObject<z.core.$ZodLooseShape>;
type Row = Record<string, unknown>;

/**
 * Spreadsheets run a cell that starts like a formula; such text is prefixed with ' so that it
 * stays text. Text that already starts with ' before such a character gets one more, so that
 * the reader, which takes exactly one off (csv-source.ts), gives back what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvCell(kind: ColumnKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (kind.type) {
    case 'fen':
      return yuanPlain(value as number);
    case 'scaled':
      return formatScaled(value as number, kind.scale);
    case 'boolean':
      return value ? YES : NO;
    case 'string': {
      const text = String(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
    default:
      return String(value);
  }
}

/** What makes papaparse quote a cell: a quote, a comma, a line break, a byte-order mark, a space at either end. */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/** One CSV cell, quoted exactly when and as `Papa.unparse` quotes it (tests compare the two). */
export const csvQuote = (cell: string): string => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * CSV lines (CRLF) of cells already written by csvCell. Written here rather
 * than by `Papa.unparse`: at 10,000 compounds there are millions of cells,
 * and its general-purpose checks per cell took a fifth of the open data.
 */
const csvLines = (lines: string[][]): string => {
  let text = '';
  for (const cells of lines) text += `${cells.map(csvQuote).join(',')}\r\n`;
  return text;
};

/** The header line, with the byte-order mark: the start of every table. */
export const csvHeader = (schema: ObjectSchema): string =>
  `\uFEFF${csvLines([columnSpecs(schema).map((s) => s.title)])}`;

/** The lines of some rows, to follow a header: a long table is written in pieces. */
export function csvBody(schema: ObjectSchema, rows: readonly Row[]): string {
  const specs = columnSpecs(schema);
  return rows.length === 0 ? '' : csvLines(rows.map((row) => specs.map((s) => csvCell(s.kind, row[s.key]))));
}

/**
 * A table as CSV: a byte-order mark (Excel on Chinese Windows then reads it
 * as UTF-8), the Chinese header, one line per row, CRLF line ends.
 */
export const toCsv = (schema: ObjectSchema, rows: readonly Row[]): string => csvHeader(schema) + csvBody(schema, rows);

/** A table file read and written again: its canonical form (the rows that read; check the file first). */
export const canonicalCsv = (file: string, bytes: Uint8Array, schema: ObjectSchema): string =>
  toCsv(
    schema,
    readTable(file, bytes, schema).rows.map((row) => row.value),
  );
