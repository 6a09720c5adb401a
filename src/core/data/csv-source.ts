/**
 * Reads a CSV table typed in Excel or WPS and checks each row against its zod
 * schema. Headers are the schema fields' Chinese titles (the English keys are
 * accepted too). Every problem is located by line and field number; no row is
 * ever dropped without a problem saying why.
 */

import Papa from 'papaparse';
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { memoize } from '../lib/memo.ts';
import { decodeText, hasBidiControl } from './decode.ts';
import { privacyProblems } from './privacy-checks.ts';
import type { Problem } from './problems.ts';
import { check, labelFor } from './zod-issues.ts';

/** A row that passed its schema, with the line it starts on for later checks. */
export interface TableRow<T> {
  value: T;
  line: number;
}

export interface TableColumn {
  key: string;
  title: string;
  required: boolean;
}

export interface Table<T> {
  rows: TableRow<T>[];
  /** The cells of rows that failed their schema, by column key: checks across rows must not trust sums without them. */
  failedRows: Record<string, string>[];
  problems: Problem[];
  /** Where a field of a row is, for checks that span rows. */
  cell(line: number, key: string): { line: number; column: number; found: string | undefined };
}

type ObjectSchema = z.ZodObject<z.core.$ZodLooseShape>;

/** The columns of a table schema, in order, with their Chinese titles. */
export function columnsOf(schema: ObjectSchema): TableColumn[] {
  return Object.keys(schema.shape).map((key) => {
    const field = schema.shape[key] as z.ZodType;
    return { key, title: labelFor(schema, [key]), required: !field.safeParse(undefined).success };
  });
}

/**
 * The open-data writer puts ' before text that a spreadsheet would run as a formula
 * (src/outputs/open-data.ts), as Excel itself marks text. Reading such a download back, the
 * mark goes: a committee that starts its next change from the published file changes nothing.
 */
const unguarded = (value: string) => value.replace(/^'(?='*[=+\-@\t\r])/, '');

const SCIENTIFIC_CELL = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

const headerKey = (raw: string) =>
  raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/**
 * A table's columns and the header spellings that name them, worked out once per
 * schema: a county has thousands of files of the same few tables.
 */
const layoutOf = memoize((schema: ObjectSchema) => {
  const columns = columnsOf(schema);
  const byName = new Map<string, TableColumn>();
  for (const column of columns) {
    byName.set(headerKey(column.title), column);
    byName.set(headerKey(column.key), column);
  }
  return { columns, byName };
});

