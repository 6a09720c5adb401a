/**
 * Checking the files a committee prepares, in the context of its compound
 * (src/core/data/check-files.ts): each case a volunteer met gives the right
 * answer and says which checks between files ran.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkFiles } from '../../src/core/data/check-files.ts';
import { asCsv, namedAsGiven } from '../../src/core/data/workbook.ts';
import { PROJECT_ROOT } from './helpers.ts';

const FOLDER = path.join(PROJECT_ROOT, 'content/compounds/jinshuiwan');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FOLDER, name)));
const published = new Map(readdirSync(FOLDER).map((name) => [name, bytes(name)]));
const TODAY = '2026-11-20';
const check = (files: [string, Uint8Array][], withPublished: boolean) =>
  checkFiles(
    files.map(([p, b]) => ({ path: p, bytes: b })),
    { today: TODAY, ...(withPublished ? { published } : {}) },
  );
const errors = (result: ReturnType<typeof check>) => result.problems.filter((p) => p.severity === 'error');

describe('one file, alone', () => {
  it('the unchanged public-revenue.csv gives no false error, and says the totals were not checked', () => {
    const result = check([['public-revenue.csv', bytes('public-revenue.csv')]], false);
    assert.deepEqual(errors(result), []);
    assert.deepEqual(result.coverage.ran, ['期末结余逐季衔接']);
    assert.ok(
      result.coverage.skipped.some((s) => s.startsWith('收入合计、支出合计与明细核对（缺少 public-revenue-items.csv')),
    );
  });

  it('public-revenue-items.csv alone passes, but does not claim the totals were checked', () => {
    const result = check([['public-revenue-items.csv', bytes('public-revenue-items.csv')]], false);
    assert.deepEqual(errors(result), []);
    assert.deepEqual(result.coverage.ran, []);
    assert.ok(
      result.coverage.skipped.some((s) => s.startsWith('收入合计、支出合计与明细核对（缺少 public-revenue.csv')),
    );
  });
});

describe('one file, with its compound’s published files', () => {
  it('the same file is checked against the published items and compound.yaml, and every check between them runs', () => {
    const result = check([['public-revenue.csv', bytes('public-revenue.csv')]], true);
    assert.deepEqual(errors(result), []);
    assert.deepEqual(result.coverage.skipped, []);
    assert.ok(result.coverage.ran.includes('业主分成与约定比例核对'));
    assert.ok(result.published.includes('compound.yaml') && result.published.includes('public-revenue-items.csv'));
  });

  it('a wrong owners’ share is caught against the agreed split in the published compound.yaml', () => {
    const text = new TextDecoder().decode(bytes('public-revenue.csv'));
    // 2025Q1: net 14,293.98 at 70 % is 10,005.79; moving a yuan to the company keeps the sum and breaks the split.
    const wrong = text.replace(
      '2025Q1,2025-04-17,14822.00,528.02,10005.79,4288.19',
      '2025Q1,2025-04-17,14822.00,528.02,10004.79,4289.19',
    );
    assert.notEqual(wrong, text);
    const result = check([['public-revenue.csv', new TextEncoder().encode(wrong)]], true);
    assert.deepEqual(
      errors(result).map((p) => [p.file, p.line, p.field]),
      [['public-revenue.csv', 2, 'owner_share']],
    );
  });

  it('items changed alone are checked against the published summary, and the summary’s problem says whose copy it is', () => {
    const text = new TextDecoder().decode(bytes('public-revenue-items.csv'));
    const changed = text.replace(
      /^(2025Q1,收入,[^,]+,)(\d+)\.(\d\d)/m,
      (_, head, yuan, fen) => `${head}${Number(yuan) + 1}.${fen}`,
    );
    const result = check([['public-revenue-items.csv', new TextEncoder().encode(changed)]], true);
    assert.deepEqual(
      errors(result).map((p) => [p.file, p.field]),
      [
        ['public-revenue.csv（本站公示的版本）', 'income_total'],
        ['public-revenue.csv（本站公示的版本）', 'owner_share'],
      ],
    );
  });
});

describe('a file that is not what its name says', () => {
  it('comes first, and stops the checks that need it instead of cascading', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode('季度')]);
    const result = check(
      [
        ['public-revenue.csv', bytes('public-revenue.csv')],
        ['public-revenue-items.csv', utf16],
      ],
      false,
    );
    assert.deepEqual(
      errors(result).map((p) => [p.file, p.label]),
      [['public-revenue-items.csv', '文件编码']],
    );
    assert.ok(
      result.coverage.skipped.some((s) => s.startsWith('收入合计、支出合计与明细核对（缺少 public-revenue-items.csv')),
    );
  });
});

describe('an Excel workbook', () => {
  it('is checked exactly like its CSV twin, and its problems name the workbook', async () => {
    const fixture = (name: string) =>
      new Uint8Array(readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/submission', name)));
    const given = [{ path: 'fees.xlsx', bytes: fixture('fees-five-mistakes.xlsx') }];
    const read = await Promise.all(given.map(asCsv));
    assert.equal(read[0]?.path, 'fees.csv');
    const fromWorkbook = namedAsGiven(checkFiles(read, { today: TODAY }).problems, given, read);
    const fromCsv = checkFiles([{ path: 'fees.csv', bytes: fixture('fees-five-mistakes.csv') }], {
      today: TODAY,
    }).problems;
    assert.equal(fromCsv.length, 5);
    assert.deepEqual(
      fromWorkbook,
      fromCsv.map((p) => ({ ...p, file: 'fees.xlsx' })),
    );
  });

  it('renamed to .csv, is still read as a workbook', async () => {
    const bytes = new Uint8Array(
      readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/submission/fees-five-mistakes.xlsx')),
    );
    const [read] = await Promise.all([{ path: 'fees.csv', bytes }].map(asCsv));
    assert.ok(read && new TextDecoder().decode(read.bytes).startsWith('收费项目,'));
  });
});
