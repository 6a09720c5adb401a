import { z } from 'astro/zod';
import { isoDate, money, text } from './primitives.ts';

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
  date: isoDate.meta({ title: '使用日期' }),
  /** What was repaired or replaced. */
  item: text(200).meta({ title: '使用项目' }),
  /** Amount in yuan. */
  amount: money.meta({ title: '金额（元）' }),
  /** Approval: owners' vote and the bureau's approval number. */
  approval: text(200).meta({ title: '审批情况' }),
  /** Anything residents should know about it. */
  note: text(300).optional().meta({ title: '备注' }),
});
export type FundUse = z.output<typeof fundUseSchema>;
