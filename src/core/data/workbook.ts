/**
 * Excel's own format, accepted wherever a CSV is (the /submit/ checker, the
 * editor, `npm run validate -- FILE`): the first worksheet of a `.xlsx` is
 * turned into the CSV text of the same table, so that it is read, checked
 * and located by row and column exactly as its CSV twin would be. Numbers
 * are taken as the workbook stores them (read-excel-file's parseNumber), never
 * through a float; date cells become ISO dates. A workbook is recognised by
 * its content (a ZIP file), also when it was renamed to .csv.
 */
import { readSheet } from 'read-excel-file/universal';
import { csvQuote } from './csv-writer.ts';
import { isWorkbook } from './decode.ts';
import type { SourceFile } from './validate-content.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A date cell: read-excel-file gives midnight UTC of the day the cell shows.
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The name a workbook is checked under: fees.xlsx → fees.csv (a .csv that is a workbook keeps its name). */
export const csvNameOf = (path: string): string => path.replace(/\.xlsx$/i, '.csv');

/**
 * The file as CSV if it is a workbook, else as it is. A workbook that cannot be read stays as it is,
 * so that the decoder names it (这不是文本文件).
 */
export async function asCsv(file: SourceFile): Promise<SourceFile> {
  if (!isWorkbook(file.bytes)) return file;
  let rows: unknown[][];
  try {
    // A copy of exactly its bytes: a Node Buffer's .buffer may be a larger shared pool.
    const copy = new Uint8Array(file.bytes).buffer;
    rows = (await readSheet(copy, { parseNumber: (text: string) => text })) as unknown[][];
  } catch {
    return file;
  }
  const text = rows.map((row) => row.map((cell) => csvQuote(cellText(cell))).join(',')).join('\r\n');
  return { path: csvNameOf(file.path), bytes: new TextEncoder().encode(`${text}\r\n`) };
}

/** Problems name a workbook as it was given: a problem in fees.csv read from fees.xlsx is in fees.xlsx. */
export function namedAsGiven<P extends { file: string }>(
  problems: readonly P[],
  given: readonly SourceFile[],
  read: readonly SourceFile[],
): P[] {
  const renamed = new Map<string, string>();
  given.forEach((file, i) => {
    const as = read[i]?.path;
    if (as && as !== file.path) renamed.set(as, file.path);
  });
  if (renamed.size === 0) return [...problems];
  return problems.map((p) => {
    for (const [as, original] of renamed) {
      if (p.file.endsWith(as)) return { ...p, file: p.file.slice(0, p.file.length - as.length) + original };
    }
    return p;
  });
}
