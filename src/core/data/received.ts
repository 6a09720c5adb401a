/**
 * The day the site received a row, as against the 公示日期 its submitter
 * typed. From the day a compound first reached the repository, lateness is
 * judged by the later of the two: a quarter typed as posted in April but
 * committed in November was not on this site in April. Rows that came with
 * the compound's first commit, and every row of a build without git
 * history, keep their typed date, and the page says so.
 */
import { daysBetween } from '../lib/calendar.ts';
import type { CompoundTableFile } from './tables.ts';

/** Where the received dates come from: git history, or none (a tarball, a shallow clone, the browser). */
export type ReceivedSource = 'git' | 'none';

export interface Received {
  source: ReceivedSource;
  /** The day the compound folder first reached the repository (first-parent history, up to the build's today). */
  firstCommit?: string | undefined;
  /** For each dated table: row key (src/core/data/tables.ts rowKey) → the day that key first reached the repository. */
  rows: Partial<Record<CompoundTableFile, ReadonlyMap<string, string>>>;
}

/**
 * How a date of publication was established — received: from the repository, later than the typed date;
 * typed: the typed date, confirmed by the repository within a week; beforeSite: the row came with the
 * compound's first commit, so only the typed date is known; noHistory: the build had no git history.
 */
export type DateBasis = 'received' | 'typed' | 'beforeSite' | 'noHistory';

export interface PublicationDate {
  /** The date the deadline is judged by. */
  date: string;
  typed: string;
  /** The day the row reached the repository, when known. */
  received?: string | undefined;
  basis: DateBasis;
}

/** Typed and received dates further apart than this are both shown on the page. */
export const SHOW_BOTH_AFTER_DAYS = 7;

/** The date a row's deadline is judged by, and how it was established. */
export function publicationDate(
  received: Received | undefined,
  file: CompoundTableFile,
  key: string,
  typed: string,
): PublicationDate {
  if (received?.source !== 'git') return { date: typed, typed, basis: 'noHistory' };
  const day = received.rows[file]?.get(key);
  // Not committed yet (a working copy), or the compound has no commit by the build's today.
  if (day === undefined || received.firstCommit === undefined) return { date: typed, typed, basis: 'beforeSite' };
  if (day <= received.firstCommit) return { date: typed, typed, received: day, basis: 'beforeSite' };
  return day > typed
    ? { date: day, typed, received: day, basis: 'received' }
    : { date: typed, typed, received: day, basis: 'typed' };
}

/** Whether the page shows the received date beside the typed one. */
export const showsBothDates = (p: PublicationDate) =>
  p.received !== undefined && p.basis !== 'beforeSite' && daysBetween(p.typed, p.received) > SHOW_BOTH_AFTER_DAYS;
