/**
 * The compliance rules: one table, each rule with its legal basis and
 * deadline, evaluated for a compound against the build date. A finding is a
 * fact residents and supervisors must see, never a build failure. Pages,
 * counts and (later) dashboards and map markers all read findings from here.
 */
import type { CompoundRecord } from '../data/records.ts';
import { type StringKey, t } from '../i18n/t.ts';
import {
  addDays,
  addMonths,
  nextQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quartersBetween,
} from '../lib/calendar.ts';
import { formatDate, formatQuarter } from '../lib/format.ts';
import { memoize } from '../lib/memo.ts';
import type { FilingKey } from '../schemas/filings.ts';
import { formatHalfYear, halfYearEnd, halfYearOf, previousHalfYear } from '../schemas/half-year.ts';
import { FIVE_DISCLOSURES, SECTIONS, type SectionId } from './sections.ts';

/**
 * overdue: a deadline has passed and the item is still not there;
 * late: it came, but after its deadline; missing: never published;
 * due: not yet late, but owed soon.
 */
export type FindingLevel = 'overdue' | 'late' | 'missing' | 'due';

export interface Finding {
  rule: RuleId;
  section: SectionId;
  level: FindingLevel;
  text: string;
}

export interface Rule {
  id: RuleId;
  /** What is checked, in Chinese. */
  title: StringKey;
  /** The legal basis, as cited on the page. */
  basis: StringKey;
  evaluate(record: CompoundRecord, today: string): Finding[];
}

export type RuleId =
  | 'five-disclosures'
  | 'public-revenue-quarterly'
  | 'fee-change-notice'
  | 'committee-filing'
  | 'five-filings'
  | 'elevator-inspection'
  | 'fire-maintenance'
  | 'evaluation';

const FILING_KEYS: FilingKey[] = ['area', 'committee', 'contract', 'manager', 'handover'];

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

