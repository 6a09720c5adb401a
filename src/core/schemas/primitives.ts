/**
 * Value types shared by every schema: money, dates, quarters, phones, codes.
 *
 * Each accepts what a committee member types in Excel, WPS or a YAML editor
 * (full-width digits, `1,234.50元`, `2023年6月5日`) and normalises it to one
 * internal form, so that pages and checks never see two spellings of a value.
 * Each error message says what was expected; the error formatter adds what was found.
 */
import { z } from 'zod';
import { type StringKey, t } from '../i18n/t.ts';

/** Folds full-width digits, letters and punctuation to ASCII and trims. */
export function normalizeText(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** Text a committee types as it is; a number typed in YAML is accepted as its digits. */
function asText(raw: unknown): unknown {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw.trim();
  return raw;
}

/**
 * A value typed as text (or as a YAML number) and read by a parser that
 * returns its one normal form, or undefined with the expectation as the message.
 */
function parsedText(parse: (raw: string) => string | undefined, expectKey: StringKey) {
  return z.union([z.string(), z.number()], { error: t(expectKey) }).transform((raw, ctx) => {
    const parsed = parse(String(raw));
    if (parsed === undefined) {
      ctx.issues.push({ code: 'custom', input: raw, message: t(expectKey) });
      return z.NEVER;
    }
    return parsed;
  });
}

/** A required line of text. */
export const text = (max = 200) =>
  z.preprocess(
    asText,
    z
      .string({ error: t('expect.text') })
      .max(max, { error: t('expect.textMax', { max }) })
      .refine((s) => !/(?![\t\n\r])\p{Cc}/u.test(s), {
        error: t('expect.textNoControl'),
      }),
  );

/** A lowercase ASCII identifier, as used in folder names and references. */
export const slug = z
  .string({ error: t('expect.slug') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: t('expect.slug') });

// ---------------------------------------------------------------- numbers

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;
const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an amount in yuan to integer fen. Floats are never used for money:
 * the digits are read as text, so 0.1 + 0.2 problems cannot arise.
 */
export function parseYuanToFen(raw: string): number | 'scientific' | undefined {
  // An amount already written plainly (1234.50, as spreadsheets save it) is plain ASCII
  // that the clean-up below would leave as it is: it is read straight away.
  let m = AMOUNT.exec(raw);
  if (!m) {
    const s = normalizeText(raw)
      .replace(/^(-?)[¥￥]/, '$1')
      .replace(/元$/, '')
      .replace(/[,\s]/g, '');
    if (SCIENTIFIC.test(s)) return 'scientific';
    m = AMOUNT.exec(s);
    if (!m) return undefined;
  }
  const [, sign, whole = '0', frac = ''] = m;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return undefined;
  return sign === '-' ? -fen : fen;
}

/**
 * No single amount a compound publishes comes near 1 billion yuan (十亿元); anything
 * larger is a typing slip (extra digits, an ID pasted into the amount column).
 */
export const MAX_MONEY_YUAN = 1_000_000_000;
const MAX_MONEY_FEN = MAX_MONEY_YUAN * 100;
const MAX_MONEY_YUAN_TEXT = '1,000,000,000';

function moneyOf(allowNegative: boolean) {
  return z.union([z.string(), z.number()], { error: t('expect.money') }).transform((raw, ctx) => {
    const fen = parseYuanToFen(String(raw));
    if (fen === 'scientific') {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.noScientific') });
      return z.NEVER;
    }
    if (fen === undefined) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.money') });
      return z.NEVER;
    }
    if (Math.abs(fen) > MAX_MONEY_FEN) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.moneyTooLarge', { max: MAX_MONEY_YUAN_TEXT }) });
      return z.NEVER;
    }
    if (!allowNegative && fen < 0) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.moneyNonNegative') });
      return z.NEVER;
    }
    return fen;
  });
}

/** An amount in yuan with at most two decimals, stored as integer fen; never negative. */
export const money = moneyOf(false).meta({ kind: 'fen' });
/** An amount in yuan that may be negative (a net result), stored as integer fen. */
export const signedMoney = moneyOf(true).meta({ kind: 'fen' });

/**
 * A decimal with a fixed number of places, stored as an integer count of the
 * smallest unit (for example a unit price of 0.5613 元 with 4 places is 5613).
 */
