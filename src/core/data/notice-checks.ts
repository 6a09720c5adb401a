/**
 * Checks the text of a county notice (`notices/<slug>.mdx`), which Astro's MDX
 * loader would otherwise compile and publish as written. MDX is a program as
 * much as a text: an import, an export or a `{…}` expression runs at build
 * time, and a tag goes into the page as it is (a `<script>` would even get
 * its hash into the page's CSP). So a notice is held to Markdown: no imports
 * or exports, no expressions, no HTML or JSX tags; links only to web pages,
 * e-mail addresses and phone numbers, however the scheme is spelt; no
 * direction controls, in the text or in its frontmatter. The frontmatter's
 * fields are checked by Astro against src/core/schemas/notice.ts.
 */
import { t } from '../i18n/t.ts';
import { EARLIEST_YEAR, tooEarly } from './date-checks.ts';
import { bidiProblems, decodeText } from './decode.ts';
import type { Problem } from './problems.ts';
import { readYaml } from './yaml-source.ts';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Where a link target starts: after `](` of a link or image, after `]:` of a reference
 * definition, inside `<…>` of an autolink.
 */
const LINK_TARGET = /(\]\(\s*<?|\]:[ \t]*<?|<)([^\s)"'`>]+)/g;

/** Schemes that run or embed something, wherever they stand in the text. */
const DANGEROUS = /(?<![a-z0-9+.-])(?:javascript|vbscript|data|file|blob):/i;

/** A tag (`<a`, `</p`, `<!--`, `<?`), as opposed to an autolink (`<https://…>`) or a lone `<`. */
const TAG = /<(?=[A-Za-z/!?])(?![a-z][a-z0-9+.-]*:[^\s<>]*>)/i;
/** An MDX expression: a brace not escaped with a backslash. */
const EXPRESSION = /(?<!\\)[{}]/;
/** An MDX import or export statement. */
const ESM = /^\s*(?:import|export)\b/;

/**
 * The text as a browser reads a link in it: character references decoded (Markdown and
 * HTML both decode them, so `java&#115;cript:` is `javascript:`), backslash escapes
 * removed, and the tabs and line breaks a browser drops from a URL dropped.
 */
function asBrowserReads(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\t\r\n]/g, '');
}

/** The scheme of a link target, or undefined for a relative one. */
function schemeOf(target: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these before reading the scheme.
  const plain = asBrowserReads(target).replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1]?.toLowerCase();
}

/** The frontmatter between the opening `---` and the next, and the line the rest starts on. */
function splitFrontmatter(text: string): { frontmatter: string | undefined; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontmatter: undefined, body: text, bodyLine: 1 };
  const frontmatter = match[1] ?? '';
  return { frontmatter, body: text.slice(match[0].length), bodyLine: frontmatter.split('\n').length + 3 };
}

/** Direction controls in the frontmatter's values (escaped ones too), and a publication date decades too early. */
function frontmatterProblems(file: string, frontmatter: string): Problem[] {
  const read = readYaml(file, new TextEncoder().encode(frontmatter));
  // Astro reports the frontmatter's syntax and fields; here only what it would let through.
  const problems = read.problems.filter((p) => p.expected === t('decode.bidi'));
  const date = (read.data as { date?: unknown } | undefined)?.date;
  const year = date instanceof Date ? date.getUTCFullYear() : Number(String(date ?? '').slice(0, 4));
  if (year < EARLIEST_YEAR) {
    const at = read.locate(['date']);
    const found = String(date);
    problems.push({
      file,
      ...at,
      field: 'date',
      label: t('notice.date'),
      expected: tooEarly(EARLIEST_YEAR),
      found,
      severity: 'error',
    });
  }
  // One line down: the frontmatter starts under the opening `---`.
  return problems.map((p) => ({ ...p, line: p.line + 1 }));
}

function bodyProblems(file: string, body: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, column: number, label: string, expected: string, found: string) =>
    problems.push({ file, line: firstLine + line, column, field: '', label, expected, found, severity: 'error' });
  const lines = body.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const code = ESM.exec(line) ?? EXPRESSION.exec(line) ?? TAG.exec(line);
    if (code) at(index, code.index + 1, t('notice.markup'), t('notice.markdownOnly'), line.trim());
    for (const match of line.matchAll(LINK_TARGET)) {
      const target = match[2] ?? '';
      const scheme = schemeOf(target);
      if (scheme === undefined || SAFE_SCHEMES.has(scheme)) continue;
      at(index, (match.index ?? 0) + (match[1]?.length ?? 0) + 1, t('notice.link'), t('notice.linkScheme'), target);
    }
  });
  // The text as a browser reads it: a control written as a reference (&#x202E;) is one in the page,
  // and a scheme that runs something counts however it is escaped, spelt with references, or
  // broken over two lines (a browser drops the line break from a URL).
  const read = lines.map(asBrowserReads);
  for (const problem of bidiProblems(file, read.join('\n')))
    problems.push({ ...problem, line: problem.line + firstLine - 1 });
  read.forEach((text, index) => {
    const next = read[index + 1] ?? '';
    const alone = DANGEROUS.test(text);
    const split = !alone && !DANGEROUS.test(next) && DANGEROUS.test(text + next);
    const reported = problems.some((p) => p.line === firstLine + index && p.label === t('notice.link'));
    if ((alone || split) && !reported)
      at(index, 1, t('notice.link'), t('notice.linkScheme'), lines[index]?.trim() ?? '');
  });
  return problems;
}

export function checkNotice(file: string, bytes: Uint8Array): Problem[] {
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return decoded.problems;
  const { frontmatter, body, bodyLine } = splitFrontmatter(decoded.text);
  return [
    ...decoded.problems,
    ...(frontmatter === undefined ? [] : frontmatterProblems(file, frontmatter)),
    ...bodyProblems(file, body, bodyLine),
  ];
}
