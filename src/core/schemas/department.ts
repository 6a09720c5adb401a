import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { phone, text } from './primitives.ts';

/** The person a department names for residents' matters: a name and a title, nothing personal. */
export const departmentContactSchema = z.strictObject({
  /** Full name. */
  name: text(30).meta({ title: '姓名' }),
  /** Post, for example 物业管理股股长. */
  title: text(30).optional().meta({ title: '职务' }),
});

/**
 * One line of the 执法部门职责及联系人公告牌 (policy §三(一)4): a department,
 * its duty toward compounds (policy §三(一)1–3) and how to reach it. The row
 * with `community: true` stands for each compound's own 社区, whose name and
 * phone come from content/communities/.
 */
export const departmentSchema = z
  .strictObject({
    /** The name residents know, for example 住房和城乡建设局 (the board names the county); left out on the 社区 row. */
    name: text(50).optional().meta({ title: '部门名称' }),
    /** True for the row that stands for each compound's own 社区. */
    community: z
      .boolean({ error: t('expect.boolean') })
      .optional()
      .meta({ title: '所属社区' }),
    /** Its duty toward residential compounds, summarised from the policy: short, so that the board fits one page. */
    duty: text(56).meta({ title: '对小区的职责' }),
    /** Who answers for the department, when it names someone. */
    contact: departmentContactSchema.optional().meta({ title: '联系人' }),
    /** The line residents call; left out on the 社区 row. */
    phone: phone.optional().meta({ title: '联系电话' }),
  })
  .superRefine((department, ctx) => {
    for (const key of ['name', 'phone'] as const) {
      if (department.community && department[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          input: department[key],
          message: t('expect.departmentFromCommunity'),
        });
      }
      if (!department.community && department[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], input: undefined, message: t('expect.departmentNeeds') });
      }
    }
  });
export type Department = z.output<typeof departmentSchema>;

/** Every department on the board, in the order it is printed: `content/departments.yaml`. */
export const departmentsSchema = z
  .array(departmentSchema, { error: t('expect.list') })
  .min(1, { error: t('expect.minItems', { min: 1 }) })
  .superRefine((departments, ctx) => {
    const firstByName = new Map<string, number>();
    let communityRow: number | undefined;
    for (const [index, department] of departments.entries()) {
      if (department.community) {
        if (communityRow !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'community'],
            input: true,
            message: t('expect.departmentOneCommunity', { n: communityRow + 1 }),
          });
        }
        communityRow ??= index;
      }
      if (department.name === undefined) continue;
      const first = firstByName.get(department.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          input: department.name,
          message: t('expect.departmentDuplicate', { n: first + 1 }),
        });
      } else firstByName.set(department.name, index);
    }
  })
  .meta({ title: '执法部门' });
