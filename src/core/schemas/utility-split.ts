import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { count, isoDate, money, scaledDecimal, text, yearMonth } from './primitives.ts';

export const UTILITY_KINDS = ['水', '电'] as const;

/** Usage is kept in hundredths of a unit, unit prices in ten-thousandths of a yuan: all integers. */
export const USAGE_SCALE = 100;
export const UNIT_PRICE_SCALE = 10_000;

/** One row of `utility-split.csv`: shared water or electricity of one billing month, split over households. */
export const utilitySplitSchema = z
  .strictObject({
    /** Billing month, for example 2026-09 or 2026年9月. */
    period: yearMonth.meta({ title: '计费月份', description: '哪个月的公共水电费', examples: ['2026-09'] }),
    /** 水 or 电. */
    kind: z.enum(UTILITY_KINDS).meta({ title: '类别', description: '水或电', examples: ['电'] }),
    /** What the shared use was, for example 楼道照明、二次供水泵房. */
    scope: text(200).meta({
      title: '分摊范围',
      description: '哪些公共部位的用水用电',
      examples: ['楼道照明、二次供水泵房'],
    }),
    /** Usage in 吨 or 千瓦时, at most two decimals. */
    usage: scaledDecimal(2, 'expect.usage').meta({
      title: '用量',
      description: '用水吨数或用电千瓦时，最多两位小数',
      examples: ['1250.5'],
    }),
    /** Unit of the usage. */
    unit: z.enum(['吨', '千瓦时']).meta({ title: '单位', description: '水为吨，电为千瓦时', examples: ['千瓦时'] }),
    /** Price per unit in yuan, at most four decimals. */
    unit_price: scaledDecimal(4, 'expect.unitPrice').meta({
      title: '单价（元）',
      description: '每吨或每千瓦时的价格，最多四位小数',
      examples: ['0.5613'],
    }),
    /** Amount in yuan: usage × unit price (checked). */
    amount: money.meta({ title: '金额（元）', description: '用量 × 单价，会自动核对', examples: ['701.91'] }),
    /** Number of households sharing it. */
    households: count(1, 100_000).meta({ title: '分摊户数', description: '分摊这笔费用的户数', examples: ['320'] }),
    /** Each household's share in yuan (checked). */
    per_household: money.meta({
      title: '每户分摊（元）',
      description: '金额 ÷ 分摊户数，会自动核对',
      examples: ['2.19'],
    }),
    /** Day it was posted. */
    published: isoDate.meta({ title: '公示日期', description: '在小区张贴公示的日期', examples: ['2026-10-08'] }),
  })
  .superRefine((row, ctx) => {
    const expected = row.kind === '水' ? '吨' : '千瓦时';
    if (row.unit !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        input: row.unit,
        message: t('expect.utilityUnit', { kind: row.kind, unit: expected }),
      });
    }
  });
export type UtilitySplit = z.output<typeof utilitySplitSchema>;
