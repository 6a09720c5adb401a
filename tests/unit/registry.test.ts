/**
 * The registry of tables (src/core/data/tables.ts) is the one place a table is
 * declared: validation, the duplicate check, the open data, the templates and
 * the change history each cover exactly its entries, and use its key.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { columnSpecs } from '../../src/core/data/columns.ts';
import { TABLE_FILES, templateCsv } from '../../src/core/data/dictionary.ts';
import { readHistory } from '../../src/core/data/history.ts';
import { readTree } from '../../src/core/data/load-content.ts';
import { formatProblem } from '../../src/core/data/problems.ts';
import { type CompoundTableEntry, isTableFile, TABLES } from '../../src/core/data/tables.ts';
import { type SourceFile, validateContent } from '../../src/core/data/validate-content.ts';
import { lastUpdated, publishedSections, SECTION_ENTRIES, SECTIONS } from '../../src/core/model/sections.ts';
import { compoundSchema } from '../../src/core/schemas/compound.ts';
import { COUNTY_TABLES, compoundTables, countySchema, dataPackage } from '../../src/outputs/open-data.ts';
import { PROJECT_ROOT, utf8 } from './helpers.ts';

/** The sample compound that has every table. */
const SLUG = 'tianshan-huayuan';
const DIR = `compounds/${SLUG}/`;
const TODAY = '2026-11-20';
const sample = readTree(path.join(PROJECT_ROOT, 'content'));
const textOf = (file: string) => new TextDecoder().decode(sample.find((f) => f.path === file)?.bytes);

const validate = (files: SourceFile[]) => validateContent(files, { today: TODAY, mode: 'tree' });
const titlesOf = (table: CompoundTableEntry) => columnSpecs(table.schema);

/** The table's text with the first data row's `column` changed by `change`, quoted as a spreadsheet would. */
function editFirstRow(table: CompoundTableEntry, column: string, change: (value: string) => string): string {
  const rows = Papa.parse<string[]>(textOf(`${DIR}${table.file}`).replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const index = rows[0]?.indexOf(titlesOf(table).find((spec) => spec.key === column)?.title ?? '') ?? -1;
  assert.ok(index >= 0, `${table.file} has a ${column} column`);
  const first = rows[1] as string[];
  first[index] = change(first[index] ?? '');
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

/**
 * A column of the table outside its key, and a new value for it that its schema accepts:
 * changing it corrects a row rather than adding one.
 */
function correction(table: CompoundTableEntry): { column: string; change: (value: string) => string } {
  const key: readonly string[] = table.key;
  const free = titlesOf(table).filter((s) => !key.includes(s.key));
  const text = free.find((s) => s.kind.type === 'string' && !s.kind.enum);
  if (text) return { column: text.key, change: (value) => `${value}（更正）` };
  const date = free.find((s) => s.kind.type === 'date');
  if (date) return { column: date.key, change: (value) => (value === '2026-09-30' ? '2026-09-29' : '2026-09-30') };
  const amount = free.find((s) => s.kind.type === 'fen');
  assert.ok(amount, `${table.file} has a text, date or amount column outside its key`);
  return { column: amount.key, change: (value) => (Number(value) + 0.01).toFixed(2) };
}

it('the sample compound has every table, so that every entry is exercised', () => {
  assert.deepEqual(
    TABLES.map((t) => t.file).filter((file) => !sample.some((f) => f.path === `${DIR}${file}`)),
    [],
  );
});

describe('validation covers exactly the registry', () => {
  it('each table file is read into its record field; any other .csv is refused', () => {
    const { bundle, problems } = validate(sample);
    assert.deepEqual(problems.filter((p) => p.severity === 'error').map(formatProblem), []);
    const record = bundle?.compounds.find((r) => r.slug === SLUG);
    assert.ok(record);
    for (const table of TABLES) {
      const dataLines = textOf(`${DIR}${table.file}`).trimEnd().split('\n').length - 1;
      assert.equal(record[table.field].length, dataLines, `${table.file} → ${table.field}`);
    }
    assert.ok(TABLES.every((t) => isTableFile(t.file)));
    assert.ok(!isTableFile('notes.csv') && !isTableFile('constructor'));
  });

  for (const table of TABLES) {
    it(`${table.file}: a second row with the same key (${table.key.join(' + ')}) is refused`, () => {
      const file = `${DIR}${table.file}`;
      const text = textOf(file).trimEnd();
      const [, first] = text.split('\r\n');
      const files = sample.map((f) => (f.path === file ? { path: f.path, bytes: utf8(`${text}\r\n${first}\r\n`) } : f));
      const duplicates = validate(files).problems.filter((p) => p.expected.includes('重复'));
      assert.deepEqual(
        duplicates.map((p) => [p.file, p.field]),
        [[file, table.key[0]]],
      );
    });
  }
});

describe('open data and templates cover exactly the registry', () => {
  it('a county table per entry, keyed by the compound and the entry’s key', () => {
    const { bundle } = validate(sample);
    assert.ok(bundle);
    assert.deepEqual(COUNTY_TABLES, [
      'compounds',
      ...TABLES.map((t) => t.resource),
      'work-orders-12345',
      'credit-records',
    ]);
    const resources = dataPackage(bundle).resources as { name: string; schema: { primaryKey: string[] } }[];
    for (const table of TABLES) {
      const resource = resources.find((r) => r.name === table.resource);
      const title = (key: string) => titlesOf(table).find((s) => s.key === key)?.title;
      assert.deepEqual(resource?.schema.primaryKey, ['小区标识', ...table.key.map(title)], table.resource);
    }
    const record = bundle.compounds.find((r) => r.slug === SLUG);
    assert.deepEqual(
      record && compoundTables(record),
      TABLES.map((t) => t.resource),
    );
  });

  it('a template per entry, headed by its schema’s titles', () => {
    assert.deepEqual(
      TABLE_FILES,
      TABLES.map((t) => t.file),
    );
    for (const table of TABLES) {
      const header = templateCsv(table.file)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0];
      assert.equal(
        header,
        titlesOf(table)
          .map((s) => s.title)
          .join(','),
        table.file,
      );
    }
  });
});

describe('the change history covers exactly the registry', () => {
  let root: string;
  let texts: Map<string, string[]>;

  const git = (args: string[], when: string) =>
    execFileSync(
      'git',
      ['-c', 'user.name=测试', '-c', 'user.email=test@example.cn', '-c', 'commit.gpgsign=false', ...args],
      { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } },
    );

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-registry-'));
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(root);
    await cp(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
    git(['init', '-q'], '2026-10-01T10:00:00+08:00');
    git(['add', '-A'], '2026-10-01T10:00:00+08:00');
    git(['commit', '-q', '-m', 'First'], '2026-10-01T10:00:00+08:00');
    for (const table of TABLES) {
      const file = path.join(root, 'content', DIR, table.file);
      const { column, change } = correction(table);
      await writeFile(file, editFirstRow(table, column, change));
    }
    git(['commit', '-q', '-am', 'Corrections'], '2026-10-02T10:00:00+08:00');
    const history = readHistory({ contentDir: path.join(root, 'content') });
    assert.ok(history.available);
    const latest = history.compounds.get(SLUG)?.entries[0]?.changes ?? [];
    texts = new Map();
    for (const change of latest) texts.set(change.section, [...(texts.get(change.section) ?? []), change.text]);
  });

  after(async () => {
    delete process.env.GIT_CEILING_DIRECTORIES;
    await rm(root, { recursive: true, force: true });
  });

  for (const table of TABLES) {
    it(`${table.file}: a corrected row is told under ${table.section}, paired by its key`, () => {
      const told = texts.get(table.section) ?? [];
      const title = titlesOf(table).find((s) => s.key === correction(table).column)?.title ?? '';
      assert.ok(
        told.some((text) => text.includes(`：${title} `)),
        `${table.file}: ${JSON.stringify([...texts])}`,
      );
      // Paired, not removed and added again.
      assert.ok(!told.some((text) => text.includes('删除')), told.join('\n'));
    });
  }
});

