/**
 * What changed in each compound's disclosures, read from git: for every
 * commit that touched a compound folder, the folder before and after is read
 * with the project's own readers and compared record by record, so that the
 * page can say 「住宅物业服务费 0.80 → 0.95 元/㎡·月，2026年3月1日起」 rather
 * than show a diff. Node only (it runs git). Outside a git checkout, or
 * without git, there is no history and the page says so; it never guesses.
 *
 * The dates are the commits' own, never the clock's, so a build is
 * reproducible. Only first-parent commits count: on a repository merged by
 * pull request that is the day a change was published on main.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { type StringKey, t } from '../i18n/t.ts';
import strings from '../i18n/zh-CN.json' with { type: 'json' };
import { dateFromEpochSeconds } from '../lib/calendar.ts';
import { formatDate, formatMonth, formatQuarter, formatScaled } from '../lib/format.ts';
import { groupBy } from '../lib/group.ts';
import { memoize } from '../lib/memo.ts';
import { formatYuan } from '../lib/money.ts';
import { PART_YAML_KEYS, type SectionId, YAML_SECTIONS } from '../model/sections.ts';
import { type Compound, compoundSchema } from '../schemas/compound.ts';
import type { FeeItem } from '../schemas/fee-item.ts';
import type { RevenueItem, RevenueQuarter } from '../schemas/public-revenue.ts';
import { type ColumnKind, columnKind, columnSpecs } from './columns.ts';
import { readTable } from './csv-source.ts';
import { git, onFirstParentLine, readBlobs } from './git.ts';
import { readKept, writeKept } from './kept-file.ts';
import { COMPOUND_FILE, COMPOUND_TABLES, type CompoundTableFile, rowKey, tableOf } from './tables.ts';
import { readYaml } from './yaml-source.ts';
import { check, labelFor, schemaAt } from './zod-issues.ts';

/** A part of the compound page, or its basic facts (name, address, company…). */
export type HistorySection = SectionId | 'facts';

export interface HistoryChange {
  section: HistorySection;
  /** One readable sentence, in Chinese. */
  text: string;
}

export interface HistoryEntry {
  /** Full commit hash. */
  commit: string;
  /** Committer time in ISO 8601 with its offset, as feeds want it. */
  time: string;
  /** Committer day in China Standard Time, YYYY-MM-DD. */
  date: string;
  /** The commit on the repository's website, when content/site.yaml names one. */
  url: string | undefined;
  /** The compound folder first appears in this commit. */
  created: boolean;
  changes: HistoryChange[];
}

export interface CompoundHistory {
  slug: string;
  /** Newest first. Commits that changed nothing a resident can see (a reordered column, an `updated` date) are left out. */
  entries: HistoryEntry[];
  /** Older commits exist that were not read (the cap, or a shallow clone). */
  truncated: boolean;
}

export type History =
  | { available: false }
  | {
      available: true;
      /** Every compound folder that has commits; a compound not yet committed is not here. */
      compounds: Map<string, CompoundHistory>;
    };

export interface HistoryOptions {
  /** Absolute path of the content folder; it may be anywhere inside the repository. */
  contentDir: string;
  /** Web address of the repository, for links to commits (`<url>/commit/<hash>`). */
  repositoryUrl?: string | undefined;
  /** Commits read per compound, newest first: the cap that keeps the build fast. */
  maxCommitsPerCompound?: number;
  /** Names to show instead of the slugs compound.yaml refers to. */
  names?: { communities?: ReadonlyMap<string, string>; companies?: ReadonlyMap<string, string> };
  /** Where the commits read are kept (history-log.v8), so that the next build asks git only for newer ones. */
  cacheDir?: string | undefined;
  /**
   * The digest of the code that says the changes (validation-cache.ts programDigest): with a cacheDir, each
   * comparison's sentences are kept under it (history-changes.v8) and only new comparisons are made.
   */
  program?: string | undefined;
}

export const DEFAULT_MAX_COMMITS = 20;
/** No build walks more than this many commits of content/compounds, whatever the repository's age. */
const MAX_LOG = 2000;

/** A blob id of all zeros: the file does not exist on that side of a change. */
const NO_FILE = /^0+$/;

interface FileChange {
  slug: string;
  file: string;
  /** The file's blob before and after the commit; undefined where it does not exist. */
  before: string | undefined;
  after: string | undefined;
}

