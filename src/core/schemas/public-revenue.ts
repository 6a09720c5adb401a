import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, money, normalizeText, quarter, signedMoney, text } from './primitives.ts';

/** The committee's own account that public revenue goes to, in `compound.yaml`. */
export const publicRevenueAccountSchema = z.strictObject({
  /** Account holder, normally the owners' committee (or the 社区 acting for it). */
  account_holder: text(100).meta({ title: '收益账户户名' }),
  /** Bank and branch. */
  bank: text(100).meta({ title: '开户行' }),
  /** Only the last four digits of the account number are ever published. */
  account_last4: z
    .union([z.string(), z.number()])
    .transform((v) => normalizeText(String(v)).replace(/^尾号/, ''))
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
  quarter: quarter.meta({ title: '季度', description: '哪一季度的收支', examples: ['2026Q3'] }),
  /** Day the accounts were posted in the compound. */
  published: isoDate.meta({
    title: '公示日期',
    description: '在小区张贴公示的日期；应在下一季度结束前公示',
    examples: ['2026-10-15'],
  }),
  /** Sum of this quarter's income items, if given (checked). */
  income_total: money
    .optional()
    .meta({ title: '收入合计（元）', description: '本季度各项收入之和，会与明细核对', examples: ['14220.00'] }),
  /** Sum of this quarter's expense items, if given (checked). */
  expense_total: money
    .optional()
    .meta({ title: '支出合计（元）', description: '本季度各项支出之和，会与明细核对', examples: ['0.00'] }),
  /** Owners' share of the net (收入 − 支出). */
  owner_share: signedMoney.meta({
    title: '业主分成（元）',
    description: '净收益中归全体业主的部分',
    examples: ['9954.00'],
  }),
  /** Company's share of the net. */
  company_share: signedMoney.meta({
    title: '企业分成（元）',
    description: '净收益中归物业服务企业的部分',
    examples: ['4266.00'],
  }),
  /** Amount moved from the owners' share to the maintenance fund. */
  to_maintenance_fund: money.meta({
    title: '转入维修资金（元）',
    description: '从业主分成中转入专项维修资金的金额，没有填 0',
    examples: ['0'],
  }),
  /** Balance of the owners' account at the end of the quarter. */
  balance: signedMoney.meta({
    title: '期末结余（元）',
    description: '季度末业主收益账户的余额',
    examples: ['9954.00'],
  }),
  /** Anything residents should know about this quarter. */
  note: text(300).optional().meta({ title: '备注', description: '需要向业主说明的情况' }),
});
export type RevenueQuarter = z.output<typeof revenueQuarterSchema>;

export const REVENUE_KINDS = ['收入', '支出'] as const;

/** Disclosure 5, one row of `public-revenue-items.csv`: one income or expense item of a quarter. */
export const revenueItemSchema = z.strictObject({
  /** The quarter it belongs to. */
  quarter: quarter.meta({ title: '季度', description: '哪一季度的收支', examples: ['2026Q3'] }),
  /** 收入 or 支出. */
  kind: z.enum(REVENUE_KINDS).meta({ title: '收支类别', description: '收入或支出', examples: ['收入'] }),
  /** What it is, for example 地面停车费 or 电梯广告. */
  item: text(100).meta({ title: '项目', description: '收入或支出的名目', examples: ['地面停车费'] }),
  /** Amount in yuan. */
  amount: money.meta({ title: '金额（元）', description: '这一项的金额', examples: ['14220.00'] }),
  /** Anything residents should know about it. */
  note: text(300)
    .optional()
    .meta({ title: '说明', description: '计算方式或其他说明', examples: ['月租车位79个×60元/月×3个月'] }),
});
export type RevenueItem = z.output<typeof revenueItemSchema>;
