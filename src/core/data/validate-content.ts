/**
 * Validates a set of content files given as bytes, and returns either the
 * whole bundle or every problem found. It touches no file system, so the
 * build (through load-content.ts), the command-line validator and the
 * browser validator at /submit/ all run exactly this code.
 */
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { groupBy } from '../lib/group.ts';
import { internStrings } from '../lib/intern.ts';
import { communitySchema } from '../schemas/community.ts';
import { companySchema } from '../schemas/company.ts';
import { compoundSchema } from '../schemas/compound.ts';
import { departmentsSchema } from '../schemas/department.ts';
import { ratingScaleSchema } from '../schemas/rating.ts';
import { siteSchema } from '../schemas/site.ts';
import { checkCompound } from './cross-checks.ts';
import { readTable, type Table } from './csv-source.ts';
import { checkNotice } from './notice-checks.ts';
import { checkOversight, OVERSIGHT, OVERSIGHT_FILES, SCALE_FILE } from './oversight-checks.ts';
import { privacyProblems, scalars } from './privacy-checks.ts';
import { isFileLevel, type Problem } from './problems.ts';
import type {
  CommunityRecord,
  CompanyOversight,
  CompanyRecord,
  CompoundRecord,
  ContentBundle,
  DepartmentRecord,
  OversightData,
} from './records.ts';
import { COMPOUND_FILE, COMPOUND_TABLES, type CompoundTableFile, isTableFile, TABLES } from './tables.ts';
import { quickYaml, readYaml, type YamlSource } from './yaml-source.ts';
import { check, labelFor } from './zod-issues.ts';

/**
 * One file, its path relative to the content folder with forward slashes
 * (`compounds/x/fees.csv`); a path ending in `/` stands for an empty folder.
 */
export interface SourceFile {
  path: string;
  /** A view into a slab shared with other files when read by readTree (load-content.ts): never use its `.buffer`, or transfer it. */
  bytes: Uint8Array;
  /**
   * Set when the path is not a plain file: a symbolic link (which could point out of the
   * repository) or a device, pipe or socket. Such a path is refused, and `bytes` is empty:
   * nothing was read from it.
   */
  special?: 'symlink' | 'other';
}

export interface ValidateOptions {
  /** The build's today, YYYY-MM-DD. */
  today: string;
  /** Put before every path in a problem, so that it names the file as the reader knows it (`content/`). */
  displayPrefix?: string;
  /**
   * Whole tree (the build): site.yaml, departments.yaml and compound.yaml are required and
   * references must resolve. Loose (a committee checking some files): each
   * file is checked for itself and with the others given, nothing more is required.
   */
  mode: 'tree' | 'loose';
  /** Slugs known from elsewhere (the published site), for references in loose mode. */
  knownCommunities?: readonly string[];
  knownCompanies?: readonly string[];
}

export interface LoadResult {
  bundle: ContentBundle | undefined;
  problems: Problem[];
  /** Compound folders unchanged since the last run, answered from load-content.ts's cache. */
  cachedCompounds?: number;
}

/**
 * No content file may be larger than this (5 MB): the largest real table, years of
 * quarterly revenue items, is a few hundred kilobytes.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YAML_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;
const DEPARTMENTS_FILE = 'departments.yaml';
/** The maintainers' announcements (MDX, read by the `notices` collection in src/site/content.config.ts), one file per slug. */
const NOTICES = 'notices';
const NOTICE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;
const KNOWN_TOP = ['site.yaml', DEPARTMENTS_FILE, 'communities', 'companies', 'compounds', NOTICES, OVERSIGHT];

/**
 * The files in the order `localeCompare` puts their paths, which decides the order of
 * compounds and of problems. Content paths are plain ASCII, for which code-unit order
 * is almost always the same: that cheap sort is kept if every neighbour is in strict
 * locale order (or the very same path), which makes it the one stable locale sort too;
 * otherwise the files are sorted by locale as before.
 */