interface Commit {
  hash: string;
  seconds: number;
  time: string;
  /** The files of compound folders this commit changed, against its first parent. */
  changes: FileChange[];
}

/** `git log --raw` records: ":<mode> <mode> <old> <new> <status>\tcompounds/<slug>/<file>" after each commit's line. */
function parseLog(text: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split('\x1e')) {
    if (!record.trim()) continue;
    const [head = '', ...lines] = record.split('\n');
    const [hash = '', seconds = '', time = ''] = head.split('\x1f');
    if (!/^[0-9a-f]{40,64}$/.test(hash)) continue;
    const changes: FileChange[] = [];
    for (const line of lines) {
      const raw = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*\tcompounds\/([^/]+)\/(.+)$/.exec(line);
      if (!raw) continue;
      const [, before = '', after = '', slug = '', file = ''] = raw;
      changes.push({
        slug,
        file,
        before: NO_FILE.test(before) ? undefined : before,
        after: NO_FILE.test(after) ? undefined : after,
      });
    }
    commits.push({ hash, seconds: Number(seconds), time, changes });
  }
  return commits;
}

/** Each compound folder's files at HEAD, by blob id: `git ls-tree -r` lines "<mode> blob <id>\tcompounds/<slug>/<file>". */
function parseTree(text: string): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const line of text.split('\n')) {
    const entry = /^\d+ blob ([0-9a-f]+)\tcompounds\/([^/]+)\/(.+)$/.exec(line);
    if (!entry) continue;
    const [, id = '', slug = '', file = ''] = entry;
    const files = folders.get(slug) ?? new Map<string, string>();
    files.set(file, id);
    folders.set(slug, files);
  }
  return folders;
}

// ---------------------------------------------------------------- reading one version of a folder

const FILES = [COMPOUND_FILE, ...(Object.keys(COMPOUND_TABLES) as CompoundTableFile[])] as const;
/** Told together: a change to either is read with both, before and after. */
const REVENUE_FILES = ['public-revenue.csv', 'public-revenue-items.csv'] as const;

interface Part<T> {
  bytes: Uint8Array | undefined;
  /** Undefined when the file is absent or does not read under today's schema. */
  value: T | undefined;
  readable: boolean;
}

type Version = {
  compound: Part<Compound>;
  tables: { [F in CompoundTableFile]: Part<z.output<(typeof COMPOUND_TABLES)[F]>[]> };
};

/**
 * A part read only when first asked for: most versions are compared by their
 * bytes alone, and a compound's first commit is not compared at all.
 */
function lazyPart<T>(
  bytes: Uint8Array | undefined,
  absent: T | undefined,
  read: (bytes: Uint8Array) => Part<T>,
): Part<T> {
  let done: Part<T> | undefined;
  const part = () => {
    done ??= bytes ? read(bytes) : { bytes, value: absent, readable: true };
    return done;
  };
  return {
    bytes,
    get value() {
      return part().value;
    },
    get readable() {
      return part().readable;
    },
  };
}

/** Reads the files of one version, loosely: each file on its own, as a committee's checker would. */
function readVersion(files: Map<string, Uint8Array>): Version {
  const compound = lazyPart<Compound>(files.get(COMPOUND_FILE), undefined, (bytes) => {
    const source = readYaml(COMPOUND_FILE, bytes);
    const checked = source.problems.some((p) => p.severity === 'error')
      ? undefined
      : check(compoundSchema, source.data);
    return checked?.ok ? { bytes, value: checked.value, readable: true } : { bytes, value: undefined, readable: false };
  });
  const tables = {} as Record<CompoundTableFile, Part<unknown[]>>;
  for (const name of Object.keys(COMPOUND_TABLES) as CompoundTableFile[]) {
    tables[name] = lazyPart<unknown[]>(files.get(name), [], (bytes) => {
      const table = readTable(name, bytes, COMPOUND_TABLES[name]);
      const readable = !table.problems.some((p) => p.severity === 'error');
      return { bytes, value: readable ? table.rows.map((r) => r.value) : undefined, readable };
    });
  }
  return { compound, tables: tables as Version['tables'] };
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a === b || (a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b)));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ---------------------------------------------------------------- saying values

type Names = NonNullable<HistoryOptions['names']>;

