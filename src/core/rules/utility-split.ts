/**
 * Shared water and electricity (公共水电费分摊): every billing month is
 * posted by the end of the following month (实施方案三（二）11 names the
 * duty; the policy sets no day, so the portal uses one month and says so).
 * A compound that does not split them (the cost is in its fee) declares it.
 */
import { publicationDate } from '../data/received.ts';
import { rowKey } from '../data/tables.ts';
import { t } from '../i18n/t.ts';
import { formatDate, formatMonth } from '../lib/format.ts';
import { dayAfter, monthEnd, monthOf, monthsBetween, nextMonth } from './dates.ts';
import type { Observation, Rule } from './finding.ts';

/** A month's split is owed by the end of the month after it. */
export const utilityDeadline = (month: string) => monthEnd(nextMonth(month));

const keyOf = rowKey('utility-split.csv');

export const utilityMonthly: Rule = {
  id: 'monthly',
  title: 'rule.utility.title',
  cadence: 'rule.utility.cadence',
  basis: 'rule.utility.basis',
  evaluate(record, today) {
    const rows = record.utilitySplits;
    if (record.compound.utility_split === false || rows.length === 0) return [];
    const byMonth = new Map<string, typeof rows>();
    for (const row of rows) byMonth.set(row.period, [...(byMonth.get(row.period) ?? []), row]);
    const first = [...byMonth.keys()].sort()[0] ?? monthOf(today);
    const findings: Observation[] = [];
    for (const month of monthsBetween(first, monthOf(today))) {
      const deadline = utilityDeadline(month);
      const posted = byMonth.get(month);
      const what = { month: formatMonth(month), deadline: formatDate(deadline) };
      if (posted) {
        const date = posted
          .map((row) => publicationDate(record.received, 'utility-split.csv', keyOf(row), row.published).date)
          .sort()
          .at(-1) as string;
        if (date > deadline) {
          findings.push({
            level: 'resolved',
            text: t('finding.utilityLate', { ...what, date: formatDate(date) }),
            since: date,
            deadline,
          });
        }
      } else if (today > deadline) {
        findings.push({
          level: 'overdue',
          text: t('finding.utilityMissing', what),
          since: dayAfter(deadline),
          deadline,
        });
      } else if (monthEnd(month) < today) {
        findings.push({ level: 'due', text: t('finding.utilityDue', what), deadline });
      }
    }
    return findings;
  },
};
