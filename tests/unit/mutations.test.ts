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
import { columnsOf } from '../../src/data/csv-source.ts';
import { loadContent } from '../../src/data/load-content.ts';
import { COMPOUND_TABLES, type CompoundTableFile } from '../../src/data/tables.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const COMPOUND = 'compounds/ceshi-xiaoqu';
const TODAY = '2026-11-20';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gongshi-mutations-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies the fixture, applies one change to one file, validates. */
async function validateWith(file: string, change: (text: string) => string) {
  const root = await mkdtemp(path.join(dir, 'case-'));
  await cp(FIXTURE, root, { recursive: true });
  const target = path.join(root, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
  const result = await loadContent({ contentDir: root, projectRoot: root, today: TODAY });
  return result.problems.filter((p) => p.severity === 'error');
}

test('the fixture itself is valid', async () => {
  const { bundle, problems } = await loadContent({ contentDir: FIXTURE, projectRoot: FIXTURE, today: TODAY });
  assert.deepEqual(problems, []);
  assert.equal(bundle?.compounds.length, 2);
});

describe('a non-value in any checked CSV cell is reported at that cell', async () => {
  const tables = Object.keys(COMPOUND_TABLES) as CompoundTableFile[];
  for (const name of tables) {
    const file = `${COMPOUND}/${name}`;
    let text: string;
    try {
      text = await readFile(path.join(FIXTURE, file), 'utf8');
    } catch {
      continue; // the fixture has no such table
    }
    const rows = Papa.parse<string[]>(text.trim()).data;
    const [header = []] = rows;
    const schema = COMPOUND_TABLES[name];
    for (const column of columnsOf(schema)) {
      const index = header.indexOf(column.title);
      // Only cells whose type refuses free text: numbers, money, dates, quarters, phones, choices.
      if (
        index < 0 ||
        (schema.shape[column.key] as { safeParse(v: unknown): { success: boolean } }).safeParse('X').success
      ) {
        continue;
      }
      test(`${name} 「${column.title}」`, async () => {
        const spoiled = rows.map((row, i) =>
          i === 1 ? row.map((cell, j) => (j === index ? '不是数字X' : cell)) : row,
        );
        const errors = await validateWith(file, () => Papa.unparse(spoiled, { newline: '\n' }));
        const here = errors.filter((p) => p.file === file && p.line === 2 && p.column === index + 1);
        assert.equal(here.length, 1, JSON.stringify(errors, null, 1));
        assert.equal(here[0]?.label, column.title);
        assert.equal(here[0]?.found, '不是数字X');
      });
    }
  }
});

describe('deleting any required field of compound.yaml is reported with its line and field', async () => {
  const file = `${COMPOUND}/compound.yaml`;
  const source = await readFile(path.join(FIXTURE, file), 'utf8');
  const doc = parseDocument(source);
  const paths: string[][] = [];
  const walk = (node: unknown, prefix: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = [...prefix, String(pair.key.value)];
      paths.push(key);
      walk(pair.value, key);
    }
  };
  walk(doc.contents, []);
  let required = 0;

  for (const fieldPath of paths) {
    test(fieldPath.join('.'), async () => {
      const errors = await validateWith(file, () => {
        const copy = parseDocument(source);
        copy.deleteIn(fieldPath);
        return copy.toString();
      });
      const inFile = errors.filter((p) => p.file === file);
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
