/**
 * HTML written as text, for the pages made outside Astro's page pipeline
 * (the printed sheets, src/outputs/print/). `html` is a tagged template in which every
 * value is escaped unless it is HTML made by `html` itself: a name, an
 * address or a duty from a committee's file can never become markup.
 *
 * A template is laid out one element to a line for the reader and writes
 * compact markup, as JSX does: a line break with the indentation after it is
 * dropped next to a tag or a value, and is one space anywhere else (between
 * the attributes of a tag broken over two lines).
 */
import { memoize } from './memo.ts';

/** Text made safe for HTML or XML, in an element or in a quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Markup that is safe to write as it is: only `html` makes it. */
export class SafeHtml {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** What a template may hold: text (escaped), markup, lists of either; false, null and undefined write nothing. */
export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | readonly HtmlPart[];

const SPECIAL = /[&<>"']/;

function write(part: HtmlPart): string {
  // Most values are plain text without a character to escape: that case first, without a copy.
  if (typeof part === 'string') return SPECIAL.test(part) ? escapeXml(part) : part;
  if (part instanceof SafeHtml) return part.text;
  if (Array.isArray(part)) {
    let text = '';
    for (const item of part) text += write(item);
    return text;
  }
  if (part === false || part === true || part === null || part === undefined) return '';
  return escapeXml(String(part));
}

/** The literal parts of each template, without its layout: worked out once per template, not per call. */
const partsOf = memoize((strings: TemplateStringsArray): string[] =>
  strings.map((part) =>
    part.replace(/\n[ \t]*/g, (layout, at: number) => {
      const before = part[at - 1];
      const after = part[at + layout.length];
      return before === undefined || before === '>' || after === undefined || after === '<' ? '' : ' ';
    }),
  ),
);

/** Markup with its values escaped: html`<p>${name}</p>`. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  const parts = partsOf(strings);
  let text = parts[0] ?? '';
  for (let i = 0; i < values.length; i++) text += write(values[i]) + (parts[i + 1] ?? '');
  return new SafeHtml(text);
}
