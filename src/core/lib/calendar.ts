/**
 * Calendar arithmetic on ISO date strings (YYYY-MM-DD) and quarters (YYYYQn).
 * Dates are plain strings so that they compare with < and survive JSON.
 */
import { memoize } from './memo.ts';

export function parseIso(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIso(date);
  return iso(y, m, d + days);
}

/** The same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseIso(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(y, m + months, Math.min(d, lastDay));
}

export function daysBetween(from: string, to: string): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function parseQuarterId(id: string): Quarter {
  return { year: Number(id.slice(0, 4)), q: Number(id.slice(5)) as Quarter['q'] };
}

export function quarterId({ year, q }: Quarter): string {
  return `${year}Q${q}`;
}

export function quarterOf(date: string): string {
  const { y, m } = parseIso(date);
  return `${y}Q${Math.ceil(m / 3)}`;
}

export function nextQuarter(id: string): string {
  const { year, q } = parseQuarterId(id);
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

export function previousQuarter(id: string): string {
  const { year, q } = parseQuarterId(id);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/**
 * Quarter bounds, remembered by quarter: validation asks for them on every row of every
 * compound's accounts, and each answer takes a Date and an ISO string to work out.
 */
export const quarterStart = memoize((id: string): string => {
  const { year, q } = parseQuarterId(id);
  return iso(year, (q - 1) * 3 + 1, 1);
});

export const quarterEnd = memoize((id: string): string => addDays(quarterStart(nextQuarter(id)), -1));

/** Every quarter from `first` to `last`, both included, oldest first. */
export function quartersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let id = first; id <= last; id = nextQuarter(id)) out.push(id);
  return out;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in China Standard Time (UTC+8) of a Unix time in seconds. */
export function dateFromEpochSeconds(seconds: number): string {
  return new Date(seconds * 1000 + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * "Today" for checking files a committee is preparing (the /submit/ page,
 * `npm run validate` on files outside content/): the later of the build's
 * date and the clock's, so that a correct recent date is never called future.
 */
export function checkingDate(buildDay: string, now: Date = new Date()): string {
  const clockDay = dateFromEpochSeconds(Math.floor(now.getTime() / 1000));
  return clockDay > buildDay ? clockDay : buildDay;
}
