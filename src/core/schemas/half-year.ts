import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { normalizeText } from './primitives.ts';

/** Reads 2025H2, 2025-H2, 2025年下半年 or 2025年上半年 as `2025H1` / `2025H2`. */
export function parseHalfYear(raw: string): string | undefined {
  const s = normalizeText(raw).toUpperCase();
  const latin = /^(\d{4})\s*-?\s*H([12])$/.exec(s);
  if (latin) return `${latin[1]}H${latin[2]}`;
  const chinese = /^(\d{4})年?([上下])半年$/.exec(s);
  if (chinese) return `${chinese[1]}H${chinese[2] === '上' ? 1 : 2}`;
  return undefined;
}

/** A half-year, the period of credit ratings and comprehensive evaluations, stored as `YYYYH1` / `YYYYH2`. */
export const halfYear = z
  .union([z.string(), z.number()], { error: t('expect.halfYear') })
  .transform((raw, ctx) => {
    const parsed = parseHalfYear(String(raw));
    if (parsed === undefined) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.halfYear') });
      return z.NEVER;
    }
    return parsed;
  })
  .meta({ kind: 'halfyear' });

/** First and last day of a half-year. */
export function halfYearStart(id: string): string {
  return `${id.slice(0, 4)}-${id.endsWith('H1') ? '01-01' : '07-01'}`;
}
export function halfYearEnd(id: string): string {
  return `${id.slice(0, 4)}-${id.endsWith('H1') ? '06-30' : '12-31'}`;
}
export function previousHalfYear(id: string): string {
  const year = Number(id.slice(0, 4));
  return id.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}
export function nextHalfYear(id: string): string {
  const year = Number(id.slice(0, 4));
  return id.endsWith('H1') ? `${year}H2` : `${year + 1}H1`;
}
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}
/** 2025年下半年 */
export function formatHalfYear(id: string): string {
  return t(id.endsWith('H1') ? 'period.firstHalf' : 'period.secondHalf', { year: id.slice(0, 4) });
}
