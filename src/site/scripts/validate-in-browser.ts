/**
 * The heavy half of the /submit/ validator, loaded only when a reader picks
 * or drops a file: the very decoding, parsing and schema code the build and
 * `npm run validate` use, run on the reader's machine. Nothing is uploaded.
 */

import { formatProblem, sortProblems } from '../../core/data/problems.ts';
import { type SourceFile, validateContent } from '../../core/data/validate-content.ts';
import { t } from '../../core/i18n/t.ts';
import { checkingDate } from '../../core/lib/calendar.ts';

export interface BrowserCheck {
  today: string;
  communities: string[];
  companies: string[];
}

export interface CheckedLine {
  severity: 'error' | 'warning';
  text: string;
}

/** A file from a folder picker keeps its folder, as the command line shows it. */
function sourceOf(file: File, bytes: Uint8Array): SourceFile {
  const [folder, ...rest] = (file.webkitRelativePath || file.name).split('/');
  return rest.length ? { path: `compounds/${folder}/${rest.at(-1)}`, bytes } : { path: file.name, bytes };
}

export async function checkFiles(
  files: File[],
  context: BrowserCheck,
): Promise<{ lines: CheckedLine[]; summary: string }> {
  const sources = await Promise.all(files.map(async (f) => sourceOf(f, new Uint8Array(await f.arrayBuffer()))));
  const today = checkingDate(context.today);
  const { problems } = validateContent(sources, {
    today,
    mode: 'loose',
    knownCommunities: context.communities,
    knownCompanies: context.companies,
  });
  const lines = sortProblems(problems).map((p) => ({
    severity: p.severity,
    text: formatProblem({ ...p, file: p.file.replace(/^compounds\//, '') }),
  }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary = errors > 0 ? t('validate.failed', { count: errors }) : t('validate.okFiles', { today });
  return { lines, summary };
}
