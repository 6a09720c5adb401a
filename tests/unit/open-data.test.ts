/**
 * The open-data downloads: the county CSVs, read back with the project's own
 * CSV reader, give exactly the records in content/; the JSON and the data
 * package describe the same columns; money leaves as exact yuan.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { columnKind } from '../../src/core/data/columns.ts';
import { columnsOf, readTable } from '../../src/core/data/csv-source.ts';
import { csvQuote, toCsv } from '../../src/core/data/csv-writer.ts';
import { templateCsv } from '../../src/core/data/dictionary.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { ContentBundle } from '../../src/core/data/records.ts';
import { COMPOUND_TABLES, TABLES } from '../../src/core/data/tables.ts';
import { yuanPlain } from '../../src/core/lib/money.ts';
import { coverageBasis, DASHBOARD_LISTS, dashboard, listFindings } from '../../src/core/model/dashboard.ts';
import { compoundRowSchema } from '../../src/core/schemas/open-data.ts';
import {
  COUNTY_TABLES,
  compoundCsv,
  compoundJson,
  compoundRows,
  compoundTableFile,
  compoundTables,
  countyCsv,
  countyJson,
  countyRowCount,
  countyRows,
  countySchema,
  dataPackage,
  openDataFiles,
  toJsonRows,
} from '../../src/outputs/open-data.ts';
import { PROJECT_ROOT, utf8 } from './helpers.ts';

let bundle: ContentBundle;
before(async () => {
  const result = await loadContent({
    projectRoot: PROJECT_ROOT,
    contentDir: path.join(PROJECT_ROOT, 'content'),
    today: '2026-11-20',
  });
  if (!result.bundle) throw new Error(`sample data does not validate: ${result.problems.length} problems`);
  bundle = result.bundle;
});

/** What the project's reader makes of a CSV text: the rows, and any error. */
function readBack(csv: string, schema: Parameters<typeof readTable>[2]) {
  const table = readTable('download.csv', utf8(csv), schema);
  return { rows: table.rows.map((r) => r.value), errors: table.problems.filter((p) => p.severity === 'error') };
}

describe('county CSV round trip', () => {
  for (const table of COUNTY_TABLES) {
    it(`${table}.csv reads back as exactly the records in content/`, () => {
      const csv = countyCsv(bundle, table);
      assert.ok(csv.startsWith('\uFEFF'), 'starts with a byte-order mark');
      const { rows, errors } = readBack(csv, countySchema(table));
      assert.deepEqual(errors, []);
      assert.deepEqual(rows, countyRows(bundle, table));
    });
  }

  it('compounds, quarters and fee items: every one of them, with its values', () => {
    const compounds = readBack(countyCsv(bundle, 'compounds'), countySchema('compounds')).rows;
    assert.equal(compounds.length, bundle.compounds.length);
    for (const record of bundle.compounds) {
      const row = compounds.find((r) => r.compound === record.slug);
      assert.ok(row, record.slug);
      assert.equal(row.name, record.compound.name);
      assert.equal(row.households, record.compound.households);
      assert.equal(row.company, record.compound.company);
      assert.equal(row.community_name, bundle.communities.find((c) => c.slug === record.compound.community)?.name);
    }
    const fees = readBack(countyCsv(bundle, 'fees'), countySchema('fees')).rows;
    const expectedFees = bundle.compounds.flatMap((r) => r.fees.map((fee) => ({ compound: r.slug, ...fee })));
    assert.ok(expectedFees.length > 10);
    assert.deepEqual(
      [...fees].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [...expectedFees].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const quarters = readBack(countyCsv(bundle, 'public-revenue'), countySchema('public-revenue')).rows;
    const expectedQuarters = bundle.compounds.flatMap((r) =>
      r.revenueQuarters.map((quarter) => ({ compound: r.slug, ...quarter })),
    );
    assert.equal(quarters.length, expectedQuarters.length);
    for (const quarter of expectedQuarters)
      assert.ok(quarters.some((q) => JSON.stringify(q) === JSON.stringify(quarter)));
  });

  it('headers are the template headers with 小区标识 in front', () => {
    const header = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    for (const { resource: table } of TABLES) {
      const file = compoundTableFile(table);
      assert.equal(header(countyCsv(bundle, table)), `小区标识,${header(templateCsv(file))}`);
    }
    assert.equal(
      header(countyCsv(bundle, 'compounds')),
      columnsOf(compoundRowSchema)
        .map((c) => c.title)
        .join(','),
    );
  });

  it('money is yuan with exactly two decimals, from fen', () => {
    const csv = countyCsv(bundle, 'fees');
    const priceColumn = csv.split('\r\n')[0]?.split(',').indexOf('收费标准（元）') ?? -1;
    const prices = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[priceColumn]);
    assert.ok(prices.length > 0);
    for (const price of prices) assert.match(price ?? '', /^\d+\.\d{2}$/);
  });
});

