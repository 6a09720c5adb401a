/**
 * Elevators: the periodic inspection every year, overdue the day after its
 * due date (特种设备安全法; 实施方案三（二）2), routine maintenance at least
 * every 15 days (TSG T5002《电梯维护保养规则》), judged from the visits in
 * elevator-maintenance.csv as well as the last one in elevators.csv, and an
 * emergency drill every year (实施方案三（二）2).
 */
import type { CompoundRecord } from '../data/records.ts';
import { t } from '../i18n/t.ts';
import { addDays, addMonths, daysBetween } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter, renewal, withinDays } from './dates.ts';
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

/** An elevator's visits, oldest first: the days in elevator-maintenance.csv and its last one in elevators.csv. */
export function maintenanceDays(record: CompoundRecord, registerNumber: string): string[] {
  const last = record.elevators.find((e) => e.register_number === registerNumber)?.last_maintenance;
  const days = record.elevatorMaintenance.filter((m) => m.register_number === registerNumber).map((m) => m.date);
  return [...new Set(last ? [...days, last] : days)].sort();
}

/** How far the records reach back for past gaps: a year, as 实施方案 asks records to be kept. */
const RECORD_MONTHS = 12;

export const elevatorMaintenance: Rule = {
  id: 'maintenance',
  title: 'rule.elevatorMaintenance.title',
  cadence: 'rule.elevatorMaintenance.cadence',
  basis: 'rule.elevatorMaintenance.basis',
  evaluate(record, today) {
    const since = addMonths(today, -RECORD_MONTHS);
    return record.elevators.flatMap((e): Observation[] => {
      const days = maintenanceDays(record, e.register_number);
      const what = { location: e.location, number: e.register_number, days: MAINTENANCE_INTERVAL_DAYS };
      // A gap between two visits within the year that ran past 15 days: late, and put right by the later visit.
      const history = days.slice(1).flatMap((day, i): Observation[] => {
        const before = days[i] as string;
        const deadline = addDays(before, MAINTENANCE_INTERVAL_DAYS);
        if (day < since || day <= deadline) return [];
        const text = t('finding.elevatorMaintenanceGap', {
          ...what,
          from: formatDate(before),
          to: formatDate(day),
          gap: daysBetween(before, day),
        });
        return [{ level: 'resolved', text, since: day, deadline }];
      });
      const last = days.at(-1) ?? e.last_maintenance;
      const deadline = addDays(last, MAINTENANCE_INTERVAL_DAYS);
      if (today <= deadline) return history;
      return [
        ...history,
        {
          level: 'overdue',
          text: t('finding.elevatorMaintenance', { ...what, date: formatDate(last) }),
          since: dayAfter(deadline),
          deadline,
        },
      ];
    });
  },
};

export const elevatorDrill: Rule = {
  id: 'drill',
  title: 'rule.elevatorDrill.title',
  cadence: 'rule.elevatorDrill.cadence',
  basis: 'rule.elevatorDrill.basis',
  evaluate(record, today): Observation[] {
    if (record.elevators.length === 0) return [];
    const safety = record.compound.elevator_safety;
    if (!safety) return [{ level: 'missing', text: t('finding.elevatorSafetyMissing') }];
    return renewal(safety.last_drill, 12, today, {
      overdue: 'finding.elevatorDrillOverdue',
      expiring: 'finding.elevatorDrillDue',
    });
  },
};
