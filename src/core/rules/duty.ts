/**
 * The duty every part of the page has: to be published where it applies,
 * and to be updated within its cadence. From one declaration in the page
 * registry come two rules, `<section>.published` and `<section>.current`.
 */
import type { CompoundRecord } from '../data/records.ts';
import { type StringKey, t } from '../i18n/t.ts';
import { addMonths } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { dayAfter } from './dates.ts';
import type { Rule } from './finding.ts';

export interface Duty {
  /** How often the part must be reviewed or renewed, in Chinese, as the page cites it. */
  cadence: StringKey;
  basis: StringKey;
  /** Whether the compound owes this part at all (no project manager without a company); by default it does. */
  applies?: (record: CompoundRecord) => boolean;
  /** Whether the compound has published its own part; by default the part's `published`. */
  present?: (record: CompoundRecord) => boolean;
  /** Months after its last update that the part goes stale (逾期未更新); none where a rule of its own judges it. */
  staleAfterMonths?: number;
}

/** What the two rules need to know about the part. */
export interface DutyOf {
  id: string;
  duty: Duty;
  published: (record: CompoundRecord) => boolean;
  updated: (record: CompoundRecord) => string | undefined;
}

export function dutyRules(part: DutyOf): Rule[] {
  const what = () => t(`section.${part.id}` as StringKey);
  const { duty } = part;
  const applies = duty.applies ?? (() => true);
  const present = duty.present ?? part.published;
  const rules: Rule[] = [
    {
      id: 'published',
      title: 'rule.published.title',
      cadence: duty.cadence,
      basis: duty.basis,
      evaluate: (record) =>
        applies(record) && !present(record)
          ? [{ level: 'missing', text: t('finding.notPublished', { what: what() }) }]
          : [],
    },
  ];
  const months = duty.staleAfterMonths;
  if (months !== undefined) {
    rules.push({
      id: 'current',
      title: 'rule.current.title',
      cadence: duty.cadence,
      basis: duty.basis,
      evaluate(record, today) {
        const updated = present(record) ? part.updated(record) : undefined;
        if (updated === undefined) return [];
        const deadline = addMonths(updated, months);
        if (today <= deadline) return [];
        return [
          {
            level: 'stale',
            text: t('finding.stale', { what: what(), updated: formatDate(updated), cadence: t(duty.cadence) }),
            since: dayAfter(deadline),
            deadline,
          },
        ];
      },
    });
  }
  return rules;
}