describe('per-compound files', () => {
  it('each compound table is in its folder format and reads back with the submission schema', () => {
    for (const record of bundle.compounds) {
      for (const table of compoundTables(record)) {
        const schema = COMPOUND_TABLES[compoundTableFile(table)];
        const { rows, errors } = readBack(compoundCsv(record, table), schema);
        assert.deepEqual(errors, [], `${record.slug} ${table}`);
        assert.deepEqual(rows, compoundRows(record, table));
      }
    }
  });

  it('the compound JSON carries every disclosure, with money as yuan strings', () => {
    const record = bundle.compounds.find((r) => r.compound.maintenance_fund && r.fees.length > 0);
    assert.ok(record);
    const json = JSON.parse(compoundJson(bundle, record));
    assert.equal(json.compound, record.slug);
    assert.equal(json.disclosures.maintenance_fund.balance, yuanPlain(record.compound.maintenance_fund?.balance ?? 0));
    const facts = ['name', 'community', 'address', 'location', 'buildings', 'households', 'floor_area'];
    facts.push('year_built', 'old_compound', 'high_rise', 'management', 'company');
    assert.deepEqual(
      Object.keys(json.disclosures).sort(),
      Object.keys(record.compound)
        .filter((key) => !facts.includes(key))
        .sort(),
    );
    assert.equal(json.disclosures.manager?.name, record.compound.manager?.name);
    assert.equal(json.tables.fees.length, record.fees.length);
    assert.equal(json.tables.fees[0].price, yuanPlain(record.fees[0]?.price ?? 0));
  });
});

describe('JSON and data package', () => {
  it('county JSON has a row per CSV row, English keys, money as strings', () => {
    const fees = JSON.parse(countyJson(bundle, 'fees'));
    assert.equal(fees.length, countyRows(bundle, 'fees').length);
    assert.equal(typeof fees[0].price, 'string');
    assert.match(fees[0].price, /^\d+\.\d{2}$/);
    assert.equal(typeof fees[0].compound, 'string');
  });

  it('describes every table, its fields matching the CSV header, under CC BY 4.0', () => {
    const pkg = dataPackage(bundle) as {
      licenses: { name: string }[];
      resources: {
        name: string;
        path: string;
        schema: { fields: { name: string; type: string }[]; primaryKey?: string[] };
      }[];
    };
    assert.equal(pkg.licenses[0]?.name, 'CC-BY-4.0');
    assert.deepEqual(
      pkg.resources.map((r) => r.name),
      [...COUNTY_TABLES, ...DASHBOARD_LISTS.map((list) => `findings-${list}`)],
    );
    for (const resource of pkg.resources.filter((r) => !r.name.startsWith('findings-'))) {
      const table = resource.name as (typeof COUNTY_TABLES)[number];
      const header = countyCsv(bundle, table)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        ?.split(',');
      assert.deepEqual(
        resource.schema.fields.map((f) => f.name),
        header,
      );
      for (const key of resource.schema.primaryKey ?? []) assert.ok(header?.includes(key), `${table}: ${key}`);
    }
    const fees = pkg.resources.find((r) => r.name === 'fees');
    assert.equal(fees?.schema.fields.find((f) => f.name === '收费标准（元）')?.type, 'number');
    assert.equal(fees?.schema.fields.find((f) => f.name === '计费起始时间')?.type, 'date');
  });
});

