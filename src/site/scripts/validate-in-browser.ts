/**
 * The heavy half of the /submit/ validator, loaded only when a reader picks
 * or drops a file: the very decoding, parsing and schema code the build and
 * `npm run validate` use, run on the reader's machine. Nothing is uploaded;
 * when the compound is known, its published files are fetched from this
 * site and the given files are checked with them.
 */
import './legacy.ts';
import { coverageText } from '../../core/data/check-coverage.ts';
import { checkFiles } from '../../core/data/check-files.ts';
import { canonicalCsv } from '../../core/data/csv-writer.ts';
import { isWorkbook } from '../../core/data/decode.ts';
import { formatProblem, sortProblems } from '../../core/data/problems.ts';
import { COMPOUND_TABLES, isTableFile } from '../../core/data/tables.ts';
import type { SourceFile } from '../../core/data/validate-content.ts';
import { t } from '../../core/i18n/t.ts';
import { checkingDate } from '../../core/lib/calendar.ts';
import { fetchPublished } from './published.ts';

export interface BrowserCheck {
  today: string;
  communities: string[];
  companies: string[];
  /** The compound the files belong to, as typed or from the folder's name; empty when not known. */
  compound: string;
}

export interface CheckedLine {
  severity: 'error' | 'warning';
  text: string;
}

/** A table as the repository keeps it (npm run format:data), offered when what was given differs: a workbook, GBK, another column order. */
export interface CanonicalFile {
  name: string;
  text: string;
}

function canonicalFiles(sources: readonly SourceFile[]): CanonicalFile[] {
  const files: CanonicalFile[] = [];
  for (const file of sources) {
    const name = file.path.split('/').pop() ?? file.path;
    if (!isTableFile(name)) continue;
    const schema = COMPOUND_TABLES[name];
    const text = canonicalCsv(name, file.bytes, schema);
    if (text !== new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)) files.push({ name, text });
  }
  return files;
}

/** A file from a folder picker keeps its folder, as the command line shows it. */
function sourceOf(file: File, bytes: Uint8Array): SourceFile {
  const parts = (file.webkitRelativePath || file.name).split('/');
  const name = parts[parts.length - 1] ?? file.name;
  return parts.length > 1 ? { path: `compounds/${parts[0]}/${name}`, bytes } : { path: file.name, bytes };
}

export async function checkBrowserFiles(
  files: File[],
  context: BrowserCheck,
): Promise<{ lines: CheckedLine[]; summary: string; context: string; downloads: CanonicalFile[] }> {
  // A workbook is read as the CSV it stands for; its reader is fetched only when one is given.
  const given = await Promise.all(files.map(async (f) => sourceOf(f, new Uint8Array(await f.arrayBuffer()))));
  const workbook = given.some((f) => isWorkbook(f.bytes)) ? await import('../../core/data/workbook.ts') : undefined;
  const sources = workbook ? await Promise.all(given.map(workbook.asCsv)) : given;
  const folder = /^compounds\/([^/]+)\//.exec(sources[0]?.path ?? '')?.[1];
  const slug = context.compound.trim() || folder || '';
  const published = slug ? await fetchPublished(slug) : undefined;
  const today = checkingDate(context.today);
  const result = checkFiles(sources, {
    today,
    knownCommunities: context.communities,
    knownCompanies: context.companies,
    ...(published ? { published: published.files } : {}),
  });
  const named = workbook ? workbook.namedAsGiven(result.problems, given, sources) : result.problems;
  const lines = sortProblems(named).map((p) => ({
    severity: p.severity,
    text: formatProblem({ ...p, file: p.file.replace(/^compounds\//, '') }),
  }));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const summary = errors > 0 ? t('validate.failed', { count: errors }) : t('validate.okFiles', { today });
  const known = slug && !published ? t('submit.unknownCompound', { slug }) : '';
  const which = published ? t('submit.checkedWith', { name: published.name }) : '';
  const downloads = errors > 0 ? [] : canonicalFiles(sources);
  return { lines, summary, context: known + which + coverageText(result.coverage, result.published), downloads };
}
