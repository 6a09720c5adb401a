/**
 * Elevators: the periodic inspection every year, overdue the day after its
 * due date (特种设备安全法; 实施方案三（二）2), and routine maintenance at
 * least every 15 days (TSG T5002《电梯维护保养规则》).
 */
import { t } from '../i18n/t.ts';
import { addDays } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter, withinDays } from './dates.ts';
import { EXPIRING_WITHIN_DAYS, type Observation, type Rule } from './finding.ts';

/** Days allowed between two routine maintenance visits. */
export const MAINTENANCE_INTERVAL_DAYS = 15;

export const elevatorInspection: Rule = {
  id: 'inspection',
  title: 'rule.elevator.title',
  cadence: 'rule.elevator.cadence',
  basis: 'rule.elevator.basis',
  evaluate(record, today) {
    const findings: Observation[] = [];
    for (const e of record.elevators) {
      const what = { location: e.location, number: e.register_number, deadline: formatDate(e.next_inspection) };
      if (today > e.next_inspection) {
        findings.push({
          level: 'overdue',
          text: t('finding.elevatorOverdue', what),
          since: dayAfter(e.next_inspection),
          deadline: e.next_inspection,
        });
      } else if (withinDays(today, e.next_inspection, EXPIRING_WITHIN_DAYS)) {
        findings.push({
          level: 'expiring',
          text: t('finding.elevatorInspectionSoon', what),
          deadline: e.next_inspection,
        });
      }
    }
    return findings;
  },
};

export const elevatorMaintenance: Rule = {
  id: 'maintenance',
  title: 'rule.elevatorMaintenance.title',
  cadence: 'rule.elevatorMaintenance.cadence',
  basis: 'rule.elevatorMaintenance.basis',
  evaluate(record, today) {
    return record.elevators.flatMap((e): Observation[] => {
      const deadline = addDays(e.last_maintenance, MAINTENANCE_INTERVAL_DAYS);
      if (today <= deadline) return [];
      return [
        {
          level: 'overdue',
          text: t('finding.elevatorMaintenance', {
            location: e.location,
            number: e.register_number,
            date: formatDate(e.last_maintenance),
            days: MAINTENANCE_INTERVAL_DAYS,
          }),
          since: dayAfter(deadline),
          deadline,
        },
      ];
    });
  },
};
