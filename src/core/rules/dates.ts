/**
 * Calendar steps the rules share: months as YYYY-MM, and "the day after",
 * which is when a duty whose deadline has passed becomes open.
 */
import { addDays, addMonths, daysBetween } from '../lib/calendar.ts';

export const dayAfter = (date: string) => addDays(date, 1);

/** YYYY-MM of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

export const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/** The last day of a YYYY-MM month. */
export const monthEnd = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/** Every month from `first` to `last`, both included, oldest first. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** Whether `date` falls within the next `days` days of `today` (today included). */
export const withinDays = (today: string, date: string, days: number) =>
  date >= today && daysBetween(today, date) <= days;