function byPath(files: readonly SourceFile[]): SourceFile[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]?.path ?? '';
    const path = sorted[i]?.path ?? '';
    if (previous !== path && previous.localeCompare(path) >= 0) {
      return [...files].sort((a, b) => a.path.localeCompare(b.path));
    }
  }
  return sorted;
}

type TableMap = { [F in CompoundTableFile]: Table<z.output<(typeof COMPOUND_TABLES)[F]>> | undefined };

/** A problem with a whole file, at its first line. */
function fileProblem(file: string, expected: string, found?: string): Problem {
  return { file, line: 1, column: 1, field: '', label: t('load.file'), expected, found, severity: 'error' };
}

/** Reads a YAML file and checks it against its schema and the privacy rules; the value only if all is well. */
function yamlFile<S extends z.ZodType>(
  file: SourceFile,
  schema: S,
  name: string,
  problems: Problem[],
): { value: z.output<S> | undefined; source: YamlSource } {
  const source = readYaml(name, file.bytes);
  problems.push(...source.problems);
  // Data with problems beside it (a direction control in a value) is still checked field by field.
  if (source.data === undefined) return { value: undefined, source };
  for (const { path, text } of scalars(source.data)) {
    const found = privacyProblems(text, { file: name, line: 0, column: 0, path }, schema, false);
    if (found.length === 0) continue;
    // Locating walks the document: done only for the rare value that has something to report.
    const at = source.locate(path);
    for (const problem of found) problems.push({ ...problem, line: at.line, column: at.column });
  }
  const checked = check(schema, source.data);
  if (checked.ok) return { value: checked.value, source };
  for (const issue of checked.issues) {
    const at = source.locate(issue.path, { key: issue.unknownKey === true });
    problems.push({
      file: name,
      line: at.line,
      column: at.column,
      field: issue.path.join('.'),
      label: labelFor(schema, issue.path),
      expected: issue.expected,
      found: at.found,
      severity: 'error',
    });
  }
  return { value: undefined, source };
}

/**
 * One compound folder: everything the compound pass needs, so that it can
 * run in any thread. `files` are [name in the folder, file], in path order.
 */
export interface CompoundJob {
  slug: string;
  files: [string, SourceFile][];
  /**
   * Set for a compound outside a scoped check (`npm run validate -- --changed`): it was validated in
   * full on main, so only what the county-wide checks read of it is given, and its files are not checked.
   */
  brief?: CompoundReferences;
}

/** What the county-wide checks read of a compound: the 社区 and company it names, its manager's filing. */
export interface CompoundReferences {
  community?: string;
  company?: string;
  managerFiling?: string;
}

/** What every compound is checked against: the same for all of them. */
export interface CompoundContext {
  today: string;
  displayPrefix: string;
  tree: boolean;
  communities: Set<string> | undefined;
  companies: Set<string> | undefined;
}

export interface CompoundResult {
  record: CompoundRecord | undefined;
  problems: Problem[];
  /** A brief job's references, passed through to the county-wide checks. */
  brief?: CompoundReferences;
}

/**
 * The references of a compound.yaml, read quickly and without its schema: for a compound
 * that a scoped check does not validate, and for deciding which compounds a change to a
 * 社区 or company file concerns. Anything unreadable gives no references.
 */
export function compoundReferences(bytes: Uint8Array): CompoundReferences {
  const blocks = referenceBlocks(new TextDecoder().decode(bytes));
  const data = (blocks === undefined ? undefined : quickYaml(blocks)) ?? readYaml(COMPOUND_FILE, bytes).data;
  if (typeof data !== 'object' || data === null) return {};
  const { community, company, manager } = data as Record<string, unknown>;
  const filing =
    typeof manager === 'object' && manager !== null ? (manager as Record<string, unknown>).filing_number : undefined;
  return {
    ...(typeof community === 'string' ? { community } : {}),
    ...(typeof company === 'string' ? { company } : {}),
    ...(typeof filing === 'string' ? { managerFiling: filing } : {}),
  };
}

