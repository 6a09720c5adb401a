/**
 * HTML written as text, for the pages made outside Astro's page pipeline
 * (the printed sheets, src/print/). `html` is a tagged template in which every
 * value is escaped unless it is HTML made by `html` itself: a name, an
 * address or a duty from a committee's file can never become markup.
 */
import { escapeXml } from './atom.ts';

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

/** Markup with its values escaped: html`<p>${name}</p>`. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let text = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) text += write(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(text);
}
