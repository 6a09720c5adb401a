/** The five filings (五备案): each still pending is missing; the committee's own has its rule in committee.ts. */
import { t } from '../i18n/t.ts';
import type { FilingKey } from '../schemas/filings.ts';
import type { Rule } from './finding.ts';

const FILED_BY_COMPANY: FilingKey[] = ['area', 'contract', 'manager', 'handover'];

export const filingsDone: Rule = {
  id: 'done',
  title: 'rule.fiveFilings.title',
  cadence: 'rule.fiveFilings.cadence',
  basis: 'rule.fiveFilings.basis',
  evaluate(record) {
    const filings = record.compound.filings;
    if (!filings) return [];
    return FILED_BY_COMPANY.filter((key) => filings[key].status === 'pending').map((key) => ({
      level: 'missing',
      text: t('finding.filingPending', { what: t(`filing.${key}`) }),
    }));
  },
};