/** A table cell as the page would print it. */
function sayCell(kind: ColumnKind, value: unknown): string {
  if (value === undefined || value === '') return t('history.empty');
  switch (kind.type) {
    case 'fen':
      return t('history.yuan', { amount: formatYuan(value as number) });
    case 'scaled':
      return formatScaled(value as number, kind.scale);
    case 'date':
      return formatDate(String(value));
    case 'yearmonth':
      return formatMonth(String(value));
    case 'quarter':
      return formatQuarter(String(value));
    case 'boolean':
      return t(value ? 'history.yes' : 'history.no');
    default:
      return String(value);
  }
}

/** A compound.yaml value as a resident would read it. */
function sayYaml(fieldPath: (string | number)[], value: unknown, names: Names): string {
  if (value === undefined || value === null || value === '') return t('history.empty');
  const key = fieldPath.at(-1);
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') {
    const field = schemaAt(compoundSchema, fieldPath);
    return field ? sayCell(columnKind(field as z.ZodType), value) : String(value);
  }
  if (typeof value === 'string') {
    if (fieldPath.length === 1 && key === 'management') return t(`management.${value as Compound['management']}`);
    if (fieldPath.length === 1 && key === 'community') return names.communities?.get(value) ?? value;
    if (fieldPath.length === 1 && key === 'company') return names.companies?.get(value) ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}Q[1-4]$/.test(value)) return formatQuarter(value);
    const choice = `value.${value}`;
    return choice in strings ? t(choice as StringKey) : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => sayYaml([...fieldPath, i], item, names)).join('；');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, item]) => sayYaml([...fieldPath, k], item, names))
      .join('，');
  }
  return String(value);
}

// ---------------------------------------------------------------- compound.yaml

/** `五备案 › 物业服务合同备案 › 备案状态` without the part's own name, which the page already shows. */
function fieldLabel(fieldPath: (string | number)[]): string {
  const label = labelFor(compoundSchema, fieldPath);
  if (fieldPath.length === 1) return label;
  return label.split(' › ').slice(1).join(' › ');
}

function diffYamlValue(
  fieldPath: (string | number)[],
  before: unknown,
  after: unknown,
  names: Names,
  out: string[],
): void {
  if (same(before, after)) return;
  // A new `updated` date alone says the part was checked, not that anything in it changed.
  if (fieldPath.at(-1) === 'updated') return;
  const field = fieldLabel(fieldPath);
  if (Array.isArray(before) && Array.isArray(after)) {
    const removed = before.filter((item) => !after.some((other) => same(item, other)));
    const added = after.filter((item) => !before.some((other) => same(item, other)));
    for (const item of removed) {
      out.push(t('history.listRemoved', { field, value: sayYaml([...fieldPath, 0], item, names) }));
    }
    for (const item of added) {
      out.push(t('history.listAdded', { field, value: sayYaml([...fieldPath, 0], item, names) }));
    }
    return;
  }
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diffYamlValue([...fieldPath, key], a[key], b[key], names, out);
    }
    return;
  }
  if (before === undefined) out.push(t('history.fieldSet', { field, value: sayYaml(fieldPath, after, names) }));
  else if (after === undefined)
    out.push(t('history.fieldCleared', { field, value: sayYaml(fieldPath, before, names) }));
  else {
    out.push(
      t('history.fieldChanged', {
        field,
        old: sayYaml(fieldPath, before, names),
        new: sayYaml(fieldPath, after, names),
      }),
    );
  }
}

function diffCompound(before: Compound | undefined, after: Compound, names: Names): HistoryChange[] {
  const changes: HistoryChange[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]) as Set<keyof Compound>;
  for (const key of keys) {
    const section = YAML_SECTIONS[key];
    const a = before?.[key];
    const b = after[key];
    if (same(a, b)) continue;
    // A part is published or withdrawn with its own key; a second key in it (governance under the committee) is a field.
    const whole = section !== undefined && PART_YAML_KEYS.has(key);
    if (whole && a === undefined) {
      changes.push({ section, text: t('history.partPublished', { part: t(`section.${section}`) }) });
    } else if (whole && b === undefined) {
      changes.push({ section, text: t('history.partWithdrawn', { part: t(`section.${section}`) }) });
    } else {
      const texts: string[] = [];
      diffYamlValue([key], a, b, names, texts);
      for (const text of texts) changes.push({ section: section ?? 'facts', text });
    }
  }
  return changes;
}

// ---------------------------------------------------------------- tables

type Row = Record<string, unknown>;