describe('column kinds are declared, and agree with what the schemas do', () => {
  /** What a column's schema makes of sample input: the guess the declarations replaced, kept as a check. */
  function observed(field: Parameters<typeof columnSpecs>[0]['shape'][string]): string {
    const read = (input: string): unknown => {
      const result = field.safeParse(input);
      return result.success ? result.data : undefined;
    };
    if (read('是') === true) return 'boolean';
    if (read('2026/1/2') === '2026-01-02') return 'date';
    if (read('2026-1') === '2026-01') return 'yearmonth';
    if (read('2026-q1') === '2026Q1') return 'quarter';
    if (read('1元') === 100) return 'fen';
    for (const probe of ['1', '2000']) {
      const value = read(probe);
      if (typeof value !== 'number') continue;
      if (value !== Number(probe)) return 'scaled';
      return typeof read(`${probe}.5`) === 'number' ? 'number' : 'integer';
    }
    return 'string';
  }

  for (const table of COUNTY_TABLES) {
    it(`${table}: every column's declared kind`, () => {
      const schema = countySchema(table);
      const disagree = columnSpecs(schema)
        .map((spec) => [spec.key, spec.kind.type, observed(schema.shape[spec.key] as never)])
        .filter(([, declared, seen]) => declared !== seen);
      assert.deepEqual(disagree, []);
    });
  }
});

describe('the parts of the page (src/core/model/sections.ts)', () => {
  it('every table is shown in a declared part; every part’s compound.yaml key exists', () => {
    const ids: readonly string[] = SECTIONS;
    assert.deepEqual(
      TABLES.filter((table) => !ids.includes(table.section)).map((table) => table.file),
      [],
    );
    const keys = Object.keys(compoundSchema.shape);
    assert.deepEqual(
      SECTION_ENTRIES.flatMap((section) => ('yamlKeys' in section ? section.yamlKeys : [])).filter(
        (key) => !keys.includes(key),
      ),
      [],
    );
    assert.equal(new Set(ids).size, ids.length, 'each part once');
  });

  it('a part with nothing in it is not published, and has no date', () => {
    const { bundle } = validate(sample);
    const record = bundle?.compounds.find((r) => r.slug === SLUG);
    assert.ok(record);
    const empty = {
      ...record,
      fees: [],
      elevators: [],
      elevatorMaintenance: [],
      fireHazards: [],
      waterServices: [],
      utilitySplits: [],
      fundUses: [],
      fundInflows: [],
      fundYears: [],
      revenueQuarters: [],
    };
    // Parts that a compound.yaml key publishes as well as a table (the fund, fire safety) go with their keys.
    const compound = {
      ...record.compound,
      maintenance_fund: undefined,
      fire_safety: undefined,
      elevator_safety: undefined,
    };
    const published = publishedSections({ ...empty, compound });
    assert.deepEqual(
      TABLES.map((table) => table.section).filter((id) => id !== 'public-revenue' && published[id]),
      [],
    );
    assert.equal(lastUpdated({ ...empty, compound }).elevators, undefined);
  });
});
