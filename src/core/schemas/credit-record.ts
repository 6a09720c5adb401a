import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, normalizeText, slug, text } from './primitives.ts';

export const CREDIT_KINDS = ['良好', '不良'] as const;

/** A whole number of points, with its sign: +5 or -3 (or ＋5, －3). */
const points = z
  .union([z.number(), z.string()], { error: t('expect.points') })
  .transform((raw, ctx) => {
    const s = normalizeText(String(raw)).replace(/\s/g, '');
    if (!/^[+-]?\d{1,3}$/.test(s)) {
      ctx.issues.push({ code: 'custom', input: raw, message: t('expect.points') });
      return z.NEVER;
    }
    return Number(s);
  })
  .meta({ kind: 'integer' });

/**
 * One row of `content/oversight/credit-records.csv`: one good or bad record in the credit file (诚信档案) of a
 * company, or of one of its project managers named by the manager's filing number (实施方案三（二）9).
 */
export const creditRecordSchema = z
  .strictObject({
    /** The company, by its file name in content/companies/. */
    company: slug.meta({ title: '企业标识', description: 'content/companies/ 中的文件名', examples: ['tianrun'] }),
    /** The project manager's filing number, as in compound.yaml; empty for the company's own record. */
    manager_filing: text(50)
      .optional()
      .meta({
        title: '项目负责人备案编号',
        description: '项目负责人的记录填其备案编号；企业的记录留空',
        examples: ['奇物项备〔2024〕021号'],
      }),
    /** Day of the record. */
    date: isoDate.meta({ title: '记录日期', examples: ['2026-01-25'] }),
    /** 良好 or 不良. */
    kind: z.enum(CREDIT_KINDS).meta({ title: '类别', description: '良好或不良', examples: ['良好'] }),
    /** What happened. */
    item: text(200).meta({ title: '事项', examples: ['2025年度物业服务质量提升年活动成效显著'] }),
    /** Points added (良好) or taken off (不良). */
    points: points.meta({
      title: '分值',
      description: '良好记录为正数，不良记录为负数，例如 +5、-3',
      examples: ['+5'],
    }),
    /** The document it rests on. */
    source: text(100).meta({ title: '依据文件', description: '决定或通报的文号', examples: ['奇住建发〔2026〕3号'] }),
    /** Last day the record counts. */
    valid_until: isoDate.meta({ title: '有效期至', description: '记录计入信用分的最后一天', examples: ['2027-01-24'] }),
  })
  .superRefine((row, ctx) => {
    if ((row.kind === '良好') !== row.points > 0 || row.points === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        input: row.points,
        message: t('expect.pointsSign', { kind: row.kind }),
      });
    }
    if (row.valid_until < row.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_until'],
        input: row.valid_until,
        message: t('expect.validAfterDate'),
      });
    }
  });
export type CreditRecord = z.output<typeof creditRecordSchema>;

/** Whether a record counts on a day: made by then, and not expired. */
export const creditInForce = (record: CreditRecord, day: string) => record.date <= day && day <= record.valid_until;

/** A company's own credit score on a day: the scale's base plus its records in force, within 0–100. */
export function creditScore(base: number, records: readonly CreditRecord[], company: string, day: string): number {
  const sum = records
    .filter((r) => r.company === company && r.manager_filing === undefined && creditInForce(r, day))
    .reduce((total, r) => total + r.points, 0);
  return Math.max(0, Math.min(100, base + sum));
}
