/**
 * Finds personal data that must never be published (REQUIREMENTS, Privacy):
 * resident ID numbers, full bank card numbers, and personal mobiles outside
 * the fields meant for a phone.
 *
 * Check digits keep false alarms down: an 18-digit string is an ID only if
 * its GB 11643 check character is right, and a card number only if it passes
 * Luhn. A number is never cut out of a longer digit run, so 20-digit elevator
 * register codes and unified social credit codes are left alone.
 */
import { t } from '../i18n/t.ts';
import { memoize } from '../lib/memo.ts';

export type PrivacyKind = 'id-card' | 'bank-account' | 'mobile';

export interface PrivacyHit {
  kind: PrivacyKind;
  /** 0-based offset of the match in the text, so the caller can compute a column. */
  index: number;
  /** Length of the match in the original text, so the caller can replace it. */
  length: number;
  /** The matched text, masked for display: keep only the last 4 characters, e.g. '**************123X'. */
  masked: string;
  /** Chinese clause for the problem message (from zh-CN.json via t()), saying what must not be published and what to do. */
  expected: string;
}

// ---------------------------------------------------------------- check digits

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Is y-m-d a day that exists in the calendar? */
function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * True if the 18-character string is a valid PRC resident ID number: 6-digit area code
 * starting 1-8, a real birth date between 1900-01-01 and 2099-12-31, 3-digit sequence,
 * and a correct GB 11643 check character (ISO 7064 MOD 11-2). A lowercase x is accepted.
 */
export function isResidentId(candidate: string): boolean {
  const m = /^[1-8]\d{5}((?:19|20)\d{2})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(candidate);
  if (!m) return false;
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(candidate[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === candidate[17]?.toUpperCase();
}

/** Luhn check for bank card numbers: digits only, at least two of them. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------- scanning

/**
 * Folds each character with NFKC (full-width digits, letters, hyphens and
 * spaces become ASCII) and remembers where each folded unit came from, so
 * that offsets found in the folded text can be told in the original.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    folded += n;
    for (let i = 0; i < n.length; i++) origin.push(offset);
    offset += ch.length;
  }
  return { folded, origin };
}

/**
 * Every kind of number looked for has at least this many digits once folded:
 * a mobile 11, a card 16, an ID 17 (and its check character).
 */
const MIN_DIGITS = 11;

/**
 * How many ASCII digits each non-ASCII code point folds to, learnt once per
 * code point: besides full-width digits, NFKC turns ① into 1, ⑳ into 20 and
 * 𝟏 into 1, so no fixed list of "digit-like" characters would be exact.
 */
const digitsOf = memoize((codePoint: number): number => {
  let count = 0;
  for (const c of String.fromCodePoint(codePoint).normalize('NFKC')) if (c >= '0' && c <= '9') count++;
  return count;
});

/**
 * Most values (names, dates, amounts) hold too few digits to be any number
 * looked for: they are passed over without folding. Also says whether the
 * text is plain ASCII, which NFKC leaves as it is.
 */
function precheck(text: string): { enoughDigits: boolean; ascii: boolean } {
  let digits = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) digits++;
      continue;
    }
    ascii = false;
    // CJK ideographs, most of any Chinese value, have no NFKC mapping at all.
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    const codePoint = text.codePointAt(i) ?? c;
    if (codePoint > 0xffff) i++;
    digits += digitsOf(codePoint);
  }
  return { enoughDigits: digits >= MIN_DIGITS, ascii };
}

/** Hides all but the last four characters of a number, dropping its spaces and hyphens. */
function mask(match: string): string {
  const compact = match.replace(/[ -]/g, '');
  return '*'.repeat(Math.max(0, compact.length - 4)) + compact.slice(-4);
}

/**
 * 18 characters, written solid or grouped 6-8-4 / 6-4-4-4 with spaces or
 * hyphens, not cut out of a longer digit run.
 */
const ID_CARD = /(?<!\d)\d{6}[ -]?\d{4}[ -]?\d{4}[ -]?\d{3}[\dXx](?!\d)/g;
/** 16 to 19 digits written solid: the whole digit run, never part of a longer one. */
const CARD_SOLID = /(?<!\d)\d{16,19}(?!\d)/g;
/**
 * Groups of four as printed on a card (6228 4800 1234 5678 901), with one kind
 * of separator. The grouping must be whole: another group of exactly four
 * digits joined by the same separator on either side means a longer number
 * (such as an elevator code written in groups), of which no part is taken.
 * A short last group ends the grouping, so anything after it is another number.
 */
const cardGrouped = (sep: string) =>
  new RegExp(
    `(?<!\\d)(?<!(?<!\\d)\\d{4}${sep})\\d{4}(?:${sep}\\d{4}){3}(?:${sep}\\d{1,3}(?!\\d)|(?!\\d)(?!${sep}\\d{4}(?!\\d)))`,
    'g',
  );
const CARD_GROUPED = [cardGrouped(' '), cardGrouped('-')];
/** Issuers: 62 UnionPay, 4 Visa, 5 Mastercard, 3 JCB and others. */
const CARD_ISSUER = /^(?:62|4|5|3)/;
/**
 * 11 digits starting 13-19, solid or grouped 3-4-4, optionally after +86;
 * the country code is not reported as part of the number.
 */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[ -]?)?(1[3-9]\d{9}|1[3-9]\d([ -])\d{4}\2\d{4})(?!\d)/g;

interface Span {
  kind: PrivacyKind;
  start: number;
  end: number;
  text: string;
}

/** Scans one text value. `allowMobile` is true for fields meant to carry a phone number. */
export function scanPrivacy(text: string, options: { allowMobile?: boolean } = {}): PrivacyHit[] {
  const { enoughDigits, ascii } = precheck(text);
  if (!enoughDigits) return [];
  // ASCII text folds to itself, every unit coming from its own offset.
  const { folded, origin } = ascii ? { folded: text, origin: undefined } : fold(text);
  const spans: Span[] = [];
  // Earlier kinds win: a valid ID that happens to pass Luhn is reported once, as an ID.
  const add = (kind: PrivacyKind, start: number, match: string) => {
    const end = start + match.length;
    if (spans.some((s) => start < s.end && s.start < end)) return;
    spans.push({ kind, start, end, text: match });
  };

  for (const m of folded.matchAll(ID_CARD)) {
    if (isResidentId(m[0].replace(/[ -]/g, ''))) add('id-card', m.index, m[0]);
  }
  for (const pattern of [CARD_SOLID, ...CARD_GROUPED]) {
    for (const m of folded.matchAll(pattern)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (CARD_ISSUER.test(digits) && passesLuhn(digits)) add('bank-account', m.index, m[0]);
    }
  }
  if (!options.allowMobile) {
    for (const m of folded.matchAll(MOBILE)) {
      const number = m[1] ?? '';
      add('mobile', m.index + m[0].length - number.length, number);
    }
  }

  if (spans.length === 0) return [];
  const expected: Record<PrivacyKind, string> = {
    'id-card': t('privacy.idCard'),
    'bank-account': t('privacy.bankAccount'),
    mobile: t('privacy.mobile'),
  };
  return spans
    .sort((a, b) => a.start - b.start)
    .map((s) => ({
      kind: s.kind,
      index: origin?.[s.start] ?? s.start,
      length: (origin?.[s.end - 1] ?? s.end - 1) + 1 - (origin?.[s.start] ?? s.start),
      masked: mask(s.text),
      expected: expected[s.kind],
    }));
}