describe('the files under /data/', () => {
  it('writes a county table in pieces that add up to the whole table as one JSON value', () => {
    for (const table of COUNTY_TABLES) {
      const rows = toJsonRows(countySchema(table), countyRows(bundle, table));
      const text = countyJson(bundle, table);
      assert.deepEqual(JSON.parse(text), rows, table);
      // One row to a line, between the brackets.
      assert.deepEqual(text.split('\n'), [
        '[',
        ...rows.map((row, i) => `${JSON.stringify(row)}${i < rows.length - 1 ? ',' : ''}`),
        ']',
        '',
      ]);
      assert.equal(countyRowCount(bundle, table), countyRows(bundle, table).length, table);
    }
  });

  it('writes an empty county table as an empty array and a bare header', () => {
    const none = { ...bundle, compounds: [] };
    assert.equal(countyJson(none, 'fees'), '[]\n');
    assert.equal(countyCsv(none, 'fees'), toCsv(countySchema('fees'), []));
    assert.equal(countyRowCount(none, 'fees'), 0);
  });

  it("lists every county table, the data package and each compound's JSON and tables, once each", () => {
    const files = [...openDataFiles(bundle)];
    const paths = files.map((f) => f.path);
    assert.equal(new Set(paths).size, paths.length, 'no path twice');
    for (const table of COUNTY_TABLES) {
      assert.ok(paths.includes(`data/${table}.csv`), table);
      assert.ok(paths.includes(`data/${table}.json`), table);
    }
    assert.ok(paths.includes('data/datapackage.json'));
    for (const record of bundle.compounds) {
      const json = files.find((f) => f.path === `data/c/${record.slug}.json`);
      assert.equal([...(json?.pieces() ?? [])].join(''), compoundJson(bundle, record), record.slug);
      for (const table of compoundTables(record)) {
        const csv = files.find((f) => f.path === `data/c/${record.slug}/${compoundTableFile(table)}`);
        assert.equal(csv?.contentType, 'text/csv; charset=utf-8');
        assert.equal([...(csv?.pieces() ?? [])].join(''), compoundCsv(record, table), `${record.slug} ${table}`);
      }
    }
    for (const list of DASHBOARD_LISTS) {
      assert.ok(paths.includes(`data/findings/${list}.csv`), list);
      assert.ok(paths.includes(`data/findings/${list}.json`), list);
    }
    // Per compound: its JSON, its compound.yaml, its tables and its findings feed; county-wide: the tables, the lists, their feed and the package.
    const perCompound = bundle.compounds.reduce((n, r) => n + 3 + compoundTables(r).length, 0);
    assert.equal(files.length, COUNTY_TABLES.length * 2 + DASHBOARD_LISTS.length * 2 + 2 + perCompound);
  });
});

