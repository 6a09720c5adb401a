import { z } from 'zod';
import { isoDate, slug, text } from './primitives.ts';

export const ACTION_KINDS = ['表彰', '通报批评'] as const;

/** One row of `content/oversight/actions.csv`: a commendation or criticism of a company or one of its project managers. */
export const oversightActionSchema = z.strictObject({
  /** 表彰 or 通报批评. */
  kind: z.enum(ACTION_KINDS).meta({ title: '类别', description: '表彰或通报批评', examples: ['表彰'] }),
  /** The company, by its file name in content/companies/. */
  company: slug.meta({ title: '企业标识', description: 'content/companies/ 中的文件名', examples: ['jinsui'] }),
  /** A project manager, by name only, when the action concerns the person. */
  manager: text(30)
    .optional()
    .meta({ title: '项目负责人', description: '针对项目负责人时填写姓名，否则留空', examples: ['王建军'] }),
  /** Day of the decision. */
  date: isoDate.meta({ title: '日期', examples: ['2026-01-20'] }),
  /** Why, as published. */
  reason: text(300).meta({ title: '事由', examples: ['小区环境整治成效显著'] }),
  /** The document number. */
  document: text(100).meta({ title: '文号', examples: ['奇住建发〔2026〕5号'] }),
});
export type OversightAction = z.output<typeof oversightActionSchema>;
