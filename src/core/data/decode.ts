/**
 * Turns a file's bytes into text without guessing. UTF-8 is checked strictly;
 * bytes that are not UTF-8 are read as GB18030 (what Excel and WPS write on
 * Chinese Windows, a superset of GBK), with a warning that says how to save
 * as UTF-8. UTF-16 ("Unicode text") is refused with the way to save correctly.
 */
import { t } from '../i18n/t.ts';
import type { Problem } from './problems.ts';

export type Encoding = 'utf-8' | 'gb18030';

export interface Decoded {
  text: string | undefined;
  encoding?: Encoding;
  problems: Problem[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

function fileProblem(file: string, expected: string, severity: Problem['severity']): Problem {
  return { file, line: 1, column: 1, field: '', label: t('decode.label'), expected, severity };
}

/** Every .xlsx is a ZIP archive (PK\x03\x04): a workbook, read by src/core/data/workbook.ts, not decoded as text. */
export const isWorkbook = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function decodeText(file: string, bytes: Uint8Array): Decoded {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { text: undefined, problems: [fileProblem(file, t('decode.utf16'), 'error')] };
  }
  if (bytes.includes(0)) {
    return { text: undefined, problems: [fileProblem(file, t('decode.binary'), 'error')] };
  }
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8', problems: [] };
  } catch {
    // Not UTF-8: the only other encoding Chinese spreadsheet software writes by default.
  }
  try {
    return {
      text: GB18030.decode(bytes),
      encoding: 'gb18030',
      problems: [fileProblem(file, t('decode.gbk'), 'warning')],
    };
  } catch {
    return { text: undefined, problems: [fileProblem(file, t('decode.unknown'), 'error')] };
  }
}

/**
 * The controls that change the order text is shown in: embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). Published, they can show a word,
 * an amount or a phone number reversed ("Trojan Source"). No data needs them: the
 * plain marks U+200E and U+200F, which Uyghur or Kazakh text may carry, reorder nothing and stay.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const hasBidiControl = (text: string): boolean => BIDI_CONTROL.test(text);

/**
 * Characters that must not reach a terminal, a CI log or a GitHub workflow command as they are:
 * control characters (a line break in a file name would start a new log line, even a new
 * `::error::` command), the line and paragraph separators, and the direction controls.
 */
const UNSHOWABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** The text with each such character written out as ⟨U+202E⟩, so that it shows and does nothing. */
export const showControls = (text: string): string =>
  text.replace(UNSHOWABLE, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);

/**
 * One problem for each line of `text` that holds a direction control, at the
 * first one's character column. For a file read as text (YAML, MDX); the CSV
 * reader locates them by cell instead.
 */
export function bidiProblems(file: string, text: string): Problem[] {
  if (!hasBidiControl(text)) return [];
  const problems: Problem[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const at = line.search(BIDI_CONTROL);
    if (at < 0) return;
    problems.push({
      file,
      line: index + 1,
      column: at + 1,
      field: '',
      label: t('decode.textLabel'),
      expected: t('decode.bidi'),
      found: showControls(line.trim()),
      severity: 'error',
    });
  });
  return problems;
}
