/**
 * Problems found in `content/`, and how they are told to a committee.
 *
 * A problem is always located (file, line, column) and always says what was
 * expected and what was found, so that a volunteer can fix it without help.
 */
import { t } from '../i18n/t.ts';
import { showControls } from './decode.ts';
import { scanPrivacy } from './privacy.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column: a character column in YAML, the field number in CSV. */
  column: number;
  /** Field path such as `manager.phone` or a CSV column key; empty for a whole file. */
  field: string;
  /** The field's Chinese name, for example 项目负责人电话. */
  label: string;
  /** What the field should hold, as a full clause in Chinese. */
  expected: string;
  /** The text that was found, or undefined when nothing was there. */
  found?: string | undefined;
  severity: Severity;
}

/** An ID or full bank number is never repeated, whatever the problem: logs of a public repository are public. */
function redact(text: string): string {
  let out = text;
  for (const hit of scanPrivacy(text, { allowMobile: true }).reverse()) {
    out = `${out.slice(0, hit.index)}${hit.masked}${out.slice(hit.index + hit.length)}`;
  }
  return out;
}

/** Shortens long found values so that a message stays on one screen line. */
function quote(found: string): string {
  const oneLine = showControls(redact(found).replace(/\s+/g, ' '));
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/** What a problem says, without its place: `标签（field）：应为…；实际为「…」`. */
export function describeProblem(problem: Problem): string {
  // CSV and workbook headers are Chinese already; YAML keys are English, so the key is shown beside its name.
  const table = /\.(?:csv|xlsx)$/i.test(problem.file);
  const what = table || !problem.field ? problem.label : `${problem.label}（${problem.field}）`;
  // "Nothing found" is news only about a field; a whole-file problem has no value to show.
  const found =
    problem.found !== undefined
      ? t('problem.found', { found: quote(problem.found) })
      : problem.field
        ? t('problem.foundNothing')
        : '';
  const prefix = problem.severity === 'warning' ? t('problem.warning') : '';
  // The label and the expectation can quote a file's own words (a grade's name): shown, never acted on.
  return `${prefix}${what ? `${showControls(what)}：` : ''}${showControls(problem.expected)}${found}`;
}

/**
 * Where a problem is, `file:line:column`. A file name can carry a direction
 * control too: in a terminal or a CI log it must show, not act.
 */
const problemPlace = (problem: Problem): string => `${showControls(problem.file)}:${problem.line}:${problem.column}`;

/** `file:line:column 标签（field）：应为…；实际为「…」` */
export function formatProblem(problem: Problem): string {
  return `${problemPlace(problem)} ${describeProblem(problem)}`;
}

/** Sorts problems by file, then line, then column, so that the list reads like the files. */
/**
 * A problem with a whole file (not text, UTF-16, not a file a folder may
 * hold, no usable header): it is the cause of whatever else goes wrong with
 * that file, and the checks that need the file do not run.
 */
export function isFileLevel(problem: Problem): boolean {
  if (problem.severity !== 'error') return false;
  if (problem.label === t('decode.label') || problem.label === t('load.file')) return true;
  return problem.label === t('csv.label') && problem.expected === t('csv.delimiter');
}

/** Problems with whole files first, as the cause of the rest; then by file, line and column. */
export function sortProblems(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => (isFileLevel(p) ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.field.localeCompare(b.field),
  );
}

/** Thrown by the build when `content/` has errors: its message lists every one of them. */
export class ContentValidationError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
    super(`${t('problem.summary', { count: errors.length })}\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'ContentValidationError';
    this.problems = errors;
    // The list is the whole story: a stack trace would only bury it.
    this.stack = this.message;
  }
}
