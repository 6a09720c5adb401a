import { z } from 'zod';
import { halfYear } from './half-year.ts';
import { count, isoDate, slug } from './primitives.ts';

export const EVALUATION_GRADES = ['优秀', '良好', '合格', '不合格'] as const;

/** One row of `content/oversight/evaluations.csv`: a compound's semi-annual comprehensive evaluation (综合考评). */
export const evaluationSchema = z.strictObject({
  /** The half-year evaluated. */
  period: halfYear.meta({ title: '考评期', description: '半年度，例如 2026H1 或 2026年上半年', examples: ['2026H1'] }),
  /** The compound, by its folder name in content/compounds/. */
  compound: slug.meta({
    title: '小区标识',
    description: 'content/compounds/ 中的文件夹名',
    examples: ['tianshan-huayuan'],
  }),
  /** Score out of 100. */
  score: count(0, 100).meta({ title: '得分', description: '0–100 的整数', examples: ['88'] }),
  /** 优秀, 良好, 合格 or 不合格. */
  grade: z.enum(EVALUATION_GRADES).meta({ title: '考评等级', examples: ['良好'] }),
  /** Day of the evaluation. */
  date: isoDate.meta({ title: '考评日期', examples: ['2026-08-15'] }),
});
export type Evaluation = z.output<typeof evaluationSchema>;
