/**
 * `npm run validate [-- [--compound SLUG] paths…]`: checks content with the same code as the
 * build and prints every problem as file:line:column. Exits 1 on any error.
 *
 * `npm run validate -- --changed [BASE]` (a pull request): only the compounds changed since the
 * branch left BASE (by default the pull request's base branch, or main), and those naming a changed
 * 社区 or company, are validated in full, with every county-wide file and check; the messages are
 * those of a full run. Main is always validated in full.
 *
 * - no paths: all of content/;
 * - paths inside content/: all of content/ is checked (references need it),
 *   and the problems in those paths are listed;
 * - paths elsewhere (a file or folder a committee is preparing): those files
 *   are checked by their names, with the rest of their compound taken from
 *   content/compounds/<SLUG>/ (the folder's name, or --compound), and the
 *   output says which checks between files ran.
 *
 * On GitHub Actions it also prints annotations for the pull request's diff
 * and writes the full list to the job summary.
 */
import { appendFile, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coverageText } from '../src/core/data/check-coverage.ts';
import { checkFiles } from '../src/core/data/check-files.ts';
import { type LoadScope, loadContent, readSourceFile } from '../src/core/data/load-content.ts';
import { defaultLoadOptions } from '../src/core/data/options.ts';
import { formatProblem, type Problem, sortProblems } from '../src/core/data/problems.ts';
import { changedPaths, scopeOfPaths } from '../src/core/data/scope.ts';
import type { SourceFile } from '../src/core/data/validate-content.ts';
import { asCsv, namedAsGiven } from '../src/core/data/workbook.ts';
import { t } from '../src/core/i18n/t.ts';
import { checkingDate } from '../src/core/lib/calendar.ts';
import { annotations, stepSummary } from './lib/github.ts';

const options = defaultLoadOptions();
const { values: flags, positionals } = parseArgs({
  options: { compound: { type: 'string' }, changed: { type: 'boolean' } },
  allowPositionals: true,
});
const base = flags.changed ? (positionals.shift() ?? defaultBase()) : undefined;
const args = positionals.map((p) => path.resolve(p));
const inContent = (p: string) => p === options.contentDir || p.startsWith(options.contentDir + path.sep);
const shown = (p: string) => path.relative(options.projectRoot, p).split(path.sep).join('/');

/** Files of a path outside content/, named as they would be inside a compound folder. */
async function looseFiles(target: string): Promise<SourceFile[]> {
  const entry = await lstat(target);
  if (!entry.isDirectory()) return [readSourceFile(target, path.basename(target), entry)];
  const entries = (await readdir(target, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  return entries.map((e) =>
    readSourceFile(path.join(target, e.name), `compounds/${path.basename(target)}/${e.name}`, e),
  );
}

/** The compound a folder being prepared belongs to: its own name, or its parent's for a file, when content/ has it. */
async function compoundOf(target: string): Promise<string | undefined> {
  const entry = await lstat(target);
  const folder = path.basename(entry.isDirectory() ? target : path.dirname(target));
  const known = await readdir(path.join(options.contentDir, 'compounds')).catch(() => [] as string[]);
  return known.includes(folder) ? folder : undefined;
}

/** The compound's files as content/ has them: the published copy the given files are checked with. */
async function publishedFiles(slug: string): Promise<Map<string, Uint8Array>> {
  const folder = path.join(options.contentDir, 'compounds', slug);
  const names = await readdir(folder).catch(() => [] as string[]);
  return new Map(names.map((name) => [name, readSourceFile(path.join(folder, name), name).bytes]));
}

/** The 社区 or companies content/ has, so that a file checked on its own can still name them. */
async function slugsIn(folder: string): Promise<string[]> {
  const names = await readdir(path.join(options.contentDir, folder)).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, ''));
}

/** The branch a pull request goes into, as CI names it; main elsewhere. */
function defaultBase(): string {
  return process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : 'main';
}

/** The scope of `--changed`, said in one line before the problems; exits if git cannot tell. */
function changedScope(against: string): LoadScope {
  const paths = changedPaths(options.contentDir, against);
  if (!paths) {
    console.log(t('validate.noBase', { base: against }));
    process.exit(2);
  }
  const scope = scopeOfPaths(paths);
  console.log(
    t('validate.scope', {
      base: against,
      files: paths.length,
      compounds: scope.compounds.size,
      named: scope.communities.size + scope.companies.size,
    }),
  );
  return scope;
}

let problems: Problem[] = [];
let othersWithErrors = 0;
let compoundCount: number | undefined;
const insidePaths = args.filter(inContent);
const outsidePaths = args.filter((p) => !inContent(p));

if (args.length === 0 || insidePaths.length > 0) {
  // The days rows reached the repository matter to the rules, not to the files' validity.
  const scope = base === undefined ? undefined : changedScope(base);
  const { bundle, problems: all } = await loadContent({ ...options, history: false, ...(scope ? { scope } : {}) });
  compoundCount = bundle?.compounds.length;
  const wanted = insidePaths.map(shown);
  const selected = (p: Problem) =>
    wanted.length === 0 || wanted.some((w) => p.file === w || p.file.startsWith(`${w}/`));
  problems.push(...all.filter(selected));
  othersWithErrors = all.filter((p) => !selected(p) && p.severity === 'error').length;
}
const coverageLines: string[] = [];
for (const target of outsidePaths) {
  const given = await looseFiles(target);
  // A workbook is checked as the CSV it stands for, and its problems name it as given.
  const files = await Promise.all(given.map(asCsv));
  const prefix = `${shown(path.dirname(target))}/`;
  const slug = flags.compound ?? (await compoundOf(target));
  const result = checkFiles(files, {
    today: checkingDate(options.today),
    displayPrefix: prefix === './' ? '' : prefix,
    knownCommunities: await slugsIn('communities'),
    knownCompanies: await slugsIn('companies'),
    ...(slug ? { published: await publishedFiles(slug) } : {}),
  });
  problems.push(
    ...namedAsGiven(result.problems, given, files).map((p) => ({
      ...p,
      file: p.file.replace(`compounds/${path.basename(target)}/`, `${path.basename(target)}/`),
    })),
  );
  coverageLines.push(coverageText(result.coverage, result.published));
}

problems = sortProblems(problems);
for (const problem of problems) console.log(formatProblem(problem));
for (const line of coverageLines) if (line) console.log(line);
const errors = problems.filter((p) => p.severity === 'error').length;
if (othersWithErrors > 0) console.log(t('validate.others', { count: othersWithErrors }));
if (errors > 0) {
  console.log(t('validate.failed', { count: errors }));
  process.exitCode = 1;
} else if (base !== undefined) {
  console.log(t('validate.okChanged', { today: options.today }));
} else if (compoundCount !== undefined && args.length === 0) {
  console.log(t('validate.ok', { compounds: compoundCount, today: options.today }));
} else {
  console.log(t('validate.okFiles', { today: options.today }));
}

if (process.env.GITHUB_ACTIONS === 'true') {
  for (const line of annotations(problems)) console.log(line);
  if (process.env.GITHUB_STEP_SUMMARY && problems.length > 0) {
    await appendFile(
      process.env.GITHUB_STEP_SUMMARY,
      stepSummary(problems, t('validate.summaryHeading', { count: errors })),
    );
  }
}
