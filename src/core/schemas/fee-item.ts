import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, money, text } from './primitives.ts';

/** 价格管理形式: government-guided or market-regulated price. */
export const PRICE_FORMS = ['政府指导价', '市场调节价'] as const;

/**
 * Disclosure 3, one row of `fees.csv`: a fee item with every field that
 * 《物业服务收费明码标价规定》 requires. A price change is a new row with a later
 * 计费起始时间; the old row stays, so residents can see the history.
 */
export const feeItemSchema = z
  .strictObject({
    /** 收费项目, for example 住宅物业服务费. */
    item: text(50).meta({ title: '收费项目', description: '收取的是什么费用', examples: ['住宅物业服务费'] }),
    /** 收费对象: who pays, for example 住宅业主. */
    payer: text(50).meta({ title: '收费对象', description: '向谁收取', examples: ['住宅业主'] }),
    /** 服务内容 covered by the fee. */
    content: text(300).meta({
      title: '服务内容',
      description: '这项收费包含的服务',
      examples: ['公共区域保洁、秩序维护、绿化养护'],
    }),
    /** 服务标准, often the service grade. */
    standard: text(200).meta({ title: '服务标准', description: '服务达到的标准，通常写服务等级', examples: ['二级'] }),
    /** 计费方式: the unit the price is per, for example 元/㎡·月. */
    unit: text(30).meta({ title: '计费方式', description: '按什么单位计费', examples: ['元/㎡·月'] }),
    /** 收费标准: the price in yuan per unit. */
    price: money.meta({ title: '收费标准（元）', description: '每个计费单位收多少元', examples: ['0.95'] }),
    /** 价格管理形式. */
    price_form: z
      .enum(PRICE_FORMS)
      .meta({ title: '价格管理形式', description: '政府指导价还是市场调节价', examples: ['政府指导价'] }),
    /** 基准价 in yuan, required for 政府指导价. */
    base_price: money
      .optional()
      .meta({ title: '基准价（元）', description: '政府指导价的基准价；市场调节价不填', examples: ['0.90'] }),
    /** 浮动幅度, for example ±10%, required for 政府指导价. */
    float_range: text(30)
      .optional()
      .meta({ title: '浮动幅度', description: '政府指导价允许的上下浮动；市场调节价不填', examples: ['±10%'] }),
    /** 收费依据: the approval document or contract clause. */
    basis: text(200).meta({
      title: '收费依据',
      description: '价格批复文件号或合同条款',
      examples: ['奇发改价〔2022〕9号'],
    }),
    /** 计费起始时间: the day this price takes effect. */
    effective: isoDate.meta({
      title: '计费起始时间',
      description: '从哪一天起按这个标准收费；调价时另起一行写新的起始时间',
      examples: ['2026-12-01'],
    }),
    /** 公示日期: the day this price was posted; a change must be posted a month ahead. */
    announced: isoDate.meta({
      title: '公示日期',
      description: '在小区张贴公示的日期；调价须至少提前一个月公示',
      examples: ['2026-10-25'],
    }),
  })
  .superRefine((fee, ctx) => {
    if (fee.price_form !== '政府指导价') return;
    for (const key of ['base_price', 'float_range'] as const) {
      if (fee[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], input: undefined, message: t('expect.guidedPriceNeeds') });
      }
    }
    if (fee.float_range !== undefined && floatPercent(fee.float_range) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['float_range'], input: fee.float_range, message: t('expect.floatRange') });
    }
  });
export type FeeItem = z.output<typeof feeItemSchema>;

/** The percentage of a 浮动幅度 such as ±10% or 10%, or undefined when it is not one. */
function floatPercent(range: string): number | undefined {
  const match = /^[±+]?(\d+(?:\.\d+)?)%$/.exec(range.replace(/\s/g, ''));
  return match ? Number(match[1]) : undefined;
}

/**
 * A 政府指导价's band in fen, rounded outwards so that a price on the bound
 * is within it; undefined for a 市场调节价. A price outside is not a file
 * error: it is published, and the rules flag it (src/core/rules/fees.ts).
 */
export function guidedBand(fee: FeeItem): { low: number; high: number } | undefined {
  if (fee.price_form !== '政府指导价' || fee.base_price === undefined || fee.float_range === undefined)
    return undefined;
  const percent = floatPercent(fee.float_range);
  if (percent === undefined) return undefined;
  return {
    low: Math.floor((fee.base_price * (100 - percent)) / 100),
    high: Math.ceil((fee.base_price * (100 + percent)) / 100),
  };
}
