import { z } from 'zod';
import { isoDate, text } from './primitives.ts';

/** Service categories the policy names; `其他` for anything else. */
export const SERVICE_CATEGORIES = [
  '保洁',
  '秩序维护',
  '绿化',
  '共用设施设备',
  '电梯',
  '消防设施',
  '垃圾分类',
  '二次供水',
  '其他',
] as const;

/** One service the company provides, with its standard. */
export const serviceItemSchema = z.strictObject({
  /** Which kind of service. */
  category: z.enum(SERVICE_CATEGORIES).meta({ title: '服务类别' }),
  /** What is done. */
  content: text(200).meta({ title: '服务内容' }),
  /** How often and by how many people: the standard residents can hold the company to. */
  standard: text(300).meta({ title: '服务标准' }),
});

/** Disclosure 2, 物业服务内容及标准. */
export const servicesSchema = z.strictObject({
  /** Service grade in the contract, for example 二级. */
  grade: text(20).meta({ title: '服务等级' }),
  /** Every service, at least one. */
  items: z.array(serviceItemSchema).min(1).meta({ title: '服务项目' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type Services = z.output<typeof servicesSchema>;
