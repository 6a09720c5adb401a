/**
 * Fire safety: a full inspection of the fire facilities every year, and for
 * a high-rise compound a maintenance contract with a certified company, kept
 * current (实施方案三（二）3;《高层民用建筑消防安全管理规定》).
 */
import { t } from '../i18n/t.ts';
import { addMonths } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter, withinDays } from './dates.ts';
import { EXPIRING_WITHIN_DAYS, type Observation, type Rule } from './finding.ts';

export const fireContract: Rule = {
  id: 'contract',
  title: 'rule.fire.title',
  cadence: 'rule.fire.cadence',
  basis: 'rule.fire.basis',
  evaluate(record, today) {
    const { high_rise, fire_safety } = record.compound;
    if (!high_rise || !fire_safety) return [];
    if (!fire_safety.contractor) return [{ level: 'missing', text: t('finding.fireNoContract') }];
    const until = fire_safety.contract_until;
    if (!until) return [];
    const what = { date: formatDate(until) };
    if (until < today) {
      return [
        { level: 'overdue', text: t('finding.fireContractExpired', what), since: dayAfter(until), deadline: until },
      ];
    }
    return withinDays(today, until, EXPIRING_WITHIN_DAYS)
      ? [{ level: 'expiring', text: t('finding.fireContractEnding', what), deadline: until }]
      : [];
  },
};

export const fireInspection: Rule = {
  id: 'inspection',
  title: 'rule.fireInspection.title',
  cadence: 'rule.fireInspection.cadence',
  basis: 'rule.fireInspection.basis',
  evaluate(record, today): Observation[] {
    const last = record.compound.fire_safety?.last_inspection;
    if (!last) return [];
    const deadline = addMonths(last, 12);
    const what = { date: formatDate(last), deadline: formatDate(deadline) };
    if (today > deadline) {
      return [
        { level: 'overdue', text: t('finding.fireInspectionOverdue', what), since: dayAfter(deadline), deadline },
      ];
    }
    return withinDays(today, deadline, EXPIRING_WITHIN_DAYS)
      ? [{ level: 'expiring', text: t('finding.fireInspectionSoon', what), deadline }]
      : [];
  },
};