export const RULES: Rule[] = [
  {
    id: 'five-disclosures',
    title: 'rule.fiveDisclosures.title',
    basis: 'rule.fiveDisclosures.basis',
    evaluate(record) {
      const c = record.compound;
      const present: Record<(typeof FIVE_DISCLOSURES)[number], boolean> = {
        manager: c.manager !== undefined || c.management !== 'professional',
        services: c.services !== undefined,
        fees: record.fees.length > 0,
        hotlines: c.hotlines !== undefined,
        'public-revenue': c.public_revenue !== undefined,
      };
      return FIVE_DISCLOSURES.filter((s) => !present[s]).map((section) => ({
        rule: 'five-disclosures',
        section,
        level: 'missing',
        text: t('finding.notPublished', { what: t(`section.${section}`) }),
      }));
    },
  },
  {
    id: 'public-revenue-quarterly',
    title: 'rule.publicRevenue.title',
    basis: 'rule.publicRevenue.basis',
    evaluate(record, today) {
      const since = record.compound.public_revenue?.since;
      if (!since) return [];
      const published = new Map(record.revenueQuarters.map((q) => [q.quarter, q.published]));
      const findings: Finding[] = [];
      const last = lastOverdueQuarter(today);
      for (const quarter of since <= last ? quartersBetween(since, last) : []) {
        const deadline = revenueDeadline(quarter);
        const date = published.get(quarter);
        if (date === undefined) {
          findings.push({
            rule: 'public-revenue-quarterly',
            section: 'public-revenue',
            level: 'overdue',
            text: t('finding.revenueMissing', { quarter: formatQuarter(quarter), deadline: formatDate(deadline) }),
          });
        } else if (date > deadline) {
          findings.push({
            rule: 'public-revenue-quarterly',
            section: 'public-revenue',
            level: 'late',
            text: t('finding.revenueLate', {
              quarter: formatQuarter(quarter),
              deadline: formatDate(deadline),
              date: formatDate(date),
            }),
          });
        }
      }
      const current = nextQuarter(last);
      if (current >= since && !published.has(current) && quarterEnd(current) < today) {
        findings.push({
          rule: 'public-revenue-quarterly',
          section: 'public-revenue',
          level: 'due',
          text: t('finding.revenueDue', {
            quarter: formatQuarter(current),
            deadline: formatDate(revenueDeadline(current)),
          }),
        });
      }
      return findings;
    },
  },
  {
    id: 'fee-change-notice',
    title: 'rule.feeChange.title',
    basis: 'rule.feeChange.basis',
    evaluate(record) {
      const findings: Finding[] = [];
      for (const fee of record.fees) {
        const replaces = record.fees.some(
          (o) => o.item === fee.item && o.payer === fee.payer && o.effective < fee.effective,
        );
        if (replaces && fee.announced > addMonths(fee.effective, -1)) {
          findings.push({
            rule: 'fee-change-notice',
            section: 'fees',
            level: 'late',
            text: t('finding.feeNoticeShort', {
              item: fee.item,
              announced: formatDate(fee.announced),
              effective: formatDate(fee.effective),
            }),
          });
        }
      }
      return findings;
    },
  },
  {
    id: 'committee-filing',
    title: 'rule.committeeFiling.title',
    basis: 'rule.committeeFiling.basis',
    evaluate(record, today) {
      const { committee, filings } = record.compound;
      if (committee?.status !== 'established' || !committee.elected) return [];
      const deadline = addDays(committee.elected, 30);
      const filing = filings?.committee;
      const base = { rule: 'committee-filing', section: 'committee' } as const;
      if (filing?.status === 'filed' && filing.date) {
        return filing.date > deadline
          ? [
              {
                ...base,
                level: 'late',
                text: t('finding.committeeFiledLate', {
                  date: formatDate(filing.date),
                  deadline: formatDate(deadline),
                }),
              },
            ]
          : [];
      }
      return today > deadline
        ? [{ ...base, level: 'overdue', text: t('finding.committeeNotFiled', { deadline: formatDate(deadline) }) }]
        : [{ ...base, level: 'due', text: t('finding.committeeFilingDue', { deadline: formatDate(deadline) }) }];
    },
  },
  {
    id: 'five-filings',
    title: 'rule.fiveFilings.title',
    basis: 'rule.fiveFilings.basis',
    evaluate(record) {
      const filings = record.compound.filings;
      if (!filings) {
        return [
          {
            rule: 'five-filings',
            section: 'filings',
            level: 'missing',
            text: t('finding.notPublished', { what: t('section.filings') }),
          },
        ];
      }
      return FILING_KEYS.filter((key) => filings[key].status === 'pending' && key !== 'committee').map((key) => ({
        rule: 'five-filings',
        section: 'filings',
        level: 'missing',
        text: t('finding.filingPending', { what: t(`filing.${key}`) }),
      }));
    },
  },
  {
    id: 'elevator-inspection',
    title: 'rule.elevator.title',
    basis: 'rule.elevator.basis',
    evaluate(record, today) {
      return record.elevators
        .filter((e) => today > e.next_inspection)
        .map((e) => ({
          rule: 'elevator-inspection',
          section: 'elevators',
          level: 'overdue',
          text: t('finding.elevatorOverdue', {
            location: e.location,
            number: e.register_number,
            deadline: formatDate(e.next_inspection),
          }),
        }));
    },
  },
  {
    id: 'fire-maintenance',
    title: 'rule.fire.title',
    basis: 'rule.fire.basis',
    evaluate(record, today) {
      const { high_rise, fire_safety } = record.compound;
      if (!high_rise) return [];
      const base = { rule: 'fire-maintenance', section: 'fire-safety' } as const;
      if (!fire_safety?.contractor) return [{ ...base, level: 'missing', text: t('finding.fireNoContract') }];
      if (fire_safety.contract_until && fire_safety.contract_until < today) {
        return [
          {
            ...base,
            level: 'overdue',
            text: t('finding.fireContractExpired', { date: formatDate(fire_safety.contract_until) }),
          },
        ];
      }
      return [];
    },
  },
  {
    id: 'evaluation',
    title: 'rule.evaluation.title',
    basis: 'rule.evaluation.basis',
    evaluate(record, today) {
      // No evaluations file: the county publishes no evaluations yet, so nothing can be owed.
      if (!record.evaluations) return [];
      const done = new Set(record.evaluations.map((e) => e.period));
      const base = { rule: 'evaluation', section: 'evaluation' } as const;
      const last = lastDueHalfYear(today);
      const findings: Finding[] = [];
      if (!done.has(last)) {
        findings.push({
          ...base,
          level: 'overdue',
          text: t('finding.evaluationMissing', {
            period: formatHalfYear(last),
            deadline: formatDate(evaluationDeadline(last)),
          }),
        });
      }
      const ended = previousHalfYear(halfYearOf(today));
      if (ended !== last && !done.has(ended)) {
        findings.push({
          ...base,
          level: 'due',
          text: t('finding.evaluationDue', {
            period: formatHalfYear(ended),
            deadline: formatDate(evaluationDeadline(ended)),
          }),
        });
      }
      return findings;
    },
  },
];

/**
 * The page, the map, the lists and the dashboards all ask for the same
 * compound's findings; with 10,000 compounds, evaluating the rules once per
 * record and day instead of once per asker saves tens of seconds of build.
 */
const evaluated = memoize((record: CompoundRecord) =>
  memoize((today: string): readonly Finding[] =>
    RULES.flatMap((rule) => rule.evaluate(record, today)).sort(
      (a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section),
    ),
  ),
);

/** Every finding for one compound, in page order. */
export function evaluateCompound(record: CompoundRecord, today: string): Finding[] {
  // Each caller gets its own array; the findings themselves are never changed.
  return [...evaluated(record)(today)];
}
