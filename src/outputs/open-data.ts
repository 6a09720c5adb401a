/**
 * The open-data downloads at /data/: county-wide tables and each compound's
 * own files, as CSV (UTF-8 with a byte-order mark, Chinese headers, the very
 * titles of the submission templates) and JSON, and a Frictionless Data
 * Package that describes every county table. Pure functions of the validated
 * bundle: src/site/integrations/open-data-files.ts writes what they make, and the unit
 * tests read the CSV back with the project's own reader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type ColumnKind, type ColumnSpec, columnKind, columnSpecs, NO, YES } from '../core/data/columns.ts';
import { csvBody, csvHeader, toCsv } from '../core/data/csv-writer.ts';
import { decodeText } from '../core/data/decode.ts';
import type { CompoundRecord, ContentBundle } from '../core/data/records.ts';
import { COMPOUND_FILE, type CompoundTableEntry, type CompoundTableFile, TABLES } from '../core/data/tables.ts';
import { schemaAt } from '../core/data/zod-issues.ts';
import { t } from '../core/i18n/t.ts';
import { formatScaled } from '../core/lib/format.ts';
import { memoize } from '../core/lib/memo.ts';
import { yuanPlain } from '../core/lib/money.ts';
import { DASHBOARD_LISTS as FINDING_LISTS } from '../core/model/dashboard.ts';
import { compoundSchema } from '../core/schemas/compound.ts';
import { creditRecordSchema } from '../core/schemas/credit-record.ts';
import { type CompoundRow, compoundColumn, compoundRowSchema, findingRowSchema } from '../core/schemas/open-data.ts';
import { workOrderQuarterSchema } from '../core/schemas/work-orders.ts';
import { findingRows, findingsFeed } from './findings-data.ts';

/** The licence of the data; code is MIT, see README. */
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

type ObjectSchema = z.ZodObject<z.core.$ZodLooseShape>;
type Row = Record<string, unknown>;

/** The part of the validated bundle the downloads are made from. */
export type OpenDataSource = Pick<
  ContentBundle,
  'site' | 'today' | 'communities' | 'companies' | 'compounds' | 'oversight'
>;

// ---------------------------------------------------------------- tables

/**
 * County tables the county keeps in content/oversight/ rather than in compound folders: all their rows, and,
 * for a table whose rows name a compound, one compound's rows (on its record, and in its JSON).
 */
const OVERSIGHT_SOURCES = {
  'work-orders-12345': {
    schema: workOrderQuarterSchema,
    key: ['quarter', 'compound'],
    rows: (bundle: OpenDataSource): Row[] => [...bundle.compounds].sort(bySlug).flatMap((r) => r.workOrders ?? []),
    ofCompound: (r: CompoundRecord): Row[] => r.workOrders ?? [],
  },
  'credit-records': {
    schema: creditRecordSchema,
    key: ['company', 'manager_filing', 'date', 'item'],
    rows: (bundle: OpenDataSource): Row[] => bundle.oversight.credit,
    ofCompound: undefined,
  },
} as const;
export type OversightTable = keyof typeof OVERSIGHT_SOURCES;
const isOversightTable = (table: string): table is OversightTable => Object.hasOwn(OVERSIGHT_SOURCES, table);

/** The county-wide tables, in the order /data/ lists them; each is `<name>.csv` and `<name>.json`. */
export const COUNTY_TABLES = [
  'compounds',
  ...TABLES.map((table) => table.resource),
  ...(Object.keys(OVERSIGHT_SOURCES) as OversightTable[]),
] as const;
export type CountyTable = 'compounds' | CompoundTable | OversightTable;
/** A compound table's resource name, from the registry (src/core/data/tables.ts). */
export type CompoundTable = CompoundTableEntry['resource'];

const bySlug = (a: CompoundRecord, b: CompoundRecord) => a.slug.localeCompare(b.slug);

/** Where each table's rows are in a compound folder and in its record, by resource name. */
const SOURCES = new Map(TABLES.map((table) => [table.resource as CompoundTable, table]));
const sourceOf = (table: CompoundTable): CompoundTableEntry => SOURCES.get(table) as CompoundTableEntry;
const isCompoundTable = (table: string): table is CompoundTable => SOURCES.has(table as CompoundTable);

/** A compound's rows of one table, as in its folder. */
export const compoundRows = (record: CompoundRecord, table: CompoundTable): Row[] => record[sourceOf(table).field];

