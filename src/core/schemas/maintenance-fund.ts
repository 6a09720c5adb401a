import { z } from 'zod';
import { count, isoDate, money, text, yesNo } from './primitives.ts';

/** 专项维修资金: the balance, in `compound.yaml`. */
export const maintenanceFundSchema = z.strictObject({
  /** Balance in yuan on the day below. */
  balance: money.meta({ title: '维修资金余额（元）' }),
  /** The day the balance was read from the bureau's account. */
  as_of: isoDate.meta({ title: '余额截至日期' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type MaintenanceFund = z.output<typeof maintenanceFundSchema>;

/** One row of `maintenance-fund.csv`: one use of the fund. */
export const fundUseSchema = z.strictObject({
  /** Day the money was paid out. */
  date: isoDate.meta({ title: '使用日期', description: '维修资金支出的日期', examples: ['2026-05-20'] }),
  /** What was repaired or replaced. */
  item: text(200).meta({ title: '使用项目', description: '维修或更换了什么', examples: ['3号楼屋面防水维修'] }),
  /** Amount in yuan. */
  amount: money.meta({ title: '金额（元）', description: '支出金额', examples: ['48600.00'] }),
  /** Approval: owners' vote and the bureau's approval number. */
  approval: text(200).meta({
    title: '审批情况',
    description: '业主表决结果和住建局批准文号',
    examples: ['业主表决同意（专有部分面积和人数均过三分之二），奇住建维〔2026〕15号'],
  }),
  /** Anything residents should know about it. */
  note: text(300).optional().meta({ title: '备注', description: '需要向业主说明的情况' }),
  /** Paid through the fast track for emergencies (紧急使用快速通道, 实施方案三（二）7). */
  emergency: yesNo.optional().meta({
    title: '紧急使用',
    description: '是否按紧急情况快速通道使用：是或否；不填即否',
    examples: ['否'],
  }),
  /** Day the 社区 gave its preliminary opinion (初审). */
  community_review: isoDate.optional().meta({
    title: '社区初审日期',
    description: '社区出具初审意见的日期',
    examples: ['2026-05-06'],
  }),
});
export type FundUse = z.output<typeof fundUseSchema>;

/** 首期交存 at purchase, 补交 and 续交 by owners, public revenue moved in, interest, anything else. */
export const FUND_INFLOW_KINDS = ['首期交存', '补交', '续交', '公共收益转入', '利息', '其他'] as const;

/** One row of `maintenance-fund-inflows.csv`: money paid into the fund on one day, of one kind. */
export const fundInflowSchema = z.strictObject({
  /** Day it reached the fund's account. */
  date: isoDate.meta({ title: '入账日期', description: '资金进入维修资金专户的日期', examples: ['2026-03-31'] }),
  /** What it is. */
  kind: z.enum(FUND_INFLOW_KINDS).meta({
    title: '类别',
    description: '首期交存、补交、续交、公共收益转入、利息或其他；同一天同一类别合并为一行',
    examples: ['利息'],
  }),
  /** Amount in yuan. */
  amount: money.meta({ title: '金额（元）', description: '入账金额', examples: ['3120.45'] }),
  /** Anything residents should know about it. */
  note: text(300).optional().meta({ title: '备注', description: '例如补交的户数' }),
});
export type FundInflow = z.output<typeof fundInflowSchema>;

/**
 * One row of `maintenance-fund-years.csv`: the fund's account for one calendar year. The build checks that the
 * opening balance plus the year's inflows less its uses is the closing balance, and that each year opens with
 * the last one's closing balance.
 */
export const fundYearSchema = z.strictObject({
  /** The calendar year. */
  year: count(2000, 2100).meta({ title: '年度', description: '公历年份', examples: ['2026'] }),
  /** Balance on 1 January. */
  opening: money.meta({ title: '年初余额（元）', description: '1月1日的余额', examples: ['3512000.00'] }),
  /** Balance on 31 December. */
  closing: money.meta({
    title: '年末余额（元）',
    description: '12月31日的余额，会按年初余额 + 入账 − 使用核对',
    examples: ['3466520.45'],
  }),
});
export type FundYear = z.output<typeof fundYearSchema>;

/** The money of the rows dated in a calendar year (inflows or uses), in fen. */
export const sumInYear = (rows: readonly { date: string; amount: number }[], year: number) =>
  rows.filter((r) => r.date.startsWith(`${year}-`)).reduce((sum, r) => sum + r.amount, 0);
