/**
 * The maintenance fund and public revenue must agree: what a quarter's
 * accounts move into the fund is shown in the fund's part as an inflow, and
 * is a finding where the fund publishes nothing it could appear in.
 */
import { t } from '../i18n/t.ts';
import { formatQuarter } from '../lib/format.ts';
import { formatYuan } from '../lib/money.ts';
import type { Rule } from './finding.ts';

/** Public revenue moved to the fund, quarter by quarter, oldest first. */
export const fundInflows = (record: { revenueQuarters: readonly { quarter: string; to_maintenance_fund: number }[] }) =>
  record.revenueQuarters
    .filter((q) => q.to_maintenance_fund > 0)
    .map((q) => ({ quarter: q.quarter, amount: q.to_maintenance_fund }))
    .sort((a, b) => a.quarter.localeCompare(b.quarter));

export const fundReceivesRevenue: Rule = {
  id: 'inflows',
  title: 'rule.fundInflow.title',
  cadence: 'rule.fundInflow.cadence',
  basis: 'rule.fundInflow.basis',
  evaluate(record) {
    if (record.compound.maintenance_fund !== undefined) return [];
    return fundInflows(record).map((inflow) => ({
      level: 'breach',
      text: t('finding.fundInflowMissing', {
        quarter: formatQuarter(inflow.quarter),
        amount: formatYuan(inflow.amount),
      }),
    }));
  },
};
