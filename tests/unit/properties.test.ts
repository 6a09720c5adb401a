/**
 * Property-based tests over the readers and the validator: for generated
 * input, the result is either a list of located problems or records that
 * round-trip through the open-data writer, and never an exception.
 *
 * The seed is fixed and the runs are few, so that CI is quick and repeatable.
 * A larger run on demand, with a seed of your own:
 *
 *   GONGSHI_PROPERTY_RUNS=5000 GONGSHI_PROPERTY_SEED=$RANDOM npm run test:unit -- tests/unit/properties.test.ts
 *
 * A failure prints the seed and the shrunk counterexample to replay.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readTable } from '../../src/core/data/csv-source.ts';
import { toCsv } from '../../src/core/data/csv-writer.ts';
import { readTree } from '../../src/core/data/load-content.ts';
import { formatProblem, type Problem } from '../../src/core/data/problems.ts';
import { COMPOUND_TABLES, type CompoundTableFile } from '../../src/core/data/tables.ts';
import { type SourceFile, validateContent } from '../../src/core/data/validate-content.ts';
import { readYaml } from '../../src/core/data/yaml-source.ts';
import { compoundCsv, compoundRows, compoundTableFile, compoundTables } from '../../src/outputs/open-data.ts';
import { MINIMAL, MINIMAL_TODAY, PROJECT_ROOT, utf8 } from './helpers.ts';

const RUNS = Number(process.env.GONGSHI_PROPERTY_RUNS ?? 150);
const SEED = Number(process.env.GONGSHI_PROPERTY_SEED ?? 20261202);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const minimal = readTree(MINIMAL);
const textOf = (file: string) => new TextDecoder().decode(minimal.find((f) => f.path === file)?.bytes);
const COMPOUND_DIR = 'compounds/ceshi-xiaoqu/';

/** A problem a committee can act on: a file, a line and a column from 1, and a Chinese clause. */
function assertLocated(problem: Problem): void {
  const shown = formatProblem(problem);
  assert.ok(Number.isInteger(problem.line) && problem.line >= 1, shown);
  assert.ok(Number.isInteger(problem.column) && problem.column >= 1, shown);
  assert.match(problem.expected, /\p{Script=Han}/u, shown);
}

// ---------------------------------------------------------------- what gets generated

/** Text that has broken the readers before, or could: separators, quotes, controls, markup, formulas, odd digits. */
const NASTY = [
  ',',
  '"',
  '""',
  '\r\n',
  '\n',
  '\r',
  '\t',
  ';',
  '，',
  '\uFEFF',
  '\u0000',
  '\u202E',
  '\\u202E',
  '\u2066',
  '\u200F',
  '=SUM(A1)',
  '+1',
  '-1',
  '@x',
  '<script>',
  '&#x73;',
  '１２３',
  '1.5E+19',
  '0759',
  '1,234.50元',
  '2026/4/15',
  '2026年第一季度',
  '2026Q1',
  '__proto__',
  'constructor',
  ': ',
  '- ',
  '#',
  '&a',
  '*a',
  '!!binary',
  '{',
  '[',
  '}',
  '\\',
  '\uD800',
  '😀',
  '０',
  '12345',
  '13800000000',
  '110101199003077777',
  "'",
  "'=x",
  "''+1",
];

const piece = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.integer({ min: -1e6, max: 1e12 }).map(String),
);
const cell = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));

/** Each table's text as the sample data has it (content/ has every table; the minimal fixture has not). */
const SAMPLE = readTree(path.join(PROJECT_ROOT, 'content'));
function sampleLines(table: CompoundTableFile): string[] {
  const file = SAMPLE.find((f) => f.path.startsWith('compounds/') && f.path.endsWith(`/${table}`));
  return new TextDecoder().decode(file?.bytes).trimEnd().split(/\r?\n/);
}

/**
 * A row for this table: mostly values that stood in the same column of a sample row, so that
 * many rows are valid and the round trip is exercised, mixed with nasty cells and wrong widths.
 */
