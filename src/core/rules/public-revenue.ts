/**
 * Public revenue (公共收益): each quarter's accounts are owed by the end of
 * the following quarter (实施方案三（二）11, 每季度公示一次). A quarter still
 * missing after its deadline is overdue; one that came late is history.
 */
import { publicationDate } from '../data/received.ts';
import { rowKey } from '../data/tables.ts';
import { t } from '../i18n/t.ts';
import { nextQuarter, previousQuarter, quarterEnd, quarterOf, quartersBetween } from '../lib/calendar.ts';
import { formatDate, formatQuarter } from '../lib/format.ts';
import { dayAfter } from './dates.ts';
import type { Observation, Rule } from './finding.ts';

/** Public revenue of a quarter is due by the end of the following quarter. */
export function revenueDeadline(quarter: string): string {
  return quarterEnd(nextQuarter(quarter));
}

/** The last quarter whose public revenue deadline has passed by `today`. */
export function lastOverdueQuarter(today: string): string {
  let q = quarterOf(today);
  while (revenueDeadline(q) >= today) q = previousQuarter(q);
  return q;
}

const keyOf = rowKey('public-revenue.csv');

export const revenueQuarterly: Rule = {
  id: 'quarterly',
  title: 'rule.publicRevenue.title',
  cadence: 'rule.publicRevenue.cadence',
  basis: 'rule.publicRevenue.basis',
  evaluate(record, today) {
    const since = record.compound.public_revenue?.since;
    if (!since) return [];
    const rows = new Map(record.revenueQuarters.map((q) => [q.quarter, q]));
    const findings: Observation[] = [];
    const last = lastOverdueQuarter(today);
    for (const quarter of since <= last ? quartersBetween(since, last) : []) {
      const deadline = revenueDeadline(quarter);
      const row = rows.get(quarter);
      const what = { quarter: formatQuarter(quarter), deadline: formatDate(deadline) };
      if (row === undefined) {
        findings.push({
          level: 'overdue',
          text: t('finding.revenueMissing', what),
          since: dayAfter(deadline),
          deadline,
        });
        continue;
      }
      const posted = publicationDate(record.received, 'public-revenue.csv', keyOf(row), row.published);
      if (posted.date > deadline) {
        findings.push({
          level: 'resolved',
          text: t('finding.revenueLate', { ...what, date: formatDate(posted.date) }),
          since: posted.date,
          deadline,
        });
      }
    }
    const current = nextQuarter(last);
    if (current >= since && !rows.has(current) && quarterEnd(current) < today) {
      const deadline = revenueDeadline(current);
      findings.push({
        level: 'due',
        text: t('finding.revenueDue', { quarter: formatQuarter(current), deadline: formatDate(deadline) }),
        deadline,
      });
    }
    return findings;
  },
};
