/**
 * Reads and validates all of `content/` in one pass, and returns either the
 * whole bundle or every problem found. The Astro loaders and the command-line
 * validator both call this, so they can never disagree.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { t } from '../i18n/t.ts';
import { communitySchema } from '../schemas/community.ts';
import { companySchema } from '../schemas/company.ts';
import { compoundSchema } from '../schemas/compound.ts';
import { siteSchema } from '../schemas/site.ts';
import { checkCompound } from './cross-checks.ts';
import { readTable, type Table } from './csv-source.ts';
import type { Problem } from './problems.ts';
import type { CommunityRecord, CompanyRecord, CompoundRecord, ContentBundle } from './records.ts';
import { COMPOUND_FILE, COMPOUND_TABLES, type CompoundTableFile } from './tables.ts';
import { readYaml, type YamlSource } from './yaml-source.ts';
import { check, labelFor } from './zod-issues.ts';

export interface LoadOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path file names in messages are relative to. */
  projectRoot: string;
  /** The build's today, YYYY-MM-DD. */
  today: string;
}

export interface LoadResult {
  bundle: ContentBundle | undefined;
  problems: Problem[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a loaded YAML file gives: its parsed value (if valid) and its source for locating later problems. */
interface YamlLoaded<T> {
  value: T | undefined;
  source: YamlSource;
  file: string;
}

export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const problems: Problem[] = [];
  const rel = (abs: string) => path.relative(options.projectRoot, abs).split(path.sep).join('/');
  const fileProblem = (abs: string, expected: string, found?: string): void => {
    problems.push({
      file: rel(abs),
      line: 1,
      column: 1,
      field: '',
      label: t('load.file'),
      expected,
      found,
      severity: 'error',
    });
  };

  async function yamlFile<S extends z.ZodType>(abs: string, schema: S): Promise<YamlLoaded<z.output<S>>> {
    const file = rel(abs);
    const source = readYaml(file, await readFile(abs));
    problems.push(...source.problems);
    if (source.data === undefined || source.problems.some((p) => p.severity === 'error')) {
      return { value: undefined, source, file };
    }
    const checked = check(schema, source.data);
    if (checked.ok) return { value: checked.value, source, file };
    for (const issue of checked.issues) {
      const at = source.locate(issue.path, { key: issue.unknownKey === true });
      problems.push({
        file,
        line: at.line,
        column: at.column,
        field: issue.path.join('.'),
        label: labelFor(schema, issue.path),
        expected: issue.expected,
        found: at.found,
        severity: 'error',
      });
    }
    return { value: undefined, source, file };
  }

  async function entries(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).sort();
    } catch {
      return [];
    }
  }

  /**
   * A folder of `<slug>.yaml` files, one record each. `slugs` names every file,
   * valid or not, so that a typo inside one file is not also blamed on every reference to it.
   */
  async function yamlFolder<S extends z.ZodType>(folder: string, schema: S) {
    const dir = path.join(options.contentDir, folder);
    const records: (z.output<S> & { slug: string })[] = [];
    const slugs = new Set<string>();
    for (const name of await entries(dir)) {
      const abs = path.join(dir, name);
      const slug = name.replace(/\.ya?ml$/, '');
      if (!/\.ya?ml$/.test(name) || !SLUG.test(slug)) {
        fileProblem(abs, t('load.yamlFolderName', { folder }), name);
        continue;
      }
      slugs.add(slug);
      const { value } = await yamlFile(abs, schema);
      if (value !== undefined) records.push({ ...(value as object), slug } as z.output<S> & { slug: string });
    }
    return { records, slugs };
  }

  const KNOWN_TOP = new Set(['site.yaml', 'communities', 'companies', 'compounds']);
  for (const name of await entries(options.contentDir)) {
    if (!KNOWN_TOP.has(name))
      fileProblem(
        path.join(options.contentDir, name),
        t('load.unknownTop', { known: [...KNOWN_TOP].join('、') }),
        name,
      );
  }

  const siteAbs = path.join(options.contentDir, 'site.yaml');
  let site: z.output<typeof siteSchema> | undefined;
  try {
    site = (await yamlFile(siteAbs, siteSchema)).value;
  } catch {
    fileProblem(siteAbs, t('load.missingFile'));
  }
  const communityFiles = await yamlFolder('communities', communitySchema);
  const companyFiles = await yamlFolder('companies', companySchema);
  const communities: CommunityRecord[] = communityFiles.records;
  const companies: CompanyRecord[] = companyFiles.records;

  const compoundsDir = path.join(options.contentDir, 'compounds');
  const compounds: CompoundRecord[] = [];
  const compoundNames = await entries(compoundsDir);
  if (compoundNames.length === 0) fileProblem(compoundsDir, t('load.noCompounds'));
  for (const slug of compoundNames) {
    const dir = path.join(compoundsDir, slug);
    if (!(await stat(dir)).isDirectory() || !SLUG.test(slug)) {
      fileProblem(dir, t('load.compoundFolderName'), slug);
      continue;
    }
    const files = await entries(dir);
    for (const name of files) {
      if (name !== COMPOUND_FILE && !(name in COMPOUND_TABLES)) {
        fileProblem(
          path.join(dir, name),
          t('load.unknownCompoundFile', { known: [COMPOUND_FILE, ...Object.keys(COMPOUND_TABLES)].join('、') }),
          name,
        );
      }
    }
    if (!files.includes(COMPOUND_FILE)) {
      fileProblem(path.join(dir, COMPOUND_FILE), t('load.missingFile'));
      continue;
    }
    const yaml = await yamlFile(path.join(dir, COMPOUND_FILE), compoundSchema);
    const tables = {} as { [F in CompoundTableFile]: Table<z.output<(typeof COMPOUND_TABLES)[F]>> | undefined };
    for (const name of Object.keys(COMPOUND_TABLES) as CompoundTableFile[]) {
      if (!files.includes(name)) continue;
      const abs = path.join(dir, name);
      const table = readTable(rel(abs), await readFile(abs), COMPOUND_TABLES[name]);
      problems.push(...table.problems);
      (tables as Record<string, unknown>)[name] = table;
    }
    problems.push(
      ...checkCompound({
        compound: yaml.value,
        yaml: { file: yaml.file, locate: yaml.source.locate },
        tables,
        tableFile: (name) => rel(path.join(dir, name)),
        communities: communityFiles.slugs,
        companies: companyFiles.slugs,
        today: options.today,
      }),
    );
    if (yaml.value === undefined) continue;
    compounds.push({
      slug,
      compound: yaml.value,
      fees: tables['fees.csv']?.rows.map((r) => r.value) ?? [],
      revenueQuarters: tables['public-revenue.csv']?.rows.map((r) => r.value) ?? [],
      revenueItems: tables['public-revenue-items.csv']?.rows.map((r) => r.value) ?? [],
      fundUses: tables['maintenance-fund.csv']?.rows.map((r) => r.value) ?? [],
      elevators: tables['elevators.csv']?.rows.map((r) => r.value) ?? [],
      utilitySplits: tables['utility-split.csv']?.rows.map((r) => r.value) ?? [],
      files: files.map((name) => rel(path.join(dir, name))),
    });
  }

  const hasErrors = problems.some((p) => p.severity === 'error');
  if (hasErrors || !site) return { bundle: undefined, problems };
  return { bundle: { site, today: options.today, communities, companies, compounds }, problems };
}
