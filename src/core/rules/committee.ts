/**
 * The owners' committee: filed within 30 days of its election (物业管理条例
 * 第十六条); re-elected before its term ends; and where a compound meets the
 * conditions for one, 社区代行 is temporary: the county set 2023-12-30 for
 * every such compound to have its committee (实施方案第四部分（二）).
 */
import { t } from '../i18n/t.ts';
import { addDays } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter, withinDays } from './dates.ts';
import { EXPIRING_WITHIN_DAYS, type Rule } from './finding.ts';

/** The day by which every compound that meets the conditions was to have elected its committee. */
export const COMMITTEE_DEADLINE = '2023-12-30';

export const committeeFiling: Rule = {
  id: 'filing',
  title: 'rule.committeeFiling.title',
  cadence: 'rule.committeeFiling.cadence',
  basis: 'rule.committeeFiling.basis',
  evaluate(record, today) {
    const { committee, filings } = record.compound;
    if (committee?.status !== 'established' || !committee.elected) return [];
    const deadline = addDays(committee.elected, 30);
    const filing = filings?.committee;
    if (filing?.status === 'filed' && filing.date) {
      if (filing.date <= deadline) return [];
      const text = t('finding.committeeFiledLate', { date: formatDate(filing.date), deadline: formatDate(deadline) });
      return [{ level: 'resolved', text, since: filing.date, deadline }];
    }
    return today > deadline
      ? [
          {
            level: 'overdue',
            text: t('finding.committeeNotFiled', { deadline: formatDate(deadline) }),
            since: dayAfter(deadline),
            deadline,
          },
        ]
      : [{ level: 'due', text: t('finding.committeeFilingDue', { deadline: formatDate(deadline) }), deadline }];
  },
};

export const committeeActing: Rule = {
  id: 'acting',
  title: 'rule.committeeActing.title',
  cadence: 'rule.committeeActing.cadence',
  basis: 'rule.committeeActing.basis',
  evaluate(record, today) {
    const { committee, committee_conditions_met } = record.compound;
    if (committee?.status !== 'acting' || committee_conditions_met === false || today <= COMMITTEE_DEADLINE) return [];
    // Acting since after the county's deadline: the compound has owed its committee since it began.
    const deadline =
      committee.acting_since && committee.acting_since > COMMITTEE_DEADLINE
        ? committee.acting_since
        : COMMITTEE_DEADLINE;
    return [
      {
        level: 'overdue',
        text: t('finding.committeeActing', {
          since: formatDate(committee.acting_since ?? COMMITTEE_DEADLINE),
          deadline: formatDate(COMMITTEE_DEADLINE),
        }),
        since: dayAfter(deadline),
        deadline,
      },
    ];
  },
};

export const committeeTerm: Rule = {
  id: 'term',
  title: 'rule.committeeTerm.title',
  cadence: 'rule.committeeTerm.cadence',
  basis: 'rule.committeeTerm.basis',
  evaluate(record, today) {
    const { committee } = record.compound;
    const end = committee?.status === 'established' ? committee.term_end : undefined;
    if (!end) return [];
    if (today > end) {
      return [
        {
          level: 'overdue',
          text: t('finding.committeeTermEnded', { date: formatDate(end) }),
          since: dayAfter(end),
          deadline: end,
        },
      ];
    }
    return withinDays(today, end, EXPIRING_WITHIN_DAYS)
      ? [{ level: 'expiring', text: t('finding.committeeTermEnding', { date: formatDate(end) }), deadline: end }]
      : [];
  },
};