/**
 * What changed in the columns of a row that is in both versions (the same key, from the
 * registry in tables.ts), as `{field}：{old} → {new}`.
 */
function rowCorrections(file: CompoundTableFile, before: Row, after: Row): string[] {
  const key: readonly string[] = tableOf(file).key;
  return columnSpecs(COMPOUND_TABLES[file])
    .filter((spec) => !key.includes(spec.key) && !same(before[spec.key], after[spec.key]))
    .map((spec) =>
      t('history.cellChanged', {
        field: spec.title,
        old: sayCell(spec.kind, before[spec.key]),
        new: sayCell(spec.kind, after[spec.key]),
      }),
    );
}

/** Fee rows by 收费项目 + 收费对象: a later 计费起始时间 is a price change, a new item is new, a vanished one removed. */
function diffFees(before: FeeItem[], after: FeeItem[]): string[] {
  const out: string[] = [];
  const group = (f: FeeItem) => `${f.item}\u0000${f.payer}`;
  const key = rowKey('fees.csv');
  // The payer is named only where one item is charged to several payers.
  const payers = new Map<string, Set<string>>();
  for (const f of [...before, ...after]) payers.set(f.item, (payers.get(f.item) ?? new Set()).add(f.payer));
  const label = (f: FeeItem) =>
    (payers.get(f.item)?.size ?? 0) > 1 ? t('history.fee.itemPayer', { item: f.item, payer: f.payer }) : f.item;
  const price = (f: FeeItem) => t('history.fee.price', { amount: formatYuan(f.price), unit: f.unit });

  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const beforeGroups = new Set(before.map(group));
  const afterGroups = new Set(after.map(group));
  const added = after.filter((f) => !beforeKeys.has(key(f))).sort((a, b) => a.effective.localeCompare(b.effective));
  const removed = before.filter((f) => !afterKeys.has(key(f)));
  const replaced = new Set<FeeItem>();

  for (const fee of added) {
    // The price it follows: the latest earlier one, kept or just replaced (a row edited in place).
    const earlier = [...after.filter((f) => f !== fee), ...removed]
      .filter((f) => group(f) === group(fee) && f.effective < fee.effective)
      .sort((a, b) => a.effective.localeCompare(b.effective))
      .at(-1);
    if (earlier) {
      if (removed.includes(earlier)) replaced.add(earlier);
      out.push(
        earlier.unit === fee.unit
          ? t('history.fee.change', {
              item: label(fee),
              old: formatYuan(earlier.price),
              new: formatYuan(fee.price),
              unit: fee.unit,
              date: formatDate(fee.effective),
            })
          : t('history.fee.changeUnit', {
              item: label(fee),
              old: price(earlier),
              new: price(fee),
              date: formatDate(fee.effective),
            }),
      );
    } else if (!beforeGroups.has(group(fee))) {
      out.push(t('history.fee.added', { item: label(fee), price: price(fee), date: formatDate(fee.effective) }));
    } else {
      out.push(t('history.fee.rowAdded', { item: label(fee), price: price(fee), date: formatDate(fee.effective) }));
    }
  }
  const goneGroups = new Set<string>();
  for (const fee of removed) {
    if (replaced.has(fee)) continue;
    if (!afterGroups.has(group(fee))) {
      if (!goneGroups.has(group(fee))) out.push(t('history.fee.removed', { item: label(fee) }));
      goneGroups.add(group(fee));
    } else {
      out.push(t('history.fee.rowRemoved', { item: label(fee), price: price(fee), date: formatDate(fee.effective) }));
    }
  }
  for (const fee of after) {
    const old = before.find((f) => key(f) === key(fee));
    if (!old) continue;
    for (const change of rowCorrections('fees.csv', old, fee)) {
      out.push(
        t('history.corrected', {
          what: t('history.fee.row', { item: label(fee), date: formatDate(fee.effective) }),
          change,
        }),
      );
    }
  }
  return out;
}