/** Columns that identify a row: the compound, then the registry's key of its table. */
const primaryKey = (table: CountyTable): string[] =>
  table === 'compounds'
    ? ['compound']
    : isOversightTable(table)
      ? [...OVERSIGHT_SOURCES[table].key]
      : ['compound', ...sourceOf(table).key];

/** A compound table's file name in a compound folder (`fees.csv`), which is also its per-compound download. */
export const compoundTableFile = (table: CompoundTable): CompoundTableFile => sourceOf(table).file;

/**
 * The schema of a county table: the compound column, then the columns of the
 * compound file it gathers, so that the header is the template's header with
 * 小区标识 in front and `readTable` reads it back.
 */
export const countySchema = memoize(
  (table: CountyTable): ObjectSchema =>
    table === 'compounds'
      ? compoundRowSchema
      : isOversightTable(table)
        ? OVERSIGHT_SOURCES[table].schema
        : z.strictObject({ compound: compoundColumn, ...sourceOf(table).schema.shape }),
);

/** A compound's row of compounds.csv; absent optional facts stay absent. */
export function compoundRow(bundle: OpenDataSource, record: CompoundRecord): CompoundRow {
  const c = record.compound;
  const community = bundle.communities.find((x) => x.slug === c.community);
  const company = bundle.companies.find((x) => x.slug === c.company);
  return {
    compound: record.slug,
    name: c.name,
    community: c.community,
    community_name: community?.name ?? '',
    address: c.address,
    lat: c.location.lat,
    lon: c.location.lon,
    buildings: c.buildings,
    households: c.households,
    floor_area: c.floor_area,
    year_built: c.year_built,
    old_compound: c.old_compound,
    high_rise: c.high_rise,
    management: c.management,
    ...(c.company !== undefined ? { company: c.company } : {}),
    ...(company ? { company_name: company.name, company_uscc: company.uscc } : {}),
  };
}

/** The rows of a county table, compounds by slug and rows in their file's order, as validated (money in fen). */
export const countyRows = (bundle: OpenDataSource, table: CountyTable): Row[] =>
  [...countyRowsByCompound(bundle, table)].flat();

/** How many rows a county table has, without making them. */
export const countyRowCount = (bundle: OpenDataSource, table: CountyTable): number =>
  table === 'compounds'
    ? bundle.compounds.length
    : isOversightTable(table)
      ? OVERSIGHT_SOURCES[table].rows(bundle).length
      : bundle.compounds.reduce((sum, record) => sum + compoundRows(record, table).length, 0);

/** Each compound's rows of a county table in turn: compounds by slug, rows in their file's order. */
function* countyRowsByCompound(bundle: OpenDataSource, table: CountyTable): Generator<Row[]> {
  if (isOversightTable(table)) {
    yield OVERSIGHT_SOURCES[table].rows(bundle);
    return;
  }
  const records = [...bundle.compounds].sort(bySlug);
  for (const record of records) {
    if (table === 'compounds') yield [compoundRow(bundle, record)];
    else yield compoundRows(record, table).map((row) => ({ compound: record.slug, ...row }));
  }
}

// ---------------------------------------------------------------- CSV and JSON

/** A value for JSON: money and scaled quantities as exact decimal strings ("0.80"), never as floats. */
function jsonValue(kind: ColumnKind, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (kind.type === 'fen') return yuanPlain(value as number);
  if (kind.type === 'scaled') return formatScaled(value as number, kind.scale);
  return value;
}

/** Rows for JSON, with the schema's English keys; a missing optional value is left out. */
export function toJsonRows(schema: ObjectSchema, rows: readonly Row[]): Row[] {
  const specs = columnSpecs(schema);
  return rows.map((row) => {
    const out: Row = {};
    for (const spec of specs) {
      const value = jsonValue(spec.kind, row[spec.key]);
      if (value !== undefined) out[spec.key] = value;
    }
    return out;
  });
}

/**
 * A county-wide file made of one segment per compound. A rebuild over the
 * previous output copies the segment of a compound whose downloads are kept
 * from the file that build wrote, and makes only the others
 * (src/site/integrations/write-site-files.ts): after a change to one compound,
 * the county tables, 300 MB at 10,000 compounds, are mostly copied.
 */
export interface Segmented {
  /** Before the first segment that has text. */
  head: string;
  /** Between two segments that have text. */
  separator: string;
  /** After the last segment that has text. */
  tail: string;
  /** The whole file when no segment has text. */
  empty: string;
  /** Each compound's text ('' when it has none), made only when asked for. */
  segments: () => Iterable<{ owner: string; text: () => string }>;
}

