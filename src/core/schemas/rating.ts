import { z } from 'zod';
import { halfYear } from './half-year.ts';
import { count, isoDate, slug, text } from './primitives.ts';

/** One grade of the credit scale: the scores it covers, inclusive. */
export const ratingGradeSchema = z.strictObject({
  /** The grade's name, for example AAA. */
  grade: text(10).meta({ title: '信用等级' }),
  /** Lowest score of the band. */
  min: count(0, 100).meta({ title: '最低分' }),
  /** Highest score of the band. */
  max: count(0, 100).meta({ title: '最高分' }),
  /** Whether a company rated this grade goes on the blacklist. */
  blacklist: z.boolean().default(false).meta({ title: '列入黑名单' }),
  /** What the grade means, as published. */
  description: text(100).optional().meta({ title: '等级说明' }),
});

/** The credit rating scale of property service companies: `content/oversight/rating-scale.yaml`. */
export const ratingScaleSchema = z.strictObject({
  /** The document that set the scale. */
  basis: text(200).meta({ title: '评定依据' }),
  /** The grades, best first. */
  grades: z.array(ratingGradeSchema).min(1).meta({ title: '等级' }),
  /**
   * The score a company's credit file starts from (信用档案基础分): where set, a rating published once the
   * company has credit records must be this plus its records in force that day (credit-records.csv).
   */
  credit_base: count(0, 100).optional().meta({ title: '信用档案基础分' }),
});
export type RatingScale = z.output<typeof ratingScaleSchema>;
export type RatingGrade = z.output<typeof ratingGradeSchema>;

/** One row of `content/oversight/ratings.csv`: a company's credit rating for one half-year. */
export const ratingSchema = z.strictObject({
  /** The half-year rated, for example 2025H2. */
  period: halfYear.meta({
    title: '评定期',
    description: '半年度，例如 2025H2 或 2025年下半年',
    examples: ['2025H2'],
  }),
  /** The company, by its file name in content/companies/. */
  company: slug.meta({ title: '企业标识', description: 'content/companies/ 中的文件名', examples: ['jinsui'] }),
  /** Score out of 100. */
  score: count(0, 100).meta({ title: '得分', description: '0–100 的整数', examples: ['92'] }),
  /** Grade; must be the grade whose band holds the score. */
  grade: text(10).meta({ title: '信用等级', description: '须与得分所在的等级区间一致', examples: ['AAA'] }),
  /** Day the rating was published. */
  date: isoDate.meta({ title: '公布日期', examples: ['2026-01-20'] }),
});
export type Rating = z.output<typeof ratingSchema>;

/** The grade whose band holds a score, or undefined. */
export function gradeForScore(scale: RatingScale, score: number): RatingGrade | undefined {
  return scale.grades.find((g) => g.min <= score && score <= g.max);
}