export function scaledDecimal(places: number, expectKey: Parameters<typeof t>[0]) {
  return z
    .union([z.string(), z.number()], { error: t(expectKey) })
    .transform((raw, ctx) => {
      const s = normalizeText(String(raw)).replace(/[,\s]/g, '');
      if (SCIENTIFIC.test(s)) {
        ctx.issues.push({ code: 'custom', input: raw, message: t('expect.noScientific') });
        return z.NEVER;
      }
      const m = new RegExp(`^(\\d+)(?:\\.(\\d{1,${places}}))?$`).exec(s);
      if (!m) {
        ctx.issues.push({ code: 'custom', input: raw, message: t(expectKey) });
        return z.NEVER;
      }
      // Past this the scaled integer is no longer exact, and no compound's meter or tariff comes near it.
      if (Number(m[1]) >= MAX_MONEY_YUAN) {
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: t('expect.decimalTooLarge', { max: MAX_MONEY_YUAN_TEXT }),
        });
        return z.NEVER;
      }
      return Number(m[1]) * 10 ** places + Number((m[2] ?? '').padEnd(places, '0'));
    })
    .meta({ kind: 'scaled', scale: 10 ** places });
}

/** A whole number, typed in YAML or in a CSV cell. */
export const count = (min = 0, max = 1_000_000) =>
  z
    .union([z.number(), z.string()], { error: t('expect.integer') })
    .transform((raw, ctx) => {
      const s = normalizeText(String(raw)).replace(/[,\s]/g, '');
      if (!/^\d+$/.test(s)) {
        ctx.issues.push({ code: 'custom', input: raw, message: t('expect.integer') });
        return z.NEVER;
      }
      return Number(s);
    })
    .pipe(
      z
        .number()
        .min(min, { error: t('expect.integerRange', { min, max }) })
        .max(max, { error: t('expect.integerRange', { min, max }) }),
    )
    .meta({ kind: 'integer' });

/** A positive decimal such as a floor area in ㎡. */
export const decimal = z
  .union([z.number(), z.string()], { error: t('expect.decimal') })
  .transform((raw, ctx) => {
    const s = normalizeText(String(raw)).replace(/[,\s]/g, '');
    if (!/^\d+(?:\.\d+)?$/.test(s)) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.decimal') });
      return z.NEVER;
    }
    return Number(s);
  })
  .meta({ kind: 'number' });

/** 是 / 否 in a CSV cell, true / false in YAML. */
export const yesNo = z
  .union([z.boolean(), z.string()], { error: t('expect.yesNo') })
  .transform((raw, ctx) => {
    if (typeof raw === 'boolean') return raw;
    const s = normalizeText(raw).toLowerCase();
    if (['是', 'true', 'yes', '有'].includes(s)) return true;
    if (['否', 'false', 'no', '无'].includes(s)) return false;
    ctx.issues.push({ code: 'custom', input: raw, message: t('expect.yesNo') });
    return z.NEVER;
  })
  .meta({ kind: 'boolean' });

// ---------------------------------------------------------------- dates