/** Quarters added, withdrawn or corrected, with their items. */
function diffRevenue(
  before: { quarters: RevenueQuarter[]; items: RevenueItem[] },
  after: { quarters: RevenueQuarter[]; items: RevenueItem[] },
): string[] {
  const out: string[] = [];
  const sum = (items: RevenueItem[], quarter: string, kind: RevenueItem['kind']) =>
    items.filter((i) => i.quarter === quarter && i.kind === kind).reduce((total, i) => total + i.amount, 0);
  const quarters = [...new Set([...before.quarters, ...after.quarters].map((q) => q.quarter))].sort();
  for (const quarter of quarters) {
    const old = before.quarters.find((q) => q.quarter === quarter);
    const now = after.quarters.find((q) => q.quarter === quarter);
    const name = formatQuarter(quarter);
    if (!old && now) {
      out.push(
        t('history.quarter.added', {
          quarter: name,
          income: formatYuan(sum(after.items, quarter, '收入')),
          expense: formatYuan(sum(after.items, quarter, '支出')),
          balance: formatYuan(now.balance),
        }),
      );
      continue;
    }
    if (old && !now) {
      out.push(t('history.quarter.removed', { quarter: name }));
      continue;
    }
    if (old && now) {
      for (const change of rowCorrections('public-revenue.csv', old, now)) {
        out.push(t('history.corrected', { what: t('history.quarter.name', { quarter: name }), change }));
      }
    }
    // Items of a quarter in both versions: by 收支类别 + 项目.
    const itemKey = (i: RevenueItem) => `${i.kind}\u0000${i.item}`;
    const oldItems = before.items.filter((i) => i.quarter === quarter);
    const newItems = after.items.filter((i) => i.quarter === quarter);
    for (const item of newItems) {
      const was = oldItems.find((i) => itemKey(i) === itemKey(item));
      const what = t('history.quarter.item', { quarter: name, kind: item.kind, item: item.item });
      if (!was) out.push(t('history.added', { what, detail: t('history.yuan', { amount: formatYuan(item.amount) }) }));
      else {
        for (const change of rowCorrections('public-revenue-items.csv', was, item)) {
          out.push(t('history.corrected', { what, change }));
        }
      }
    }
    for (const item of oldItems) {
      if (newItems.some((i) => itemKey(i) === itemKey(item))) continue;
      out.push(
        t('history.removed', { what: t('history.quarter.item', { quarter: name, kind: item.kind, item: item.item }) }),
      );
    }
  }
  return out;
}

/** More row changes than this in one table in one commit are said as one count: a year of visits is one line. */
const ROWS_SAID_ONE_BY_ONE = 6;

/**
 * Rows of a table matched by the registry's key: each added, removed or corrected row in one sentence, or, when
 * a commit changes many rows of the table at once, one sentence counting them.
 */
function diffRows<R extends Row>(
  file: CompoundTableFile,
  before: R[],
  after: R[],
  what: (row: R) => string,
  detail: (row: R) => string,
): string[] {
  const out: string[] = [];
  const key = rowKey(file);
  const beforeByKey = new Map(before.map((row) => [key(row), row]));
  const afterKeys = new Set(after.map(key));
  let added = 0;
  let corrected = 0;
  for (const row of after) {
    const old = beforeByKey.get(key(row));
    if (!old) {
      added += 1;
      out.push(t('history.added', { what: what(row), detail: detail(row) }));
    } else {
      const changes = rowCorrections(file, old, row);
      if (changes.length > 0) corrected += 1;
      for (const change of changes) out.push(t('history.corrected', { what: what(row), change }));
    }
  }
  const removed = before.filter((row) => !afterKeys.has(key(row)));
  for (const row of removed) out.push(t('history.removed', { what: what(row) }));
  if (out.length <= ROWS_SAID_ONE_BY_ONE) return out;
  const table = t(`data.table.${tableOf(file).resource}` as StringKey);
  return [t('history.rowsCounted', { table, added, corrected, removed: removed.length })];
}