function rowOf(table: CompoundTableFile) {
  const [, ...rows] = sampleLines(table);
  const width = Object.keys(COMPOUND_TABLES[table].shape).length;
  const column = (index: number) => {
    const known = rows.map((row) => Papa.parse<string[]>(row).data[0]?.[index] ?? '');
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: cell });
  };
  const exact = fc.tuple(...Array.from({ length: width }, (_, i) => column(i)));
  const ragged = fc.array(cell, { minLength: width - 1, maxLength: width + 1 });
  return fc.oneof({ weight: 8, arbitrary: exact }, { weight: 1, arbitrary: ragged });
}

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A CSV text with the table's real header, then generated rows, as UTF-8 or as arbitrary bytes. */
function csvOf(table: CompoundTableFile) {
  const header = sampleLines(table)[0] ?? '';
  const text = fc
    .array(rowOf(table), { maxLength: 6 })
    .map((rows) => [header, ...rows.map((row) => row.map(quoted).join(','))].join('\r\n'));
  return fc.oneof(
    { weight: 5, arbitrary: text.map(utf8) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  );
}

const TABLES = Object.keys(COMPOUND_TABLES) as CompoundTableFile[];

/** The fixture's compound.yaml with a few edits: text put in, cut out or typed over, anywhere. */
const yamlEdit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: cell });
const editedYaml = fc.array(yamlEdit, { minLength: 1, maxLength: 4 }).map((edits) => {
  let text = textOf(`${COMPOUND_DIR}compound.yaml`);
  for (const { at, cut, put } of edits) {
    const from = at % (text.length + 1);
    text = text.slice(0, from) + put + text.slice(from + cut);
  }
  return utf8(text);
});

// ---------------------------------------------------------------- properties

describe('property: the CSV reader', () => {
  for (const table of TABLES) {
    it(`${table}: located problems, or rows that the open-data writer gives back unchanged`, () => {
      const schema = COMPOUND_TABLES[table];
      let roundTrips = 0;
      fc.assert(
        fc.property(csvOf(table), (bytes) => {
          const read = readTable(table, bytes, schema);
          for (const problem of read.problems) assertLocated(problem);
          assert.deepEqual(new Set(read.problems.map((p) => p.file)), new Set(read.problems.length ? [table] : []));
          if (read.problems.some((p) => p.severity === 'error')) return;
          if (read.rows.length > 0) roundTrips += 1;
          const rows = read.rows.map((r) => r.value);
          const again = readTable(table, utf8(toCsv(schema, rows)), schema);
          assert.deepEqual(again.problems, []);
          assert.deepEqual(
            again.rows.map((r) => r.value),
            rows,
          );
        }),
        settings,
      );
      // Both branches are taken: a generator that only made broken files would prove nothing.
      assert.ok(roundTrips > 0, `none of ${RUNS} generated tables had valid rows`);
    });
  }
});

describe('property: the YAML reader', () => {
  it('any bytes: data or located problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(editedYaml, fc.uint8Array({ maxLength: 400 })), (bytes) => {
        const read = readYaml('compound.yaml', bytes);
        for (const problem of read.problems) assertLocated(problem);
        assert.ok(read.problems.every((p) => p.file === 'compound.yaml'));
        assert.ok(read.data !== undefined || read.problems.length > 0, 'no data without a reason');
      }),
      settings,
    );
  });
});

describe('property: the validator over a whole compound', () => {
  it('edited compound.yaml and tables: located problems, or a record whose downloads read back as it is', () => {
    const files = fc.record({
      yaml: fc.option(editedYaml, { nil: undefined }),
      table: fc.constantFrom(...TABLES).chain((name) => fc.tuple(fc.constant(name), csvOf(name))),
    });
    let published = 0;
    fc.assert(
      fc.property(files, ({ yaml, table: [name, bytes] }) => {
        const tree: SourceFile[] = minimal.map((file) => {
          if (yaml && file.path === `${COMPOUND_DIR}compound.yaml`) return { path: file.path, bytes: yaml };
          if (file.path === `${COMPOUND_DIR}${name}`) return { path: file.path, bytes };
          return file;
        });
        const { bundle, problems } = validateContent(tree, { today: MINIMAL_TODAY, mode: 'tree' });
        for (const problem of problems) assertLocated(problem);
        // Either the tree is refused for a reason, or it is published.
        assert.equal(
          bundle === undefined,
          problems.some((p) => p.severity === 'error'),
        );
        if (!bundle) return;
        published += 1;
        // What is published carries no direction control, however it was written in the files.
        assert.doesNotMatch(JSON.stringify(bundle.compounds), /[\u202A-\u202E\u2066-\u2069]/);
        for (const record of bundle.compounds) {
          for (const download of compoundTables(record)) {
            const file = compoundTableFile(download);
            const back = readTable(file, utf8(compoundCsv(record, download)), COMPOUND_TABLES[file]);
            assert.deepEqual(back.problems, []);
            assert.deepEqual(
              back.rows.map((r) => r.value),
              compoundRows(record, download),
            );
          }
        }
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 3) },
    );
    assert.ok(published > 0, 'some generated compounds are valid and published');
  });
});