/** Is y-m-d a day that exists in the calendar? */
function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Reads 2023-06-05, 2023/6/5, 2023.6.5 or 2023年6月5日 as an ISO date string. */
export function parseDate(raw: string): string | undefined {
  const s = normalizeText(raw);
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A calendar day, stored as `YYYY-MM-DD`. Like every primitive here it declares its `kind`
 * in its meta: how the open data writes it and the change history says it
 * (src/outputs/open-data.ts), and, for the kinds that name a time (date, yearmonth, quarter,
 * halfyear), which values the plausibility check of dates looks at (src/core/data/date-checks.ts).
 */
export const isoDate = parsedText(parseDate, 'expect.date').meta({ kind: 'date' });

/** A calendar month such as a billing period, 2026-09 or 2026年9月, stored as `YYYY-MM`. */
export function parseYearMonth(raw: string): string | undefined {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(normalizeText(raw));
  const month = m ? Number(m[2]) : 0;
  return m && month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : undefined;
}

export const yearMonth = parsedText(parseYearMonth, 'expect.month').meta({ kind: 'yearmonth' });

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** Reads 2025Q3, 2025-Q3, 2025年第3季度 or 2025年第三季度 as `2025Q3`. */
export function parseQuarter(raw: string): string | undefined {
  const s = normalizeText(raw).toUpperCase();
  const latin = /^(\d{4})\s*-?\s*Q([1-4])$/.exec(s);
  if (latin) return `${latin[1]}Q${latin[2]}`;
  const chinese = /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(s);
  if (chinese) {
    const q = CHINESE_QUARTER[chinese[2] ?? ''] ?? Number(chinese[2]);
    return `${chinese[1]}Q${q}`;
  }
  return undefined;
}

/** A calendar quarter, stored as `YYYYQn`. */
export const quarter = parsedText(parseQuarter, 'expect.quarter').meta({ kind: 'quarter' });

// ---------------------------------------------------------------- web addresses

/**
 * A web page's address: http or https only, with no user name or password in it. Such
 * an address becomes the target of links and QR codes on every page, so `javascript:`,
 * `data:` or `file:` must never get that far, whatever a browser's CSP would make of them.
 */
export const webUrl = z.url({ protocol: /^https?$/, error: t('expect.url') }).refine((value) => {
  // Refinements run after a failed check as well; that failure has been reported already.
  const url = URL.parse(value);
  return !url || (url.username === '' && url.password === '');
}, t('expect.urlNoCredentials'));

// ---------------------------------------------------------------- phones and codes

/** Short numbers that work nationwide without an area code. */
const SERVICE_NUMBER = /^(?:110|119|120|122|12315|12345|12319|12329|12333|12365|12369|95\d{3,4}|96\d{3,4})$/;

/**
 * Normalises a Chinese phone number: mobile (138 0000 0000), landline with an
 * area code (0994-7231234), a Qitai local number without it (7231234, read as
 * 0994-7231234), 400/800 numbers, or a short service number (12345).
 */
export function parsePhone(raw: string): string | undefined {
  const s = normalizeText(raw)
    .replace(/[\s()（）]/g, '')
    .replace(/^\+?86-?/, '');
  const digits = s.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (SERVICE_NUMBER.test(digits)) return digits;
  if (/^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  // Area codes are 010 and 02x (three digits), elsewhere 0 and three more digits (0994 for Qitai).
  const landline = /^(0(?:10|2\d)|0[3-9]\d{2})-?([2-9]\d{6,7})$/.exec(s);
  if (landline) {
    const [, area = '', local = ''] = landline;
    // 0994 numbers have seven digits; other area codes are checked only for length.
    if (area === '0994' && local.length !== 7) return undefined;
    return `${area}-${local}`;
  }
  if (/^[2-9]\d{6}$/.test(digits)) return `0994-${digits}`;
  return undefined;
}

/** A phone number that dials from a mobile in Qitai, stored in one canonical shape. */
export const phone = parsedText(parsePhone, 'expect.phone');

/** Is this a personal mobile number (as opposed to an office line or service number)? */
export function isMobile(normalizedPhone: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizedPhone);
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code (GB 32100-2015) for its first 17 characters. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** A unified social credit code (统一社会信用代码) whose check character is right. */
export const uscc = z.string({ error: t('expect.uscc') }).transform((raw, ctx) => {
  const s = normalizeText(raw).toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) {
    ctx.issues.push({ code: 'custom', input: raw, message: t('expect.uscc') });
    return z.NEVER;
  }
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) {
    ctx.issues.push({
      code: 'custom',
      input: raw,
      message: t('expect.usccCheck', { check: usccCheckChar(s.slice(0, 17)) ?? '?' }),
    });
    return z.NEVER;
  }
  return s;
});

/** Latitude and longitude in WGS-84, within China. */
export const location = z.strictObject({
  /** Latitude, degrees north. */
  lat: z
    .number({ error: t('expect.lat') })
    .min(18, { error: t('expect.lat') })
    .max(54, { error: t('expect.lat') })
    .meta({ title: '纬度' }),
  /** Longitude, degrees east. */
  lon: z
    .number({ error: t('expect.lon') })
    .min(73, { error: t('expect.lon') })
    .max(136, { error: t('expect.lon') })
    .meta({ title: '经度' }),
});

/** A person named on a disclosure: only a name and a role are published. */
export const contact = z.strictObject({
  /** Company or person to call. */
  name: text(100).meta({ title: '名称' }),
  /** Their phone. */
  phone: phone.meta({ title: '电话' }),
});
