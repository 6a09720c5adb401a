import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { contact, isoDate, text } from './primitives.ts';

/** Fire safety: a certified maintenance contract (required for high-rise compounds), inspections and filings. */
export const fireSafetySchema = z.strictObject({
  /** The certified fire-facility maintenance and testing company. */
  contractor: contact.optional().meta({ title: '消防维保检测单位' }),
  /** Last day of the maintenance contract. */
  contract_until: isoDate.optional().meta({ title: '维保合同到期日' }),
  /** Day of the last full inspection of fire facilities. */
  last_inspection: isoDate.meta({ title: '最近一次全面检测日期' }),
  /** Day the maintenance contract and the test report were filed with the county fire brigade (报县消防大队备案). */
  contract_filed: isoDate.optional().meta({ title: '维保合同和检测报告备案日期' }),
  /** Day the hazard ledger (fire-hazards.csv) was filed with the county fire brigade. */
  ledger_filed: isoDate.optional().meta({ title: '隐患台账备案日期' }),
  /** Whether every fire lane and aerial-ladder site is marked with lines and no-parking signs. */
  lanes_marked: z
    .boolean({ error: t('expect.boolean') })
    .optional()
    .meta({ title: '消防车道已画线标识' }),
  /** Day of the last 三清一查 (清理楼道、阳台、电动自行车，检查老旧电气线路). */
  sanqing_yicha: isoDate.optional().meta({ title: '最近一次“三清一查”日期' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type FireSafety = z.output<typeof fireSafetySchema>;

/** One row of `fire-hazards.csv`: one hazard found in a self-inspection, and what is done about it. */
export const fireHazardSchema = z
  .strictObject({
    /** Day it was found. */
    found_on: isoDate.meta({ title: '发现日期', description: '自查发现隐患的日期', examples: ['2026-09-12'] }),
    /** Where. */
    location: text(50).meta({ title: '部位', description: '楼栋、通道或设施', examples: ['5号楼地下车库'] }),
    /** What is wrong. */
    hazard: text(200).meta({
      title: '隐患',
      description: '发现了什么问题',
      examples: ['疏散通道堆放杂物'],
    }),
    /** What will be done. */
    measure: text(200).meta({ title: '整改措施', description: '怎样整改', examples: ['清理杂物，张贴禁止堆放标识'] }),
    /** The day it must be put right by. */
    deadline: isoDate.meta({ title: '整改期限', description: '最迟哪天整改完', examples: ['2026-09-30'] }),
    /** The person responsible: a role, not a private phone. */
    responsible: text(50).meta({
      title: '责任人',
      description: '负责整改的人（姓名或职务）',
      examples: ['项目经理 李建国'],
    }),
    /** Day it was put right; empty while it is being worked on. */
    fixed_on: isoDate.optional().meta({
      title: '整改完成日期',
      description: '整改完成的日期；未完成的留空',
      examples: ['2026-09-25'],
    }),
  })
  .superRefine((row, ctx) => {
    for (const key of ['deadline', 'fixed_on'] as const) {
      const value = row[key];
      if (value !== undefined && value < row.found_on) {
        ctx.addIssue({ code: 'custom', path: [key], input: value, message: t('expect.notBeforeFound') });
      }
    }
  });
export type FireHazard = z.output<typeof fireHazardSchema>;