/**
 * A JSON array with one row to a line: as compact as JSON gets, yet a
 * person can still read it, and grep or diff it row by row. (Indented, the
 * county tables were two-fifths larger at 10,000 compounds.) A segment is rows joined by the separator.
 */
export const JSON_ARRAY = { head: '[\n', separator: ',\n', tail: '\n]\n', empty: '[]\n' } as const;

/** A segmented file's text, in pieces. */
export function* segmentedPieces(file: Segmented): Generator<string> {
  let any = false;
  for (const segment of file.segments()) {
    const text = segment.text();
    if (!text) continue;
    yield `${any ? file.separator : file.head}${text}`;
    any = true;
  }
  yield any ? file.tail : file.empty;
}

export function* jsonArrayPieces(rows: Iterable<Row>): Generator<string> {
  yield* segmentedPieces({
    ...JSON_ARRAY,
    segments: function* () {
      for (const row of rows) yield { owner: '', text: () => JSON.stringify(row) };
    },
  });
}

/** A compound county table, CSV or JSON, one segment per compound, compounds by slug. */
function countySegments(bundle: OpenDataSource, table: CompoundTable | 'compounds', format: 'csv' | 'json'): Segmented {
  const schema = countySchema(table);
  const rowsOf = (record: CompoundRecord): Row[] =>
    table === 'compounds'
      ? [compoundRow(bundle, record)]
      : compoundRows(record, table).map((row) => ({ compound: record.slug, ...row }));
  const textOf =
    format === 'csv'
      ? (rows: Row[]) => csvBody(schema, rows)
      : (rows: Row[]) =>
          toJsonRows(schema, rows)
            .map((row) => JSON.stringify(row))
            .join(JSON_ARRAY.separator);
  const frame =
    format === 'csv' ? { head: csvHeader(schema), separator: '', tail: '', empty: csvHeader(schema) } : JSON_ARRAY;
  return {
    ...frame,
    segments: function* () {
      for (const record of [...bundle.compounds].sort(bySlug))
        yield { owner: record.slug, text: () => textOf(rowsOf(record)) };
    },
  };
}

/** A county table as CSV, in pieces: at 10,000 compounds a table is tens of megabytes, never one string. */
export function* countyCsvPieces(bundle: OpenDataSource, table: CountyTable): Generator<string> {
  if (!isOversightTable(table)) {
    yield* segmentedPieces(countySegments(bundle, table, 'csv'));
    return;
  }
  const schema = countySchema(table);
  yield csvHeader(schema) + csvBody(schema, OVERSIGHT_SOURCES[table].rows(bundle));
}

/** A county table as JSON, in pieces (see countyCsvPieces). */
export function* countyJsonPieces(bundle: OpenDataSource, table: CountyTable): Generator<string> {
  if (!isOversightTable(table)) {
    yield* segmentedPieces(countySegments(bundle, table, 'json'));
    return;
  }
  yield* jsonArrayPieces(toJsonRows(countySchema(table), OVERSIGHT_SOURCES[table].rows(bundle)));
}

export const countyCsv = (bundle: OpenDataSource, table: CountyTable): string =>
  [...countyCsvPieces(bundle, table)].join('');

export const countyJson = (bundle: OpenDataSource, table: CountyTable): string =>
  [...countyJsonPieces(bundle, table)].join('');

/** The compound tables a compound has rows in: only those are offered for download. */
export function compoundTables(record: CompoundRecord): CompoundTable[] {
  return COUNTY_TABLES.filter((t): t is CompoundTable => isCompoundTable(t) && compoundRows(record, t).length > 0);
}

/**
 * One compound's table in exactly the format of its folder and of the
 * submission template (no compound column), so that a committee can start
 * its next change from the published file.
 */
export const compoundCsv = (record: CompoundRecord, table: CompoundTable): string =>
  toCsv(sourceOf(table).schema, compoundRows(record, table));

/** The compound.yaml fields that compounds.csv already carries; everything else there is a disclosure. */
const FACT_KEYS = new Set(
  Object.keys(compoundSchema.shape).filter((key) => key in compoundRowSchema.shape || key === 'location'),
);

/** A value of compound.yaml for JSON: any money in it (the fund balance) as a yuan string. */
function yamlJson(value: unknown, path: (string | number)[]): unknown {
  if (typeof value === 'number') {
    const field = schemaAt(compoundSchema, path);
    return field && columnKind(field as z.ZodType).type === 'fen' ? yuanPlain(value) : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => yamlJson(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, yamlJson(item, [...path, key])]));
  }
  return value;
}