/** Every change between two versions of a compound folder, by part of the page. */
function diffVersions(before: Version, after: Version, names: Names): HistoryChange[] {
  const changes: HistoryChange[] = [];
  const unreadable = (section: HistorySection) =>
    changes.push({
      section,
      text: t('history.unreadable', { part: section === 'facts' ? t('history.facts') : t(`section.${section}`) }),
    });
  const add = (section: SectionId, texts: string[]) => {
    for (const text of texts) changes.push({ section, text });
  };

  if (!sameBytes(before.compound.bytes, after.compound.bytes)) {
    if (after.compound.value && before.compound.readable) {
      changes.push(...diffCompound(before.compound.value, after.compound.value, names));
    } else unreadable('facts');
  }

  /** A table's changes, filed under its section of the page (the registry's, tables.ts). */
  const table = <F extends CompoundTableFile>(file: F, diff: (a: Version, b: Version) => string[]) => {
    const { section } = tableOf(file);
    const a = before.tables[file];
    const b = after.tables[file];
    if (sameBytes(a.bytes, b.bytes)) return;
    if (!a.readable || !b.readable) unreadable(section);
    else add(section, diff(before, after));
  };
  /** A table whose rows are told one by one (or counted), paired by the registry's key. */
  const rows = <F extends CompoundTableFile>(
    file: F,
    what: (row: z.output<(typeof COMPOUND_TABLES)[F]>) => string,
    detail: (row: z.output<(typeof COMPOUND_TABLES)[F]>) => string,
  ) => table(file, (a, b) => diffRows(file, a.tables[file].value ?? [], b.tables[file].value ?? [], what, detail));
  table('fees.csv', (a, b) => diffFees(a.tables['fees.csv'].value ?? [], b.tables['fees.csv'].value ?? []));

  if (REVENUE_FILES.some((f) => !sameBytes(before.tables[f].bytes, after.tables[f].bytes))) {
    if (REVENUE_FILES.some((f) => !before.tables[f].readable || !after.tables[f].readable))
      unreadable('public-revenue');
    else {
      const revenue = (v: Version) => ({
        quarters: v.tables['public-revenue.csv'].value ?? [],
        items: v.tables['public-revenue-items.csv'].value ?? [],
      });
      add('public-revenue', diffRevenue(revenue(before), revenue(after)));
    }
  }

  rows(
    'maintenance-fund.csv',
    (u) => t('history.fund.use', { date: formatDate(u.date), item: u.item }),
    (u) => t('history.yuan', { amount: formatYuan(u.amount) }),
  );
  rows(
    'maintenance-fund-inflows.csv',
    (i) => t('history.fundInflow', { date: formatDate(i.date), kind: i.kind }),
    (i) => t('history.yuan', { amount: formatYuan(i.amount) }),
  );
  rows(
    'maintenance-fund-years.csv',
    (y) => t('history.fundYear', { year: y.year }),
    (y) => t('history.fundYear.detail', { opening: formatYuan(y.opening), closing: formatYuan(y.closing) }),
  );
  rows(
    'elevators.csv',
    (e) => t('history.elevator', { location: e.location, number: e.register_number }),
    (e) => t('history.elevator.detail', { contractor: e.contractor, next: formatDate(e.next_inspection) }),
  );
  rows(
    'elevator-maintenance.csv',
    (m) => t('history.elevatorVisit', { date: formatDate(m.date), number: m.register_number }),
    (m) => t('history.elevatorVisit.detail', { record: m.record_number }),
  );
  rows(
    'fire-hazards.csv',
    (h) => t('history.fireHazard', { hazard: h.hazard, location: h.location }),
    (h) => t('history.fireHazard.detail', { deadline: formatDate(h.deadline) }),
  );
  rows(
    'water-supply.csv',
    (w) => t('history.water', { date: formatDate(w.date), kind: w.kind }),
    (w) => t('history.water.detail', { report: w.report_number }),
  );
  rows(
    'utility-split.csv',
    (u) => t('history.utility', { month: formatMonth(u.period), kind: u.kind, scope: u.scope }),
    (u) => t('history.utility.detail', { amount: formatYuan(u.amount), perHousehold: formatYuan(u.per_household) }),
  );
  return changes;
}

// ---------------------------------------------------------------- the whole history

/** The arguments of the `git log` whose output parseLog reads, newest commit first. */
const LOG_ARGS = [
  'log',
  '--first-parent',
  `--max-count=${MAX_LOG}`,
  '--format=%x1e%H%x1f%ct%x1f%cI',
  '--raw',
  '--no-abbrev',
  '--no-renames',
  '--relative',
];
const LOG_FILE = 'history-log.v8';

/** The commits read at `head`, kept for the next build. */
interface LogCheckpoint {
  /** The digest of the reading code and its arguments: a change to either reads everything again. */
  reader: string;
  prefix: string;
  head: string;
  commits: Commit[];
}

const readerDigest = () =>
  createHash('sha256')
    .update(`${parseLog}\0${JSON.stringify(LOG_ARGS)}`)
    .digest('hex');

/**
 * The newest MAX_LOG first-parent commits that changed compounds/, parsed. With a cache folder,
 * only the commits since the last build's head are asked of git (for each commit git compares
 * the whole compounds/ tree: 10 s of a 17 s read at 10,000 compounds and 1,326 commits), when that
 * head is on this one's first-parent line; the result is the same list either way.
 */