export function readTable<S extends ObjectSchema>(file: string, bytes: Uint8Array, schema: S): Table<z.output<S>> {
  const problems: Problem[] = [];
  const rows: TableRow<z.output<S>>[] = [];
  const failedRows: Record<string, string>[] = [];
  const raw = new Map<number, string[]>();
  let columnOfKey = new Map<string, number>();
  let headerWidth = 0;
  // A field whose column is not in the file is placed just after the last header cell, where it would go.
  const cell = (line: number, key: string) => {
    const index = columnOfKey.get(key);
    if (index === undefined) return { line, column: headerWidth + 1, found: undefined };
    return { line, column: index + 1, found: raw.get(line)?.[index] };
  };
  const result = { rows, failedRows, problems, cell };

  const decoded = decodeText(file, bytes);
  problems.push(...decoded.problems);
  if (decoded.text === undefined) return result;
  const text = decoded.text.replace(/^\uFEFF/, '');

  const lineStarts = [0];
  // \r\n (Windows), \n (Unix) and a lone \r (old Mac Excel) all end a line.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lineStarts.push(i + 1);
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const problem = (line: number, column: number, field: string, label: string, expected: string, found?: string) =>
    problems.push({ file, line, column, field, label, expected, found, severity: 'error' });

  const parsedRows: { fields: string[]; line: number }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(step) {
      const start = cursor;
      cursor = step.meta.cursor;
      for (const error of step.errors) {
        const at = lineOf(error.index ?? start);
        problem(
          at,
          1,
          '',
          t('csv.label'),
          error.type === 'Quotes' ? t('csv.quotes') : t('csv.syntax', { detail: error.message }),
        );
      }
      // Skip the line break that ended the previous row, so the row starts where its text does.
      let first = start;
      while (text[first] === '\r' || text[first] === '\n') first++;
      parsedRows.push({ fields: step.data, line: lineOf(Math.min(first, text.length)) });
    },
  });

  const [header, ...body] = parsedRows;
  const { columns, byName } = layoutOf(schema);
  if (!header || header.fields.every((f) => f.trim() === '')) {
    problem(1, 1, '', t('csv.label'), t('csv.noHeader', { columns: columns.map((c) => c.title).join(',') }));
    return result;
  }
  if (header.fields.length === 1 && /[;\t|，]/.test(header.fields[0] ?? '')) {
    problem(header.line, 1, '', t('csv.label'), t('csv.delimiter'), header.fields[0]);
    return result;
  }

  // Direction controls first, header included: such a header is also an unknown column, and the cause comes first.
  const controls = new Set<Problem>();
  for (const { fields, line } of parsedRows) {
    fields.forEach((value, index) => {
      if (!hasBidiControl(value)) return;
      const name = line === header.line ? '' : (header.fields[index] ?? '').trim();
      problem(line, index + 1, '', name || t('csv.label'), t('decode.bidi'), value);
      controls.add(problems.at(-1) as Problem);
    });
  }

  columnOfKey = new Map();
  // Excel and WPS often save empty columns after the last one used: a blank header is no column.
  const blankColumns: number[] = [];
  header.fields.forEach((name, index) => {
    const column = byName.get(headerKey(name));
    if (name.trim() === '') {
      blankColumns.push(index);
    } else if (!column) {
      problem(
        header.line,
        index + 1,
        '',
        t('csv.header'),
        t('csv.unknownColumn', { columns: columns.map((c) => c.title).join('、') }),
        name,
      );
    } else if (columnOfKey.has(column.key)) {
      problem(header.line, index + 1, column.key, column.title, t('csv.duplicateColumn'), name);
    } else {
      columnOfKey.set(column.key, index);
    }
  });
  headerWidth = Math.max(-1, ...columnOfKey.values()) + 1;
  for (const column of columns) {
    if (column.required && !columnOfKey.has(column.key)) {
      // No field: the whole column is missing, there is no empty value to speak of.
      problem(header.line, headerWidth + 1, '', column.title, t('csv.missingColumn'));
    }
  }
  // Only a problem of the header itself stops the rows from being read; a direction control does not.
  if (problems.some((p) => p.severity === 'error' && !controls.has(p))) return result;

  for (const { fields, line } of body) {
    // A blank line carries no data; Excel often leaves one at the end.
    if (fields.every((f) => f.trim() === '')) continue;
    raw.set(line, fields);
    if (fields.length !== header.fields.length) {
      failedRows.push({});
      problem(
        line,
        Math.min(fields.length, header.fields.length) + 1,
        '',
        t('csv.label'),
        t('csv.fieldCount', { expected: header.fields.length, found: fields.length }),
        fields.join(','),
      );
      continue;
    }
    const stray = blankColumns.find((index) => (fields[index] ?? '').trim() !== '');
    if (stray !== undefined) {
      failedRows.push({});
      problem(line, stray + 1, '', t('csv.label'), t('csv.valueWithoutHeader'), fields[stray]);
      continue;
    }
    const input: Record<string, string> = {};
    for (const [key, index] of columnOfKey) {
      const value = unguarded(fields[index] ?? '');
      if (value.trim() !== '') input[key] = value;
    }
    for (const [key, value] of Object.entries(input)) {
      const column = (columnOfKey.get(key) ?? 0) + 1;
      problems.push(...privacyProblems(value, { file, line, column, path: [key] }, schema, true));
    }
    // Excel turns long numbers (elevator codes, account tails) into 3.11065E+19 even in text columns.
    const scientific = Object.keys(input).filter((key) => SCIENTIFIC_CELL.test((input[key] ?? '').trim()));
    for (const key of scientific) {
      problem(line, cell(line, key).column, key, labelFor(schema, [key]), t('expect.noScientific'), input[key]);
    }
    const checked = check(schema, input);
    if (checked.ok && scientific.length === 0) {
      rows.push({ value: checked.value, line });
      continue;
    }
    failedRows.push(input);
    for (const issue of checked.ok ? [] : checked.issues) {
      const key = String(issue.path[0] ?? '');
      if (scientific.includes(key)) continue;
      const at = cell(line, key);
      problem(line, at.column, key, labelFor(schema, issue.path.slice(0, 1)), issue.expected, input[key]);
    }
  }
  return result;
}
