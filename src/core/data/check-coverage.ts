/**
 * Which checks between files ran on a set of files checked together, and
 * which did not for want of a file: the answer a committee member needs
 * before trusting 「检查通过」 on one file. Each check names the files it
 * needs; cross-checks.ts skips exactly these when a file is not given (loose
 * mode) or cannot be read.
 */
import { type StringKey, t } from '../i18n/t.ts';
import { COMPOUND_FILE, type CompoundTableFile } from './tables.ts';

type FileName = typeof COMPOUND_FILE | CompoundTableFile;

interface CrossCheck {
  /** What it checks, in Chinese. */
  title: StringKey;
  /** It concerns a set of files when any of these is among them. */
  involves: readonly FileName[];
  /** It runs only when all of these are there and readable. */
  needs: readonly FileName[];
}

const CROSS_CHECKS: readonly CrossCheck[] = [
  {
    title: 'coverage.totals',
    involves: ['public-revenue.csv', 'public-revenue-items.csv'],
    needs: ['public-revenue.csv', 'public-revenue-items.csv'],
  },
  {
    title: 'coverage.shareRatio',
    involves: ['public-revenue.csv'],
    needs: ['public-revenue.csv', 'public-revenue-items.csv', COMPOUND_FILE],
  },
  { title: 'coverage.balance', involves: ['public-revenue.csv'], needs: ['public-revenue.csv'] },
  {
    title: 'coverage.account',
    involves: ['public-revenue.csv', 'public-revenue-items.csv'],
    needs: [COMPOUND_FILE],
  },
  {
    title: 'coverage.builtYear',
    involves: ['fees.csv', 'public-revenue.csv', 'maintenance-fund.csv', 'elevators.csv', 'utility-split.csv'],
    needs: [COMPOUND_FILE],
  },
  { title: 'coverage.utility', involves: ['utility-split.csv'], needs: ['utility-split.csv'] },
];

export interface Coverage {
  /** Checks between files that ran, in Chinese. */
  ran: string[];
  /** Checks that did not, each with the file it lacked. */
  skipped: string[];
}

/**
 * The checks between files that concern `given` (the files the user gave), run on `present` (those and
 * any published copies added), minus those needing a file in `unreadable`.
 */
export function coverage(
  given: ReadonlySet<string>,
  present: ReadonlySet<string>,
  unreadable: ReadonlySet<string> = new Set(),
): Coverage {
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const check of CROSS_CHECKS) {
    if (!check.involves.some((f) => given.has(f))) continue;
    const lacking = check.needs.filter((f) => !present.has(f) || unreadable.has(f));
    if (lacking.length === 0) ran.push(t(check.title));
    else skipped.push(t('coverage.lacking', { check: t(check.title), files: lacking.join('、') }));
  }
  return { ran, skipped };
}

/** One paragraph saying which checks between files ran and which did not. */
export function coverageText(result: Coverage, published: readonly string[]): string {
  const parts: string[] = [];
  if (published.length > 0) parts.push(t('coverage.withPublished', { files: published.join('、') }));
  if (result.ran.length > 0) parts.push(t('coverage.ran', { checks: result.ran.join('；') }));
  if (result.skipped.length > 0) parts.push(t('coverage.skipped', { checks: result.skipped.join('；') }));
  return parts.join('');
}
