import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, text } from './primitives.ts';

/** 清洗消毒: the tanks cleaned and disinfected; 水质检测: the water tested. */
export const WATER_SERVICE_KINDS = ['清洗消毒', '水质检测'] as const;
export const WATER_RESULTS = ['合格', '不合格'] as const;

/** One row of `water-supply.csv`: one cleaning of the secondary water supply, or one test of its water. */
export const waterServiceSchema = z
  .strictObject({
    /** Day of the work or of the sampling. */
    date: isoDate.meta({ title: '日期', description: '清洗消毒或取样检测的日期', examples: ['2026-05-16'] }),
    /** 清洗消毒 or 水质检测. */
    kind: z
      .enum(WATER_SERVICE_KINDS)
      .meta({ title: '类别', description: '清洗消毒或水质检测', examples: ['清洗消毒'] }),
    /** Who did it. */
    by: text(100).meta({ title: '实施单位', description: '清洗或检测的单位', examples: ['奇台县清源水箱清洗服务部'] }),
    /** The certificate or report number. */
    report_number: text(40).meta({
      title: '报告编号',
      description: '清洗消毒记录或检测报告的编号',
      examples: ['QY-2026-0516'],
    }),
    /** For a test: 合格 or 不合格. */
    result: z
      .enum(WATER_RESULTS)
      .optional()
      .meta({
        title: '检测结果',
        description: '水质检测填合格或不合格；清洗消毒可留空',
        examples: ['合格'],
      }),
  })
  .superRefine((row, ctx) => {
    if (row.kind === '水质检测' && row.result === undefined) {
      ctx.addIssue({ code: 'custom', path: ['result'], input: undefined, message: t('expect.waterResult') });
    }
  });
export type WaterService = z.output<typeof waterServiceSchema>;
