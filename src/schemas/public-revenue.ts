import { z } from 'astro/zod';
import { t } from '../i18n/t.ts';
import { isoDate, money, quarter, signedMoney, text } from './primitives.ts';

/** The committee's own account that public revenue goes to, in `compound.yaml`. */
export const publicRevenueAccountSchema = z.strictObject({
  /** Account holder, normally the owners' committee (or the 社区 acting for it). */
  account_holder: text(100).meta({ title: '收益账户户名' }),
  /** Bank and branch. */
  bank: text(100).meta({ title: '开户行' }),
  /** Only the last four digits of the account number are ever published. */
  account_last4: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d{4}$/, { error: t('expect.last4') }))
    .meta({ title: '账号后四位' }),
  /** Owners' agreed share of the net revenue, in percent (the rest goes to the company). */
  owner_share_percent: z
    .number({ error: t('expect.percent') })
    .min(0)
    .max(100)
    .meta({ title: '业主分成比例（%）' }),
  /** First quarter for which accounts are due: the portal checks every quarter from here on. */
  since: quarter.meta({ title: '公示起始季度' }),
});
export type PublicRevenueAccount = z.output<typeof publicRevenueAccountSchema>;

/**
 * Disclosure 5, one row of `public-revenue.csv`: one quarter's summary.
 * Every total is checked against the items and the previous quarter.
 */
export const revenueQuarterSchema = z.strictObject({
  /** The quarter, for example 2025Q3 or 2025年第3季度. */
  quarter: quarter.meta({ title: '季度' }),
  /** Day the accounts were posted in the compound. */
  published: isoDate.meta({ title: '公示日期' }),
  /** Sum of this quarter's income items, if given (checked). */
  income_total: money.optional().meta({ title: '收入合计（元）' }),
  /** Sum of this quarter's expense items, if given (checked). */
  expense_total: money.optional().meta({ title: '支出合计（元）' }),
  /** Owners' share of the net (收入 − 支出). */
  owner_share: signedMoney.meta({ title: '业主分成（元）' }),
  /** Company's share of the net. */
  company_share: signedMoney.meta({ title: '企业分成（元）' }),
  /** Amount moved from the owners' share to the maintenance fund. */
  to_maintenance_fund: money.meta({ title: '转入维修资金（元）' }),
  /** Balance of the owners' account at the end of the quarter. */
  balance: signedMoney.meta({ title: '期末结余（元）' }),
  /** Anything residents should know about this quarter. */
  note: text(300).optional().meta({ title: '备注' }),
});
export type RevenueQuarter = z.output<typeof revenueQuarterSchema>;

export const REVENUE_KINDS = ['收入', '支出'] as const;

/** Disclosure 5, one row of `public-revenue-items.csv`: one income or expense item of a quarter. */
export const revenueItemSchema = z.strictObject({
  /** The quarter it belongs to. */
  quarter: quarter.meta({ title: '季度' }),
  /** 收入 or 支出. */
  kind: z.enum(REVENUE_KINDS).meta({ title: '收支类别' }),
  /** What it is, for example 地面停车费 or 电梯广告. */
  item: text(100).meta({ title: '项目' }),
  /** Amount in yuan. */
  amount: money.meta({ title: '金额（元）' }),
  /** Anything residents should know about it. */
  note: text(300).optional().meta({ title: '说明' }),
});
export type RevenueItem = z.output<typeof revenueItemSchema>;
