/**
 * What a change touches, for `npm run validate -- --changed [BASE]`: the
 * compound folders it changes, and the 社区 and company files, whose
 * compounds are then checked too. County-wide files and checks always run
 * in full; they are small. Paths are relative to the content folder.
 */
import { git } from './git.ts';

export interface LoadScope {
  /** Compound folders validated in full. */
  compounds: ReadonlySet<string>;
  /** 社区 changed: every compound that names one is validated in full too. */
  communities: ReadonlySet<string>;
  /** Companies changed: every compound that names one is validated in full too. */
  companies: ReadonlySet<string>;
}

const YAML_SLUG = /^([^/]+)\.ya?ml$/;

/** The scope of a list of changed paths (`compounds/x/fees.csv`, `companies/y.yaml`, …). */
export function scopeOfPaths(paths: readonly string[]): LoadScope {
  const compounds = new Set<string>();
  const communities = new Set<string>();
  const companies = new Set<string>();
  for (const changed of paths) {
    const [top, second, ...rest] = changed.split('/');
    if (!second) continue;
    if (top === 'compounds' && rest.length > 0) compounds.add(second);
    const slug = YAML_SLUG.exec(second)?.[1];
    if (slug && rest.length === 0 && top === 'communities') communities.add(slug);
    if (slug && rest.length === 0 && top === 'companies') companies.add(slug);
  }
  return { compounds, communities, companies };
}

/**
 * The paths below `contentDir` that differ from where HEAD left `base`
 * (their merge base): committed, staged, in the working tree, or new and not
 * ignored. Undefined when git cannot tell (no checkout, unknown base).
 */
export function changedPaths(contentDir: string, base: string): string[] | undefined {
  const since = git(contentDir, ['merge-base', base, 'HEAD'])?.trim();
  if (!since) return undefined;
  const tracked = git(contentDir, ['diff', '--name-only', '--no-renames', '--relative', '-z', since, '--', '.']);
  const untracked = git(contentDir, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  if (tracked === undefined || untracked === undefined) return undefined;
  return [...new Set(`${tracked}${untracked}`.split('\0').filter(Boolean))].sort();
}