const REFERENCE_KEYS = /^(?:community|company|manager)\s*:/;

/**
 * Only the top-level `community`, `company` and `manager` entries of a block-style YAML file:
 * the references are read without parsing the hundred other lines of ten thousand files.
 * Undefined (read the whole file) at anything else at the top level: a quoted or
 * complex key, a flow mapping, a document marker or directive.
 */
function referenceBlocks(text: string): string | undefined {
  const kept: string[] = [];
  let keep = false;
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    const first = line.charAt(0);
    if (first !== '' && first !== ' ' && first !== '#' && first !== '-' && first !== '\r') {
      if (!/^[a-z_]+\s*:/.test(line)) return undefined;
      keep = REFERENCE_KEYS.test(line);
    } else if (line.startsWith('---')) {
      return undefined;
    }
    if (keep) kept.push(line);
  }
  return kept.join('\n');
}

/** Validates one compound folder on its own: its files, their rows and the checks between them. */
export function validateCompound(job: CompoundJob, context: CompoundContext): CompoundResult {
  if (job.brief) return { record: undefined, problems: [], brief: job.brief };
  const problems: Problem[] = [];
  const shown = (p: string) => `${context.displayPrefix}${p}`;
  const { slug } = job;
  const folder = new Map(job.files);
  const base = slug ? `compounds/${slug}/` : '';
  for (const name of folder.keys()) {
    if (name !== COMPOUND_FILE && !isTableFile(name)) {
      problems.push(
        fileProblem(
          shown(`${base}${name}`),
          t('load.unknownCompoundFile', { known: [COMPOUND_FILE, ...Object.keys(COMPOUND_TABLES)].join('、') }),
          name,
        ),
      );
    }
  }
  const yamlSource = folder.get(COMPOUND_FILE);
  if (!yamlSource && context.tree) {
    problems.push(fileProblem(shown(`${base}${COMPOUND_FILE}`), t('load.missingFile')));
    return { record: undefined, problems };
  }
  const yaml = yamlSource ? yamlFile(yamlSource, compoundSchema, shown(yamlSource.path), problems) : undefined;
  const tables = {} as TableMap;
  const unreadable = new Set<CompoundTableFile>();
  for (const { file: name, schema } of TABLES) {
    const file = folder.get(name);
    if (!file) continue;
    const table = readTable(shown(file.path), file.bytes, schema);
    problems.push(...table.problems);
    (tables as Record<string, unknown>)[name] = table;
    if (table.problems.some(isFileLevel)) unreadable.add(name);
  }
  problems.push(
    ...checkCompound({
      compound: yaml?.value,
      yaml: {
        file: shown(`${base}${COMPOUND_FILE}`),
        locate: yaml?.source.locate ?? (() => ({ line: 1, column: 1 })),
      },
      tables,
      tableFile: (name) => shown(`${base}${name}`),
      ...(context.communities ? { communities: context.communities } : {}),
      ...(context.companies ? { companies: context.companies } : {}),
      today: context.today,
      loose: !context.tree,
      unreadable,
    }),
  );
  if (!yaml?.value) return { record: undefined, problems };
  const record = { slug, compound: yaml.value, files: [...folder.values()].map((f) => shown(f.path)) };
  for (const { file, field } of TABLES) {
    (record as Record<string, unknown>)[field] = tables[file]?.rows.map((r) => r.value) ?? [];
  }
  return { record: record as CompoundRecord, problems };
}

/**
 * A validation in two halves around the compound pass: the county-wide
 * files are read, the compound folders are listed as jobs, and `finish`
 * takes the results of the jobs, in their order, and checks the rest.
 * validateContent runs the jobs in turn; the build (load-content.ts) may run
 * them in several threads. Either way the result is the same.
 */