/**
 * Everything published about one compound as one JSON document: its facts,
 * every disclosure of compound.yaml (keys as in that file) and every table.
 */
export function compoundJson(bundle: OpenDataSource, record: CompoundRecord): string {
  const disclosures = Object.fromEntries(
    Object.entries(record.compound)
      .filter(([key]) => !FACT_KEYS.has(key))
      .map(([key, value]) => [key, yamlJson(value, [key])]),
  );
  const tables: Record<string, Row[]> = {};
  for (const table of compoundTables(record)) {
    tables[table] = toJsonRows(sourceOf(table).schema, compoundRows(record, table));
  }
  for (const table of Object.keys(OVERSIGHT_SOURCES) as OversightTable[]) {
    const rows = OVERSIGHT_SOURCES[table].ofCompound?.(record) ?? [];
    if (rows.length > 0) tables[table] = toJsonRows(OVERSIGHT_SOURCES[table].schema, rows);
  }
  const document = { ...toJsonRows(compoundRowSchema, [compoundRow(bundle, record)])[0], disclosures, tables };
  return `${JSON.stringify(document)}\n`;
}

// ---------------------------------------------------------------- the files

/** A file of the downloads. */
export interface OpenDataFile {
  /** Where it is under the site root, without a leading slash: `data/fees.csv`. */
  path: string;
  /** The Content-Type it is served with. */
  contentType: string;
  /** Its text, in pieces that are each small enough to hold in memory. */
  pieces: () => Iterable<string>;
  /** The compound whose own file this is (data/c/<slug>…); a county-wide file has none. */
  owner?: string;
  /** A county-wide file of one segment per compound: its pieces are those of these segments. */
  segmented?: Segmented;
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const YAML_TYPE = 'text/yaml; charset=utf-8';

/**
 * Every file under /data/ except the page itself: each county table as CSV
 * and JSON, the data package, and each compound's JSON and tables. The build
 * writes them in one pass (src/site/integrations/open-data-files.ts) and
 * `astro dev` serves them from here.
 */
export function* openDataFiles(bundle: OpenDataSource): Generator<OpenDataFile> {
  for (const table of COUNTY_TABLES) {
    if (isOversightTable(table)) {
      yield { path: `data/${table}.csv`, contentType: CSV_TYPE, pieces: () => countyCsvPieces(bundle, table) };
      yield { path: `data/${table}.json`, contentType: JSON_TYPE, pieces: () => countyJsonPieces(bundle, table) };
      continue;
    }
    for (const [format, contentType] of [
      ['csv', CSV_TYPE],
      ['json', JSON_TYPE],
    ] as const) {
      const segmented = countySegments(bundle, table, format);
      yield { path: `data/${table}.${format}`, contentType, pieces: () => segmentedPieces(segmented), segmented };
    }
  }
  for (const list of FINDING_LISTS) {
    const rows = () => findingRows(bundle, list);
    yield { path: `data/findings/${list}.csv`, contentType: CSV_TYPE, pieces: () => [toCsv(findingRowSchema, rows())] };
    yield {
      path: `data/findings/${list}.json`,
      contentType: JSON_TYPE,
      pieces: () => jsonArrayPieces(toJsonRows(findingRowSchema, rows())),
    };
  }
  yield {
    path: 'data/findings/feed.xml',
    contentType: ATOM_TYPE,
    pieces: () => [
      findingsFeed(bundle, {
        path: 'data/findings/feed.xml',
        title: t('feed.findings.title', { name: bundle.site.county }),
        link: 'dashboard/',
        records: bundle.compounds,
      }),
    ],
  };
  yield {
    path: 'data/datapackage.json',
    contentType: JSON_TYPE,
    pieces: () => [`${JSON.stringify(dataPackage(bundle), null, 2)}\n`],
  };
  for (const record of bundle.compounds) yield* compoundFiles(bundle, record);
}

/** One compound's own downloads: its JSON, its compound.yaml as committed, its findings feed, its tables. */
function* compoundFiles(bundle: OpenDataSource, record: CompoundRecord): Generator<OpenDataFile> {
  const owner = record.slug;
  yield { path: `data/c/${owner}.json`, contentType: JSON_TYPE, owner, pieces: () => [compoundJson(bundle, record)] };
  const yaml = record.files.find((file) => file.endsWith(`/${COMPOUND_FILE}`));
  if (yaml) {
    // Copied as the repository has it, comments included: the file a committee edits, and the context
    // /submit/ checks one file against.
    yield {
      path: `data/c/${owner}/${COMPOUND_FILE}`,
      contentType: YAML_TYPE,
      owner,
      pieces: () => [decodeText(yaml, readFileSync(path.resolve(yaml))).text ?? ''],
    };
  }
  const feed = `data/c/${owner}/findings.xml`;
  yield {
    path: feed,
    contentType: ATOM_TYPE,
    owner,
    pieces: () => [
      findingsFeed(bundle, {
        path: feed,
        title: t('feed.findings.title', { name: record.compound.name }),
        link: `c/${owner}/`,
        records: [record],
      }),
    ],
  };
  for (const table of compoundTables(record)) {
    yield {
      path: `data/c/${owner}/${compoundTableFile(table)}`,
      contentType: CSV_TYPE,
      owner,
      pieces: () => [compoundCsv(record, table)],
    };
  }
}

// ---------------------------------------------------------------- data package

function frictionlessField(spec: ColumnSpec): Row {
  const constraints: Row = {};
  if (spec.required) constraints.required = true;
  const field: Row = {
    // The CSV header is the Chinese title, and a Table Schema matches header to field by name.
    name: spec.title,
    title: spec.title,
    description: spec.description,
    // The key of the same value in the JSON downloads.
    jsonKey: spec.key,
  };
  switch (spec.kind.type) {
    case 'fen':
    case 'scaled':
    case 'number':
      field.type = 'number';
      break;
    case 'integer':
      field.type = 'integer';
      break;
    case 'boolean':
      Object.assign(field, { type: 'boolean', trueValues: [YES], falseValues: [NO] });
      break;
    case 'date':
      field.type = 'date';
      break;
    case 'yearmonth':
      field.type = 'yearmonth';
      break;
    case 'quarter':
      field.type = 'string';
      constraints.pattern = '\\d{4}Q[1-4]';
      break;
    case 'string':
      field.type = 'string';
      if (spec.kind.enum) constraints.enum = spec.kind.enum;
      break;
  }
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

/** The Frictionless Data Package (v2) describing every county table. */
export function dataPackage(bundle: OpenDataSource): Row {
  const base = new URL('data/', bundle.site.base_url).href;
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'gongshi-property-disclosures',
    title: t('data.package.title', { county: bundle.site.county }),
    description: t(bundle.site.sample_data ? 'data.package.descriptionSample' : 'data.package.description', {
      county: bundle.site.county,
    }),
    homepage: base,
    // Not part of the Data Package standard: the county the data are of, read by a province portal (province.ts).
    county: bundle.site.county,
    created: `${bundle.today}T00:00:00+08:00`,
    licenses: [DATA_LICENSE],
    sources: [{ title: t('site.name', { county: bundle.site.county }), path: bundle.site.base_url }],
    resources: [...COUNTY_TABLES.map((table) => countyResource(table)), ...FINDING_LISTS.map(findingsResource)],
  };
}

/** A findings list's resource: the columns of findingRowSchema, keyed by compound and rule. */
function findingsResource(list: (typeof FINDING_LISTS)[number]): Row {
  const specs = columnSpecs(findingRowSchema);
  return {
    name: `findings-${list}`,
    type: 'table',
    path: `findings/${list}.csv`,
    title: t('data.findings.title', { list: t(`dashboard.list.${list}`) }),
    description: t(`dashboard.explain.${list}`),
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    licenses: [DATA_LICENSE],
    schema: { fields: specs.map(frictionlessField) },
  };
}

/** A county table's resource, with its primary key and its reference to the compounds. */
function countyResource(table: CountyTable): Row {
  const titleOf = (key: string) => columnSpecs(countySchema('compounds')).find((s) => s.key === key)?.title ?? key;
  const specs = columnSpecs(countySchema(table));
  const title = (key: string) => specs.find((s) => s.key === key)?.title ?? key;
  const key = primaryKey(table);
  return {
    name: table,
    type: 'table',
    path: `${table}.csv`,
    title: t(`data.table.${table}`),
    description: t(`data.table.${table}.description`),
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    licenses: [DATA_LICENSE],
    schema: {
      fields: specs.map(frictionlessField),
      primaryKey: key.map(title),
      ...(table === 'compounds' || !specs.some((s) => s.key === 'compound')
        ? {}
        : {
            foreignKeys: [
              { fields: [title('compound')], reference: { resource: 'compounds', fields: [titleOf('compound')] } },
            ],
          }),
    },
  };
}