describe('findings downloads', () => {
  const text = (path: string) =>
    [...([...openDataFiles(bundle)].find((f) => f.path === path)?.pieces() ?? [])].join('');

  it('one row per finding of a list, as CSV that Excel opens (BOM, CRLF) and as JSON with the same rows', () => {
    const board = dashboard(bundle.compounds, bundle.communities, bundle.today);
    for (const list of DASHBOARD_LISTS) {
      const csv = text(`data/findings/${list}.csv`);
      assert.ok(csv.startsWith('\uFEFF小区标识,小区名称,所属社区,规则,状态,情况,起始日期,期限,依据\r\n'), list);
      const json = JSON.parse(text(`data/findings/${list}.json`)) as Record<string, string>[];
      const expected = board.county.lists[list].reduce(
        (n, r) =>
          n + Math.max(listFindings(list, board.findings.get(r.slug) ?? []).length, coverageBasis(list) ? 1 : 0),
        0,
      );
      assert.equal(json.length, expected, list);
      assert.equal(csv.split('\r\n').length - 2, expected, list);
      assert.deepEqual(
        new Set(json.map((row) => row.compound)),
        new Set(board.county.lists[list].map((r) => r.slug)),
        list,
      );
    }
  });

  it('names the rule, level, since, deadline and basis of each finding', () => {
    const json = JSON.parse(text('data/findings/revenue-overdue.json')) as Record<string, string>[];
    const row = json.find((r) => r.compound === 'jinshuiwan');
    assert.ok(row, 'jinshuiwan owes 2026Q1 in the sample data');
    assert.deepEqual(
      [row.name, row.community, row.rule, row.level, row.since, row.deadline, row.basis],
      [
        '金水湾小区',
        '南门社区',
        'public-revenue.quarterly',
        '当前逾期',
        '2026-07-01',
        '2026-06-30',
        '实施方案三（二）11；《民法典》第二百八十二条',
      ],
    );
  });

  it('feeds what opened and what was put right, each entry once, newest first', () => {
    const county = text('data/findings/feed.xml');
    assert.match(county, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const silu = text('data/c/silu-jiayuan/findings.xml');
    assert.match(silu, /<title>丝路嘉园：已补正（曾逾期）<\/title>/);
    assert.match(silu, /2025年第4季度公共收益逾期公示/);
    const ids = [...county.matchAll(/<entry>\n {4}<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
    const times = [...county.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1] ?? '');
    assert.deepEqual(times, [...times].sort().reverse());
  });
});

describe('columnKind', () => {
  const kind = (table: keyof typeof COMPOUND_TABLES, key: string) => {
    const field = (COMPOUND_TABLES[table].shape as Record<string, Parameters<typeof columnKind>[0]>)[key];
    assert.ok(field, `${table} ${key}`);
    return columnKind(field);
  };
  it('tells money, scaled quantities, dates, months, quarters, counts and choices apart', () => {
    assert.deepEqual(kind('fees.csv', 'price'), { type: 'fen' });
    assert.deepEqual(kind('fees.csv', 'base_price'), { type: 'fen' });
    assert.deepEqual(kind('fees.csv', 'effective'), { type: 'date' });
    assert.deepEqual(kind('fees.csv', 'item'), { type: 'string' });
    assert.deepEqual(kind('public-revenue.csv', 'balance'), { type: 'fen' });
    assert.deepEqual(kind('public-revenue.csv', 'quarter'), { type: 'quarter' });
    assert.deepEqual(kind('utility-split.csv', 'usage'), { type: 'scaled', scale: 100 });
    assert.deepEqual(kind('utility-split.csv', 'unit_price'), { type: 'scaled', scale: 10_000 });
    assert.deepEqual(kind('utility-split.csv', 'period'), { type: 'yearmonth' });
    assert.deepEqual(kind('utility-split.csv', 'households'), { type: 'integer' });
    assert.deepEqual(kind('utility-split.csv', 'kind'), { type: 'string', enum: ['水', '电'] });
    const shape = compoundRowSchema.shape;
    assert.deepEqual(columnKind(shape.year_built), { type: 'integer' });
    assert.deepEqual(columnKind(shape.floor_area), { type: 'number' });
    assert.deepEqual(columnKind(shape.old_compound), { type: 'boolean' });
  });
});

describe('cells', () => {
  it('yuanPlain writes exact yuan without separators', () => {
    assert.equal(yuanPlain(0), '0.00');
    assert.equal(yuanPlain(80), '0.80');
    assert.equal(yuanPlain(123456789), '1234567.89');
    assert.equal(yuanPlain(-5), '-0.05');
  });

  it('text that a spreadsheet would run as a formula is kept as text', () => {
    const csv = toCsv(COMPOUND_TABLES['maintenance-fund.csv'], [
      { date: '2026-01-02', item: '=HYPERLINK("x")', amount: 100, approval: '+1' },
    ]);
    assert.match(csv, /"'=HYPERLINK\(""x""\)",1\.00,'\+1/);
  });
});

describe('CSV cells', () => {
  it('are quoted exactly as papaparse quotes them', () => {
    const awkward = [
      '',
      ' ',
      'a',
      ' a',
      'a ',
      'a b',
      '"',
      'a"b',
      'a,b',
      'a\nb',
      'a\r\nb',
      '\uFEFFa',
      "'=1",
      '公示，收费',
      '“引号”',
      '\t',
      '1,234.56',
    ];
    // Every pair too, so that a character only matters where it stands.
    const cells = [...awkward, ...awkward.flatMap((a) => awkward.map((b) => a + b))];
    for (const cell of cells) {
      assert.equal(csvQuote(cell), Papa.unparse([[cell]], { newline: '\r\n' }), JSON.stringify(cell));
    }
  });
});