export interface ValidationPlan {
  compounds: CompoundJob[];
  context: CompoundContext;
  /** `known`: the strings already shared out by value (intern.ts), as the results arrived. */
  finish: (results: readonly CompoundResult[], known?: Map<string, string>) => LoadResult;
}

export function validateContent(files: readonly SourceFile[], options: ValidateOptions): LoadResult {
  const plan = planValidation(files, options);
  return plan.finish(plan.compounds.map((job) => validateCompound(job, plan.context)));
}

export function planValidation(files: readonly SourceFile[], options: ValidateOptions): ValidationPlan {
  const problems: Problem[] = [];
  const prefix = options.displayPrefix ?? '';
  const shown = (p: string) => `${prefix}${p}`;
  const problemWith = (p: string, expected: string, found?: string): void => {
    problems.push(fileProblem(shown(p), expected, found));
  };
  const readYamlFile = <S extends z.ZodType>(file: SourceFile, schema: S) =>
    yamlFile(file, schema, shown(file.path), problems);

  // ------------------------------------------------------------------ sort the files by what they are
  const tree = options.mode === 'tree';
  const sorted = byPath(files);
  let siteFile: SourceFile | undefined;
  let departmentsFile: SourceFile | undefined;
  const folders = { communities: [] as SourceFile[], companies: [] as SourceFile[] };
  const compoundFolders = new Map<string, Map<string, SourceFile>>();
  const badFolders = new Set<string>();
  // content/oversight/: the county's ratings, commendations and criticisms, blacklist and evaluations.
  const oversightFiles = new Map<string, SourceFile>();
  for (const file of sorted) {
    if (file.special) {
      problemWith(file.path, t(file.special === 'symlink' ? 'load.symlink' : 'load.special'));
      continue;
    }
    if (file.bytes.length > MAX_FILE_BYTES) {
      // Refused before it is decoded or parsed: a huge or hostile file cannot slow the build down.
      problemWith(
        file.path,
        t('load.tooLarge', { size: megabytes(file.bytes.length), max: megabytes(MAX_FILE_BYTES) }),
      );
      continue;
    }
    if (file.path.endsWith('/')) {
      // An empty folder, as a file system shows it: a compound folder must still hold compound.yaml.
      const [top, slug] = file.path.split('/');
      if (top === 'compounds' && slug && SLUG.test(slug) && tree) compoundFolders.set(slug, new Map());
      continue;
    }
    const parts = file.path.split('/');
    const [top = '', second, third] = parts;
    if (parts.length === 1 && top === 'site.yaml') siteFile = file;
    else if (parts.length === 1 && top === DEPARTMENTS_FILE) departmentsFile = file;
    else if ((top === 'communities' || top === 'companies') && parts.length === 2 && second) {
      if (YAML_NAME.test(second)) folders[top].push(file);
      else problemWith(file.path, t('load.yamlFolderName', { folder: top }), second);
    } else if (top === 'compounds' && parts.length === 3 && second && third) {
      if (!SLUG.test(second)) {
        if (!badFolders.has(second)) problemWith(`compounds/${second}`, t('load.compoundFolderName'), second);
        badFolders.add(second);
        continue;
      }
      const folder = compoundFolders.get(second) ?? new Map<string, SourceFile>();
      folder.set(third, file);
      compoundFolders.set(second, folder);
    } else if (top === OVERSIGHT && parts.length > 1) {
      if (parts.length === 2 && second && OVERSIGHT_FILES.includes(second)) oversightFiles.set(second, file);
      else
        problemWith(
          file.path,
          t('load.oversightFile', { known: OVERSIGHT_FILES.join('、') }),
          parts.slice(1).join('/'),
        );
    } else if (top === NOTICES && parts.length > 1) {
      // Only <slug>.mdx: Astro's loader checks the frontmatter, and any other file would be published nowhere.
      if (parts.length !== 2 || !NOTICE_NAME.test(second ?? '')) {
        problemWith(file.path, t('load.noticeName'), parts.slice(1).join('/'));
      } else {
        problems.push(...checkNotice(shown(file.path), file.bytes));
      }
    } else if (options.mode === 'loose' && parts.length === 1 && (top === COMPOUND_FILE || isTableFile(top))) {
      // A single file a committee is checking on its own: one compound with just that file.
      const folder = compoundFolders.get('') ?? new Map<string, SourceFile>();
      folder.set(top, file);
      compoundFolders.set('', folder);
    } else if (!tree && parts.length === 1) {
      problemWith(
        file.path,
        t('load.unknownCompoundFile', { known: [COMPOUND_FILE, ...Object.keys(COMPOUND_TABLES)].join('、') }),
        top,
      );
    } else if (!KNOWN_TOP.includes(top)) {
      problemWith(file.path, t('load.unknownTop', { known: KNOWN_TOP.join('、') }), top);
    } else {
      problemWith(file.path, t('load.misplaced'), file.path);
    }
  }

  // ------------------------------------------------------------------ county-wide files
  if (!siteFile && tree) problemWith('site.yaml', t('load.missingFile'));
  const site = siteFile ? readYamlFile(siteFile, siteSchema).value : undefined;
  // The departments' board of every compound is printed from this one county-wide list.
  if (!departmentsFile && tree) problemWith(DEPARTMENTS_FILE, t('load.missingFile'));
  const departmentList = departmentsFile ? readYamlFile(departmentsFile, departmentsSchema).value : undefined;
  const departments: DepartmentRecord[] = (departmentList ?? []).map((department, order) => ({ ...department, order }));

  function yamlFolder<S extends z.ZodType>(list: SourceFile[], schema: S) {
    const records: (z.output<S> & { slug: string })[] = [];
    for (const file of list) {
      const slug = YAML_NAME.exec(file.path.split('/')[1] ?? '')?.[1] ?? '';
      const { value } = readYamlFile(file, schema);
      if (value !== undefined) records.push({ ...(value as object), slug } as z.output<S> & { slug: string });
    }
    return records;
  }
  const communities: CommunityRecord[] = yamlFolder(folders.communities, communitySchema);
  const companies: CompanyRecord[] = yamlFolder(folders.companies, companySchema);
  // References resolve against file names, valid or not, so that one typo in a company file is
  // not also blamed on every compound that names it.
  const slugsOf = (list: SourceFile[], known: readonly string[] = []) =>
    new Set([...known, ...list.map((f) => YAML_NAME.exec(f.path.split('/')[1] ?? '')?.[1] ?? '')]);
  const communitySlugs =
    tree || folders.communities.length || options.knownCommunities
      ? slugsOf(folders.communities, options.knownCommunities)
      : undefined;
  const companySlugs =
    tree || folders.companies.length || options.knownCompanies
      ? slugsOf(folders.companies, options.knownCompanies)
      : undefined;

  // ------------------------------------------------------------------ compounds: jobs for any thread
  if (tree && compoundFolders.size === 0) problemWith('compounds', t('load.noCompounds'));
  const jobs: CompoundJob[] = [...compoundFolders].map(([slug, folder]) => ({ slug, files: [...folder] }));
  const context: CompoundContext = {
    today: options.today,
    displayPrefix: prefix,
    tree,
    communities: communitySlugs,
    companies: companySlugs,
  };

  return { compounds: jobs, context, finish };

  function finish(results: readonly CompoundResult[], known = new Map<string, string>()): LoadResult {
    const compounds: CompoundRecord[] = [];
    const briefs: CompoundReferences[] = [];
    for (const result of results) {
      problems.push(...result.problems);
      if (result.record) compounds.push(result.record);
      if (result.brief) briefs.push(result.brief);
    }
    // ------------------------------------------------------------------ oversight
    const scaleFile = oversightFiles.get(SCALE_FILE);
    const scaleRead = scaleFile ? readYamlFile(scaleFile, ratingScaleSchema) : undefined;
    const oversight = checkOversight({
      files: new Map([...oversightFiles].filter(([name]) => name !== SCALE_FILE).map(([name, f]) => [name, f.bytes])),
      scale: scaleRead?.value,
      hasScaleFile: scaleFile !== undefined,
      ...(scaleRead ? { locateScale: scaleRead.source.locate } : {}),
      shown,
      companies: companySlugs,
      compounds: tree ? new Set(compoundFolders.keys()) : undefined,
      today: options.today,
      managerFilings: tree ? managerFilingsOf(compounds, briefs) : undefined,
    });
    problems.push(...oversight.problems);
    attachOversight(compounds, oversight.data);

    const hasErrors = problems.some((p) => p.severity === 'error');
    // A scoped check has not read every compound: it has no bundle to give.
    const partial = briefs.length > 0;
    if (hasErrors || partial || !site || !departmentList || !tree) return { bundle: undefined, problems };
    // The bundle lives as long as the build: one copy of each repeated value, not millions.
    internStrings(compounds, known);
    return {
      bundle: { site, today: options.today, communities, companies, compounds, departments, oversight: oversight.data },
      problems,
    };
  }
}