function readLog(cwd: string, prefix: string, cacheDir: string | undefined): Commit[] | undefined {
  const head = git(cwd, ['rev-parse', 'HEAD'])?.trim();
  if (!head) return undefined;
  const file = cacheDir && path.join(cacheDir, LOG_FILE);
  const reader = readerDigest();
  const stored = file ? readKept<LogCheckpoint>(file) : undefined;
  const from =
    stored?.reader === reader && stored.prefix === prefix && onFirstParentLine(cwd, stored.head, head)
      ? stored
      : undefined;
  if (from?.head === head) return from.commits;
  const log = git(cwd, [...LOG_ARGS, from ? `${from.head}..${head}` : head, '--', 'compounds']);
  if (log === undefined) return undefined;
  const commits = [...parseLog(log), ...(from?.commits ?? [])].slice(0, MAX_LOG);
  if (file) writeKept(file, { reader, prefix, head, commits } satisfies LogCheckpoint);
  return commits;
}

/** The history of every compound folder in the content folder's repository, or `available: false`. */
export function readHistory(options: HistoryOptions): History {
  const cwd = options.contentDir;
  const cap = options.maxCommitsPerCompound ?? DEFAULT_MAX_COMMITS;
  const names = options.names ?? {};
  // Fails outside a checkout or without git: then there is no history to tell.
  const prefix = git(cwd, ['rev-parse', '--show-prefix'])?.trim();
  if (prefix === undefined) return { available: false };

  // In a shallow clone the oldest commit has no parent to compare with: it is where reading stops, not a creation.
  const shallowFile = git(cwd, ['rev-parse', '--git-path', 'shallow'])?.trim();
  const shallow = new Set<string>();
  if (shallowFile) {
    try {
      for (const line of readFileSync(path.resolve(cwd, shallowFile), 'utf8').split('\n')) {
        if (line.trim()) shallow.add(line.trim());
      }
    } catch {
      // Not shallow: git writes the file only for a shallow clone.
    }
  }
  // A shallow clone's history ends where the clone does: nothing of it is kept for later.
  const log = readLog(cwd, prefix, shallow.size === 0 ? options.cacheDir : undefined);
  // Every file's blob at HEAD. Walking back through each commit's changes from here gives the blobs of
  // every version without asking git for `<commit>:<path>`, which reads the whole compounds/ tree each
  // time: at 10,000 compounds that took five minutes, this takes a second.
  const tree = git(cwd, ['ls-tree', '-r', 'HEAD', '--', 'compounds']);
  if (log === undefined || tree === undefined) return { available: false };

  interface Step {
    commit: Commit;
    before: Map<string, string>;
    after: Map<string, string>;
  }
  const state = parseTree(tree);
  const bySlug = new Map<string, { steps: Step[]; truncated: boolean }>();
  for (const commit of log) {
    const touched = groupBy(commit.changes, (change) => change.slug);
    for (const [slug, changes] of touched) {
      const after = state.get(slug) ?? new Map<string, string>();
      const before = new Map(after);
      for (const change of changes) {
        if (change.before) before.set(change.file, change.before);
        else before.delete(change.file);
      }
      state.set(slug, before);
      const entry = bySlug.get(slug) ?? { steps: [], truncated: false };
      if (entry.steps.length < cap) entry.steps.push({ commit, before, after });
      else entry.truncated = true;
      bySlug.set(slug, entry);
    }
  }

  const said = keptChanges(options, names);
  // Memoized: asked once to choose the blobs to read, again to compare.
  const comparisonKey = memoize((step: Step) =>
    createHash('sha256')
      .update(FILES.map((file) => `${step.before.get(file) ?? ''}:${step.after.get(file) ?? ''}`).join('|'))
      .digest('base64url'),
  );
  /** The blobs a comparison reads: the files a commit changed, and both revenue files when either changed. */
  const blobsCompared = (step: Step) => {
    const ids: string[] = [];
    const revenueChanged = REVENUE_FILES.some((f) => step.before.get(f) !== step.after.get(f));
    for (const file of FILES) {
      const [a, b] = [step.before.get(file), step.after.get(file)];
      if (a === b && !(revenueChanged && REVENUE_FILES.includes(file as (typeof REVENUE_FILES)[number]))) continue;
      if (a) ids.push(a);
      if (b) ids.push(b);
    }
    return ids;
  };
  const wanted = new Set<string>();
  const compared = (step: Step) => step.after.has(COMPOUND_FILE) && step.before.has(COMPOUND_FILE);
  for (const { steps } of bySlug.values()) {
    for (const step of steps) {
      if (!compared(step) || shallow.has(step.commit.hash) || said.before.has(comparisonKey(step))) continue;
      for (const id of blobsCompared(step)) wanted.add(id);
    }
  }
  const blobs = readBlobs(cwd, [...wanted]);
  if (!blobs) return { available: false };
  // A blob not read is the same on both sides: one placeholder per id, so that it compares equal and is not parsed.
  const unread = new Map<string, Uint8Array>();
  const bytesOf = (id: string) =>
    blobs.get(id) ?? unread.get(id) ?? (unread.set(id, new Uint8Array(0)).get(id) as Uint8Array);
  const version = (ids: Map<string, string>) => {
    const files = new Map<string, Uint8Array>();
    for (const file of FILES) {
      const id = ids.get(file);
      if (id) files.set(file, bytesOf(id));
    }
    return readVersion(files);
  };

  const compare = (step: Step) => {
    const key = comparisonKey(step);
    const kept = said.before.get(key);
    if (kept) {
      said.now.set(key, kept);
      return kept;
    }
    const changes = diffVersions(version(step.before), version(step.after), names);
    // A blob git could not give (a partial clone offline) was compared as empty: said for this build, never kept.
    if (blobsCompared(step).every((id) => blobs.has(id))) said.now.set(key, changes);
    return changes;
  };
  const compounds = new Map<string, CompoundHistory>();
  for (const [slug, { steps, truncated }] of bySlug) {
    const history: CompoundHistory = { slug, entries: [], truncated };
    for (const step of steps) {
      const { commit } = step;
      if (shallow.has(commit.hash)) {
        history.truncated = true;
        continue;
      }
      // A folder without compound.yaml is not a compound yet (or any more): nothing to publish.
      if (!step.after.has(COMPOUND_FILE)) continue;
      const created = !step.before.has(COMPOUND_FILE);
      const changes = created ? [{ section: 'facts' as const, text: t('history.created') }] : compare(step);
      if (changes.length === 0) continue;
      history.entries.push({
        commit: commit.hash,
        time: commit.time,
        date: dateFromEpochSeconds(commit.seconds),
        url: options.repositoryUrl ? `${options.repositoryUrl.replace(/\/+$/, '')}/commit/${commit.hash}` : undefined,
        created,
        changes,
      });
    }
    compounds.set(slug, history);
  }
  said.keep();
  return { available: true, compounds };
}

