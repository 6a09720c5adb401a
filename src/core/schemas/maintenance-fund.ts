import { z } from 'zod';
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
});
export type FundUse = z.output<typeof fundUseSchema>;
