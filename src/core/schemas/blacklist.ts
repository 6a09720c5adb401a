import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, slug, text } from './primitives.ts';

/** One row of `content/oversight/blacklist.csv`: a company, or one of its project managers, on the blacklist (黑名单). */
export const blacklistEntrySchema = z
  .strictObject({
    /** The company, by its file name in content/companies/. */
    company: slug.meta({ title: '企业标识', description: 'content/companies/ 中的文件名', examples: ['ruifeng'] }),
    /** A project manager, by name only; empty when the company itself is listed. */
    manager: text(30)
      .optional()
      .meta({ title: '项目负责人', description: '列入的是项目负责人时填写姓名，企业列入时留空', examples: ['李明'] }),
    /** Why, as published. */
    reason: text(300).meta({ title: '列入原因', examples: ['拒不整改'] }),
    /** Day listed. */
    date: isoDate.meta({ title: '列入日期', examples: ['2026-02-10'] }),
    /** The decision's document number. */
    decision: text(100).meta({ title: '决定文号', examples: ['奇住建发〔2026〕9号'] }),
    /** Day the listing was lifted, if it was. */
    lifted: isoDate.optional().meta({ title: '移出日期', description: '尚未移出时留空', examples: ['2026-08-10'] }),
  })
  .superRefine((entry, ctx) => {
    if (entry.lifted !== undefined && entry.lifted < entry.date) {
      ctx.addIssue({ code: 'custom', path: ['lifted'], input: entry.lifted, message: t('expect.liftedAfterListed') });
    }
  });
export type BlacklistEntry = z.output<typeof blacklistEntrySchema>;

/** Whether a blacklist entry is in force on `day`: listed by then, not yet lifted. */
export function inForce(entry: Pick<BlacklistEntry, 'date' | 'lifted'>, day: string): boolean {
  return entry.date <= day && (entry.lifted === undefined || entry.lifted > day);
}
