import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, text } from './primitives.ts';

/** The state of one filing with the housing bureau. */
export const FILING_STATUSES = ['filed', 'pending', 'not_applicable'] as const;

/** One of the five filings (五备案). */
export const filingSchema = z
  .strictObject({
    /** filed 已备案, pending 未备案, not_applicable 不适用. */
    status: z.enum(FILING_STATUSES).meta({ title: '备案状态' }),
    /** Day the filing was accepted. */
    date: isoDate.optional().meta({ title: '备案日期' }),
    /** Filing number given by the bureau. */
    number: text(60).optional().meta({ title: '备案编号' }),
  })
  .superRefine((filing, ctx) => {
    if (filing.status !== 'filed') return;
    for (const key of ['date', 'number'] as const) {
      if (filing[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], input: undefined, message: t('expect.filedNeeds') });
      }
    }
  });

/** 五备案: the five filings the housing bureau requires. */
export const filingsSchema = z.strictObject({
  /** 物业管理区域备案. */
  area: filingSchema.meta({ title: '物业管理区域备案' }),
  /** 业主委员会成立备案, due within 30 days of the election. */
  committee: filingSchema.meta({ title: '业主委员会成立备案' }),
  /** 物业服务合同备案. */
  contract: filingSchema.meta({ title: '物业服务合同备案' }),
  /** 项目负责人备案. */
  manager: filingSchema.meta({ title: '项目负责人备案' }),
  /** 物业承接查验备案. */
  handover: filingSchema.meta({ title: '物业承接查验备案' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type Filings = z.output<typeof filingsSchema>;
export type FilingKey = Exclude<keyof Filings, 'updated'>;
