/**
 * The county's verdicts, named on the compound's page: its company on the
 * blacklist or rated a blacklisting grade, a project manager on the
 * blacklist, a 通报批评 within the last year, and a 不合格 evaluation
 * (实施方案第四部分（二）; 三（二）9). They are facts about the compound's
 * service that residents are owed, so none of them lets the page say 全部按期.
 */
import type { CompoundRecord } from '../data/records.ts';
import { t } from '../i18n/t.ts';
import { addMonths } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { inForce } from '../schemas/blacklist.ts';
import { formatHalfYear } from '../schemas/half-year.ts';
import type { Observation, Rule } from './finding.ts';

const managerOf = (record: CompoundRecord) => record.compound.manager?.name;

/** The company, or this compound's project manager, on the blacklist today. */
export const companyBlacklist: Rule = {
  id: 'blacklist',
  title: 'rule.standing.title',
  cadence: 'rule.standing.cadence',
  basis: 'rule.standing.basis',
  evaluate(record, today) {
    return (record.companyOversight?.blacklist ?? [])
      .filter((e) => inForce(e, today) && (e.manager === undefined || e.manager === managerOf(record)))
      .map(
        (entry): Observation => ({
          level: 'warning',
          text: t(entry.manager === undefined ? 'finding.companyBlacklisted' : 'finding.managerBlacklisted', {
            name: entry.manager ?? '',
            date: formatDate(entry.date),
            decision: entry.decision,
          }),
          since: entry.date,
        }),
      );
  },
};

/** The company's latest published rating is a grade that leads to the blacklist (C on the usual scale). */
export const companyRating: Rule = {
  id: 'rating',
  title: 'rule.standing.title',
  cadence: 'rule.standing.cadence',
  basis: 'rule.standing.basis',
  evaluate(record, today) {
    const oversight = record.companyOversight;
    const rating = oversight?.ratings.find((r) => r.date <= today);
    const grade = rating && oversight?.scale?.grades.find((g) => g.grade === rating.grade);
    if (!rating || !grade?.blacklist) return [];
    return [
      {
        level: 'warning',
        text: t('finding.companyRatedLow', { period: formatHalfYear(rating.period), grade: rating.grade }),
        since: rating.date,
      },
    ];
  },
};

/** A 通报批评 of the company, or of this compound's project manager, within the last twelve months. */
export const companyCriticism: Rule = {
  id: 'criticism',
  title: 'rule.standing.title',
  cadence: 'rule.standing.cadence',
  basis: 'rule.standing.basis',
  evaluate(record, today) {
    const yearAgo = addMonths(today, -12);
    return (record.companyOversight?.actions ?? [])
      .filter((a) => a.kind === '通报批评' && a.date <= today && a.date > yearAgo)
      .filter((a) => a.manager === undefined || a.manager === managerOf(record))
      .map(
        (action): Observation => ({
          level: 'warning',
          text: t('finding.companyCriticised', {
            date: formatDate(action.date),
            reason: action.reason,
            document: action.document,
          }),
          since: action.date,
          deadline: addMonths(action.date, 12),
        }),
      );
  },
};
