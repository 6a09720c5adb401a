/** How dates, quarters and phones read on the page, in Chinese. */
import { parseIso, parseQuarterId } from './calendar.ts';

/** 2026-03-05 → 2026年3月5日 */
export function formatDate(date: string): string {
  const { y, m, d } = parseIso(date);
  return `${y}年${m}月${d}日`;
}

/** 2026-09 → 2026年9月 */
export function formatMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 2025Q3 → 2025年第3季度 */
export function formatQuarter(id: string): string {
  const { year, q } = parseQuarterId(id);
  return `${year}年第${q}季度`;
}

/** The number to put in a tel: link: digits only, area code kept. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d]/g, '')}`;
}

/** An integer count of 1/scale units as a decimal without trailing zeros: (125050, 100) → "1250.5". */
export function formatScaled(value: number, scale: number): string {
  const whole = Math.floor(value / scale);
  const frac = String(value % scale)
    .padStart(String(scale).length - 1, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
