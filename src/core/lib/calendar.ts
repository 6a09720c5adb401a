/**
 * Calendar arithmetic on ISO date strings (YYYY-MM-DD) and quarters (YYYYQn).
 * Dates are plain strings so that they compare with < and survive JSON.
 */
import { memoize } from './memo.ts';

export function parseIso(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/**
 * Days since 1970-01-01 of a Gregorian date, as Date.UTC counts them: the month and the day may run
 * over (month 13, day 0, day 40). Plain arithmetic (H. Hinnant's days_from_civil): the rules ask for
 * dates millions of times in a build, and a Date and its ISO string took a second of it.
 */
function dayNumber(year: number, month: number, day: number): number {
  // Date would have thrown or rounded; a date like "0NaN-NaN-NaN" would instead sort before every real one.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  const y0 = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date (YYYY-MM-DD) of a day number (H. Hinnant's civil_from_days). */
function dateOfDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const iso = (y: number, m: number, d: number): string => dateOfDay(dayNumber(y, m, d));

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIso(date);
  return iso(y, m, d + days);
}

/** The same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseIso(date);
  const lastDay = dayNumber(y, m + months + 1, 1) - dayNumber(y, m + months, 1);
  return iso(y, m + months, Math.min(d, lastDay));
}

export function daysBetween(from: string, to: string): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return dayNumber(b.y, b.m, b.d) - dayNumber(a.y, a.m, a.d);
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
