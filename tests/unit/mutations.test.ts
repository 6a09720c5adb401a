/**
 * The promise to committees, checked exhaustively on the small valid fixture:
 * spoiling ANY cell that holds a number, date, phone or choice, or deleting
 * ANY required YAML field, fails validation with a problem that names the
 * file, the line, the column and the field.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { isMap, isScalar, parseDocument } from 'yaml';
import { columnsOf } from '../../src/core/data/csv-source.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import { COMPOUND_TABLES, type CompoundTableFile } from '../../src/core/data/tables.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const COMPOUND = 'compounds/ceshi-xiaoqu';
const TODAY = '2026-11-20';

let dir: string;

/** Copies the fixture, applies one change to one file, validates. */
async function validateWith(file: string, change: (text: string) => string) {
  const root = await mkdtemp(path.join(dir, 'case-'));
  await cp(FIXTURE, root, { recursive: true });
  const target = path.join(root, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
  const result = await loadContent({ contentDir: root, projectRoot: root, today: TODAY });
  return result.problems.filter((p) => p.severity === 'error');
}

interface CellCase {
  name: CompoundTableFile;
  file: string;
  title: string;
  index: number;
  rows: string[][];
}

// Every cell of the first data row whose type refuses free text: numbers, money, dates, quarters, phones, choices.
const cellCases: CellCase[] = [];
for (const name of Object.keys(COMPOUND_TABLES) as CompoundTableFile[]) {
  const file = `${COMPOUND}/${name}`;
  const text = await readFile(path.join(FIXTURE, file), 'utf8').catch(() => undefined);
  if (text === undefined) continue;
  const rows = Papa.parse<string[]>(text.trim()).data;
  const schema = COMPOUND_TABLES[name];
  for (const column of columnsOf(schema)) {
    const index = rows[0]?.indexOf(column.title) ?? -1;
    const field = (schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[column.key];
    if (index >= 0 && field && !field.safeParse('X').success)
      cellCases.push({ name, file, title: column.title, index, rows });
  }
}

const yamlFile = `${COMPOUND}/compound.yaml`;
const yamlSource = await readFile(path.join(FIXTURE, yamlFile), 'utf8');
const yamlPaths: string[][] = [];
(function walk(node: unknown, prefix: string[]) {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = [...prefix, String(pair.key.value)];
    yamlPaths.push(key);
    walk(pair.value, key);
  }
})(parseDocument(yamlSource).contents, []);

// Registered only after the top-level awaits above: the file-level after() runs as soon as
// the tests registered so far are done, and would remove the folder under later tests.
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gongshi-mutations-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the fixture itself is valid', async () => {
  const { bundle, problems } = await loadContent({ contentDir: FIXTURE, projectRoot: FIXTURE, today: TODAY });
  assert.deepEqual(problems, []);
  assert.equal(bundle?.compounds.length, 2);
});

describe('a non-value in any checked CSV cell is reported at that cell', () => {
  for (const { name, file, title, index, rows } of cellCases) {
    test(`${name} 「${title}」`, async () => {
      const spoiled = rows.map((row, i) => (i === 1 ? row.map((cell, j) => (j === index ? '不是数字X' : cell)) : row));
      const errors = await validateWith(file, () => Papa.unparse(spoiled, { newline: '\n' }));
      const here = errors.filter((p) => p.file === file && p.line === 2 && p.column === index + 1);
      assert.equal(here.length, 1, JSON.stringify(errors, null, 1));
      assert.equal(here[0]?.label, title);
      assert.equal(here[0]?.found, '不是数字X');
    });
  }
  test('covers every table of the fixture', () => {
    assert.equal(new Set(cellCases.map((c) => c.name)).size, 4);
  });
});

describe('deleting any required field of compound.yaml is reported with its line and field', () => {
  let required = 0;
  for (const fieldPath of yamlPaths) {
    test(fieldPath.join('.'), async () => {
      const errors = await validateWith(yamlFile, () => {
        const copy = parseDocument(yamlSource);
        copy.deleteIn(fieldPath);
        return copy.toString();
      });
      const inFile = errors.filter((p) => p.file === yamlFile);
      if (inFile.length === 0) return; // optional: leaving it out is allowed
      required++;
      const named = inFile.find((p) => p.field === fieldPath.join('.'));
      assert.ok(named, `no problem names ${fieldPath.join('.')}: ${JSON.stringify(inFile)}`);
      assert.ok(named.line >= 1 && named.column >= 1);
      assert.equal(named.found, undefined);
    });
  }
  test('most fields of the fixture are required', () => {
    assert.ok(required >= 30, `only ${required} required fields were found`);
  });
});
