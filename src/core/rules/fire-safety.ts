/**
 * Fire safety: a full inspection of the fire facilities every year, and for
 * a high-rise compound a maintenance contract with a certified company, kept
 * current (实施方案三（二）3;《高层民用建筑消防安全管理规定》); every hazard in
 * the self-inspection ledger put right by its deadline (三（二）3), and the fire
 * lanes of a high-rise compound marked (三（二）4).
 */
import { t } from '../i18n/t.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter, renewal, withinDays } from './dates.ts';
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
    return renewal(last, 12, today, {
      overdue: 'finding.fireInspectionOverdue',
      expiring: 'finding.fireInspectionSoon',
    });
  },
};

export const fireHazards: Rule = {
  id: 'hazards',
  title: 'rule.fireHazards.title',
  cadence: 'rule.fireHazards.cadence',
  basis: 'rule.fireHazards.basis',
  evaluate(record, today): Observation[] {
    return record.fireHazards.flatMap((h): Observation[] => {
      const what = { location: h.location, hazard: h.hazard, deadline: formatDate(h.deadline) };
      if (h.fixed_on !== undefined) {
        // Put right after its deadline: it was late, and that stays on the record.
        return h.fixed_on > h.deadline
          ? [
              {
                level: 'resolved',
                text: t('finding.fireHazardLate', { ...what, fixed: formatDate(h.fixed_on) }),
                since: h.fixed_on,
                deadline: h.deadline,
              },
            ]
          : [];
      }
      if (today > h.deadline) {
        return [
          {
            level: 'overdue',
            text: t('finding.fireHazardOverdue', what),
            since: dayAfter(h.deadline),
            deadline: h.deadline,
          },
        ];
      }
      // Being put right: listed in the ledger on the page, and a reminder once its deadline is near.
      return withinDays(today, h.deadline, EXPIRING_WITHIN_DAYS)
        ? [{ level: 'expiring', text: t('finding.fireHazardOpen', what), deadline: h.deadline }]
        : [];
    });
  },
};

export const fireLanes: Rule = {
  id: 'lanes',
  title: 'rule.fireLanes.title',
  cadence: 'rule.fireLanes.cadence',
  basis: 'rule.fireLanes.basis',
  evaluate(record): Observation[] {
    const { high_rise, fire_safety } = record.compound;
    return high_rise && fire_safety?.lanes_marked === false
      ? [{ level: 'breach', text: t('finding.fireLanesUnmarked') }]
      : [];
  },
};
