/**
 * The maintenance fund and public revenue must agree: what a quarter's
 * accounts move into the fund is shown in the fund's part as an inflow, and
 * is a finding where the fund publishes nothing it could appear in. And a
 * published fund accounts for each year (实施方案三（二）7: 维修资金使用情况
 * 公示制度): the last year's opening, inflows, uses and closing, by the end
 * of March (the county sets no date; this is the site's, and it says so).
 */
import { t } from '../i18n/t.ts';
import { formatDate, formatQuarter } from '../lib/format.ts';
import { formatYuan } from '../lib/money.ts';
import { dayAfter } from './dates.ts';
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

/** The last day of March: by then the last year's account is owed. */
export const fundYearDeadline = (year: number) => `${year + 1}-03-31`;

export const fundYearly: Rule = {
  id: 'yearly',
  title: 'rule.fundYear.title',
  cadence: 'rule.fundYear.cadence',
  basis: 'rule.fund.basis',
  evaluate(record, today) {
    if (record.compound.maintenance_fund === undefined) return [];
    const thisYear = Number(today.slice(0, 4));
    // The newest year whose account is owed by today.
    const year = today > fundYearDeadline(thisYear - 1) ? thisYear - 1 : thisYear - 2;
    if (record.fundYears.some((y) => y.year === year)) return [];
    const deadline = fundYearDeadline(year);
    return [
      {
        level: 'overdue',
        text: t('finding.fundYearMissing', { year, deadline: formatDate(deadline) }),
        since: dayAfter(deadline),
        deadline,
      },
    ];
  },
};
