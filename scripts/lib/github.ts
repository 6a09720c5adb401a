/**
 * GitHub Actions output for validation problems: workflow-command
 * annotations, which GitHub shows on the pull request's diff, and the full
 * list in the job summary, since GitHub shows only the first ten error and
 * ten warning annotations of a step.
 */
import { showControls } from '../../src/core/data/decode.ts';
import { describeProblem, type Problem } from '../../src/core/data/problems.ts';

/** GitHub's limit per step and per severity. */
export const ANNOTATION_LIMIT = 10;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,title=…::message` for the first ten problems of each severity. */
export function annotations(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    for (const p of problems.filter((x) => x.severity === severity).slice(0, ANNOTATION_LIMIT)) {
      const title = escapeProperty(showControls(p.label || p.field || p.file));
      const message = escapeData(describeProblem(p));
      lines.push(
        `::${severity} file=${escapeProperty(showControls(p.file))},line=${p.line},col=${p.column},title=${title}::${message}`,
      );
    }
  }
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The whole list as a Markdown table for $GITHUB_STEP_SUMMARY. */
export function stepSummary(problems: readonly Problem[], heading: string): string {
  const rows = problems.map((p) => {
    const message = describeProblem(p);
    return `| ${p.severity === 'error' ? '错误' : '提醒'} | \`${cell(showControls(p.file))}\` | ${p.line} | ${p.column} | ${cell(message)} |`;
  });
  return [`## ${heading}`, '', '| 类型 | 文件 | 行 | 列 | 问题 |', '| --- | --- | --- | --- | --- |', ...rows, ''].join(
    '\n',
  );
}
