/**
 * Secondary water supply (二次供水, 实施方案三（二）2: inspected, maintained and
 * cleaned regularly): the tanks cleaned and disinfected at least every six
 * months (CJJ 140《二次供水工程技术规程》; GB 17051 asks once a year at the
 * least), and the water, once tested 不合格, open until a later test passes.
 */
import { t } from '../i18n/t.ts';
import { addMonths } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { renewal } from './dates.ts';
import type { Observation, Rule } from './finding.ts';

/** Months allowed between two cleanings. */
export const CLEANING_MONTHS = 6;

export const waterCleaning: Rule = {
  id: 'cleaning',
  title: 'rule.waterCleaning.title',
  cadence: 'rule.waterCleaning.cadence',
  basis: 'rule.waterCleaning.basis',
  evaluate(record, today): Observation[] {
    if (record.compound.secondary_water_supply !== true) return [];
    const days = record.waterServices
      .filter((s) => s.kind === '清洗消毒')
      .map((s) => s.date)
      .sort();
    const last = days.at(-1);
    if (!last) return [{ level: 'missing', text: t('finding.waterNeverCleaned') }];
    const history = days.slice(1).flatMap((day, i): Observation[] => {
      const deadline = addMonths(days[i] as string, CLEANING_MONTHS);
      return day > deadline
        ? [
            {
              level: 'resolved',
              text: t('finding.waterCleaningLate', {
                from: formatDate(days[i] as string),
                to: formatDate(day),
                months: CLEANING_MONTHS,
              }),
              since: day,
              deadline,
            },
          ]
        : [];
    });
    return [
      ...history,
      ...renewal(last, CLEANING_MONTHS, today, {
        overdue: 'finding.waterCleaningOverdue',
        expiring: 'finding.waterCleaningDue',
      }),
    ];
  },
};

export const waterQuality: Rule = {
  id: 'quality',
  title: 'rule.waterQuality.title',
  cadence: 'rule.waterQuality.cadence',
  basis: 'rule.waterQuality.basis',
  evaluate(record): Observation[] {
    const tests = record.waterServices
      .filter((s) => s.kind === '水质检测')
      .sort((a, b) => a.date.localeCompare(b.date));
    return tests.flatMap((test, i): Observation[] => {
      if (test.result !== '不合格') return [];
      const what = { date: formatDate(test.date), report: test.report_number };
      const passed = tests.slice(i + 1).find((later) => later.result === '合格');
      return passed
        ? [
            {
              level: 'resolved',
              text: t('finding.waterFailedThenPassed', { ...what, passed: formatDate(passed.date) }),
              since: passed.date,
            },
          ]
        : [{ level: 'breach', text: t('finding.waterFailed', what), since: test.date }];
    });
  },
};
