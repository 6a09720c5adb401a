/**
 * `node tests/lib/make-xlsx-fixture.ts IN.csv OUT.xlsx`: the workbook twin of
 * a CSV fixture, as Excel would hold it — numbers as numbers, valid dates as
 * date cells, everything else as text — for the tests that a workbook is
 * checked exactly like its CSV (tests/fixtures/submission/*.xlsx).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/node';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: make-xlsx-fixture IN.csv OUT.xlsx');
const rows = Papa.parse<string[]>(
  readFileSync(input, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim(),
).data;

function cell(value: string, header: boolean) {
  if (!header && /^\d+(\.\d+)?$/.test(value) && !/^0\d/.test(value)) return { value: Number(value), type: Number };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!header && date) {
    const day = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    // An impossible date (2024-02-30) stays text, as Excel keeps it.
    if (day.toISOString().slice(0, 10) === value) return { value: day, type: Date, format: 'yyyy-mm-dd' };
  }
  return { value, type: String };
}

writeFileSync(output, await writeExcelFile(rows.map((row, i) => row.map((v) => cell(v, i === 0)))).toBuffer());
