/**
 * Calendar steps the rules share: months as YYYY-MM, and "the day after",
 * which is when a duty whose deadline has passed becomes open.
 */
import type { StringKey } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import { addDays, addMonths, daysBetween } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { EXPIRING_WITHIN_DAYS, type Observation } from './finding.ts';

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

/**
 * Something renewed every `months` from its last time (an inspection, a drill, a cleaning): overdue from the day
 * after its deadline, a reminder (expiring) in the 30 days before. Both texts get {date}, {deadline} and {months}.
 */
export function renewal(
  last: string,
  months: number,
  today: string,
  texts: { overdue: StringKey; expiring: StringKey },
): Observation[] {
  const deadline = addMonths(last, months);
  const what = { date: formatDate(last), deadline: formatDate(deadline), months };
  if (today > deadline)
    return [{ level: 'overdue', text: t(texts.overdue, what), since: dayAfter(deadline), deadline }];
  return withinDays(today, deadline, EXPIRING_WITHIN_DAYS)
    ? [{ level: 'expiring', text: t(texts.expiring, what), deadline }]
    : [];
}
