/**
 * The semi-annual evaluation (综合考评): the county's duty, every half year,
 * by the end of the quarter after it (实施方案第四部分（二）); and its verdict:
 * the latest evaluation 不合格 is named on the page until the next one.
 */
import { t } from '../i18n/t.ts';
import { nextQuarter, quarterEnd, quarterOf } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { formatHalfYear, halfYearEnd, halfYearOf, previousHalfYear } from '../schemas/half-year.ts';
import { dayAfter } from './dates.ts';
import type { Observation, Rule } from './finding.ts';

/**
 * A half-year's comprehensive evaluation is due by the end of the quarter
 * after the half-year (2026H1 by 2026-09-30, 2025H2 by 2026-03-31).
 */
export function evaluationDeadline(period: string): string {
  return quarterEnd(nextQuarter(quarterOf(halfYearEnd(period))));
}

/** The last half-year whose evaluation deadline has passed by `today`. */
export function lastDueHalfYear(today: string): string {
  let h = previousHalfYear(halfYearOf(today));
  while (evaluationDeadline(h) >= today) h = previousHalfYear(h);
  return h;
}

export const evaluationHeld: Rule = {
  id: 'held',
  title: 'rule.evaluation.title',
  cadence: 'rule.evaluation.cadence',
  basis: 'rule.evaluation.basis',
  evaluate(record, today) {
    // No evaluations file: the county publishes no evaluations yet, so nothing can be owed.
    if (!record.evaluations) return [];
    const done = new Set(record.evaluations.map((e) => e.period));
    const last = lastDueHalfYear(today);
    const findings: Observation[] = [];
    if (!done.has(last)) {
      const deadline = evaluationDeadline(last);
      findings.push({
        level: 'overdue',
        text: t('finding.evaluationMissing', { period: formatHalfYear(last), deadline: formatDate(deadline) }),
        since: dayAfter(deadline),
        deadline,
      });
    }
    const ended = previousHalfYear(halfYearOf(today));
    if (ended !== last && !done.has(ended)) {
      const deadline = evaluationDeadline(ended);
      findings.push({
        level: 'due',
        text: t('finding.evaluationDue', { period: formatHalfYear(ended), deadline: formatDate(deadline) }),
        deadline,
      });
    }
    return findings;
  },
};

export const evaluationPassed: Rule = {
  id: 'failed',
  title: 'rule.evaluationFailed.title',
  cadence: 'rule.evaluationFailed.cadence',
  basis: 'rule.evaluation.basis',
  evaluate(record, today) {
    const latest = (record.evaluations ?? []).filter((e) => e.date <= today).at(-1);
    if (latest?.grade !== '不合格') return [];
    return [
      {
        level: 'warning',
        text: t('finding.evaluationFailed', { period: formatHalfYear(latest.period), score: latest.score }),
        since: latest.date,
      },
    ];
  },
};
