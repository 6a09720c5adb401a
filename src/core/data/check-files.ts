/**
 * Checking the files a committee is preparing, in the context of its
 * compound: the files it did not give are taken from the published copy
 * (the site's downloads in the browser, content/ on the command line), so
 * that a summary is checked against its items and a share against the
 * agreed split, and the answer says which checks between files ran. The
 * browser, the editor and `npm run validate -- FILE` all call this.
 */
import { t } from '../i18n/t.ts';
import { type Coverage, coverage } from './check-coverage.ts';
import { isFileLevel, type Problem } from './problems.ts';
import { COMPOUND_FILE, isTableFile } from './tables.ts';
import { type SourceFile, validateContent } from './validate-content.ts';

export interface FileCheckOptions {
  today: string;
  /** Put before every path in a problem (the folder the files are in, as the user knows it). */
  displayPrefix?: string;
  knownCommunities?: readonly string[];
  knownCompanies?: readonly string[];
  /** The compound's published files by name (compound.yaml, fees.csv…), when the compound is known. */
  published?: ReadonlyMap<string, Uint8Array>;
}

export interface FileCheck {
  problems: Problem[];
  coverage: Coverage;
  /** The published files that were checked with the given ones, by name. */
  published: string[];
}

const nameOf = (p: string) => p.split('/').at(-1) ?? p;

export function checkFiles(given: readonly SourceFile[], options: FileCheckOptions): FileCheck {
  const names = new Set(given.map((f) => nameOf(f.path)));
  // Published copies go where the given files are: in their folder, or loose beside them.
  const folder = given[0]?.path.includes('/') ? given[0].path.slice(0, given[0].path.lastIndexOf('/') + 1) : '';
  const added: SourceFile[] = [];
  for (const [name, bytes] of options.published ?? []) {
    if (!names.has(name) && (name === COMPOUND_FILE || isTableFile(name)))
      added.push({ path: `${folder}${name}`, bytes });
  }
  const { problems } = validateContent([...given, ...added], {
    today: options.today,
    mode: 'loose',
    ...(options.displayPrefix ? { displayPrefix: options.displayPrefix } : {}),
    ...(options.knownCommunities ? { knownCommunities: options.knownCommunities } : {}),
    ...(options.knownCompanies ? { knownCompanies: options.knownCompanies } : {}),
  });
  const publishedPaths = new Set(added.map((f) => `${options.displayPrefix ?? ''}${f.path}`));
  // A problem the published copy shows (a summary its changed items no longer match) is the given files' to fix: named as such.
  const shown = problems.map((p) =>
    publishedPaths.has(p.file) ? { ...p, file: t('coverage.publishedFile', { file: p.file }) } : p,
  );
  const unreadable = new Set(problems.filter(isFileLevel).map((p) => nameOf(p.file)));
  const present = new Set([...names, ...added.map((f) => nameOf(f.path))]);
  return {
    problems: shown,
    coverage: coverage(names, present, unreadable),
    published: added.map((f) => nameOf(f.path)),
  };
}