const CHANGES_FILE = 'history-changes.v8';

/** The sentences of each comparison made, by the blobs compared, for the program and the names that said them. */
interface KeptChanges {
  seal: string;
  changes: Map<string, HistoryChange[]>;
}

/**
 * The comparisons the last build made (each commit of each compound, before and after, read and said in
 * sentences), and where this build's go: at 10,000 compounds and 1,326 commits, making them all again took
 * 8 s of every build, though a build after one merged pull request has only that commit's to make.
 */
function keptChanges(options: HistoryOptions, names: Names) {
  const file = options.cacheDir && options.program ? path.join(options.cacheDir, CHANGES_FILE) : undefined;
  const seal = JSON.stringify([
    options.program,
    [...(names.communities ?? [])].sort(),
    [...(names.companies ?? [])].sort(),
  ]);
  const stored = file ? readKept<KeptChanges>(file) : undefined;
  const before = stored?.seal === seal ? stored.changes : new Map<string, HistoryChange[]>();
  const now = new Map<string, HistoryChange[]>();
  return {
    before,
    now,
    /** Keeps the comparisons of this build only: those of commits no longer read (past the cap) go. */
    keep() {
      const same = now.size === before.size && [...now.keys()].every((key) => before.has(key));
      if (file && !same) writeKept(file, { seal, changes: now } satisfies KeptChanges);
    },
  };
}

/** For each part of the page, the newest entry that changed it. */
export function lastChanges(history: CompoundHistory): Map<HistorySection, HistoryEntry> {
  const last = new Map<HistorySection, HistoryEntry>();
  for (const entry of history.entries) {
    for (const change of entry.changes) if (!last.has(change.section)) last.set(change.section, entry);
  }
  return last;
}