/** The record fields that attachOversight sets: parts of the county's oversight data, not of the compound's folder. */
export const OVERSIGHT_FIELDS = ['evaluations', 'workOrders', 'companyOversight'] as const;

/**
 * Gives each compound its part of the county's oversight data: its evaluations, its 12345 work
 * orders, and its company's ratings, listings and actions (one object per company, which all its
 * compounds share). The rows are those of `data`, not copies.
 */
export function attachOversight(compounds: readonly CompoundRecord[], data: OversightData): void {
  const { evaluations, workOrders } = data;
  if (evaluations) {
    const bySlug = groupBy(evaluations, (e) => e.compound);
    for (const record of compounds) {
      record.evaluations = [...(bySlug.get(record.slug) ?? [])].sort((a, b) => a.period.localeCompare(b.period));
    }
  }
  if (workOrders) {
    const bySlug = groupBy(workOrders, (w) => w.compound);
    for (const record of compounds) {
      record.workOrders = [...(bySlug.get(record.slug) ?? [])].sort((a, b) => a.quarter.localeCompare(b.quarter));
    }
  }
  const byCompany = companyOversight(data);
  for (const record of compounds) {
    const company = record.compound.company;
    if (company) record.companyOversight = byCompany.get(company);
  }
}

/** Each company's part of the county's oversight data, grouped once for all its compounds. */
function companyOversight(data: OversightData): Map<string, CompanyOversight> {
  const byCompany = new Map<string, CompanyOversight>();
  const of = (company: string) => {
    let entry = byCompany.get(company);
    if (!entry) {
      entry = { scale: data.scale, ratings: [], blacklist: [], actions: [] };
      byCompany.set(company, entry);
    }
    return entry;
  };
  for (const rating of data.ratings) of(rating.company).ratings.push(rating);
  for (const entry of data.blacklist) of(entry.company).blacklist.push(entry);
  for (const action of data.actions) of(action.company).actions.push(action);
  for (const entry of byCompany.values()) entry.ratings.sort((a, b) => b.period.localeCompare(a.period));
  return byCompany;
}

/** Each company's project managers' filing numbers, as its compounds name them. */
function managerFilingsOf(
  compounds: readonly CompoundRecord[],
  briefs: readonly CompoundReferences[],
): Map<string, Set<string>> {
  const byCompany = new Map<string, Set<string>>();
  const references = [
    ...compounds.map(({ compound }) => ({ company: compound.company, managerFiling: compound.manager?.filing_number })),
    ...briefs,
  ];
  for (const { company, managerFiling } of references) {
    if (!company || !managerFiling) continue;
    const filings = byCompany.get(company) ?? new Set<string>();
    filings.add(managerFiling);
    byCompany.set(company, filings);
  }
  return byCompany;
}
