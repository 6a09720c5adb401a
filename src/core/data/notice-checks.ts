/**
 * Checks the text of a county notice (`notices/<slug>.mdx`) that Astro's MDX
 * loader would otherwise publish as written: direction controls, and links
 * whose target is not a web page, an e-mail address or a phone number
 * (`javascript:`, `data:`, `file:`…), however the scheme is spelt with entities.
 * The frontmatter's fields are checked by Astro against src/core/schemas/notice.ts.
 */
import { t } from '../i18n/t.ts';
import { bidiProblems, decodeText } from './decode.ts';
import type { Problem } from './problems.ts';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Where a link target starts: after `](` of a link or image, after `]:` of a reference
 * definition, inside `<…>` of an autolink, or in an `href`/`src` attribute of JSX or HTML.
 */
const LINK_TARGET = /(\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?|<|\b(?:href|src)\s*=\s*\{?\s*["'`]?)([^\s)"'`>]+)/gim;

/** Character references as Markdown and HTML decode them in a link, so `java&#115;cript:` is seen for what it is. */
function decodeReferences(target: string): string {
  return target
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '');
}

/** The scheme a browser would read from a link target, or undefined for a relative one. */
function schemeOf(target: string): string | undefined {
  // Browsers drop tabs, line breaks and leading controls or spaces before reading the scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is removed.
  const plain = decodeReferences(target).replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1]?.toLowerCase();
}

export function checkNotice(file: string, bytes: Uint8Array): Problem[] {
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return decoded.problems;
  const text = decoded.text;
  const problems = [...decoded.problems, ...bidiProblems(file, text)];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(LINK_TARGET)) {
      const target = match[2] ?? '';
      const scheme = schemeOf(target);
      // An autolink's `<` also opens every HTML tag: only a target with a scheme is a link.
      if (scheme === undefined || SAFE_SCHEMES.has(scheme)) continue;
      problems.push({
        file,
        line: index + 1,
        column: (match.index ?? 0) + (match[1]?.length ?? 0) + 1,
        field: '',
        label: t('notice.link'),
        expected: t('notice.linkScheme'),
        found: target,
        severity: 'error',
      });
    }
  });
  return problems;
}
