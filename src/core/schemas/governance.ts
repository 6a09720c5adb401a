import { z } from 'zod';
import { count, isoDate, text } from './primitives.ts';

/**
 * `governance` in compound.yaml: the self-governance bodies 实施方案三（一）5 and 三（二）10 ask for, where the
 * compound has them. None is owed by every compound, so none missing is a finding.
 */
export const governanceSchema = z.strictObject({
  /** 红色物业党建示范项目: the title as awarded, and the year. */
  red_property: z
    .strictObject({
      title: text(100).meta({ title: '称号' }),
      year: count(2000, 2100).meta({ title: '年份' }),
    })
    .optional()
    .meta({ title: '红色物业党建示范项目' }),
  /** 业主监事会: when it was formed and how many members it has (names stay in the compound). */
  supervisory_board: z
    .strictObject({
      formed: isoDate.meta({ title: '成立日期' }),
      members: count(1, 50).meta({ title: '成员人数' }),
    })
    .optional()
    .meta({ title: '业主监事会' }),
  /** 两长一代表: how many 党小组长, 楼栋长 and 业主代表 serve. */
  two_heads_one_rep: z
    .strictObject({
      party_group_leaders: count(0, 1000).meta({ title: '党小组长人数' }),
      building_heads: count(0, 1000).meta({ title: '楼栋长人数' }),
      owner_representatives: count(0, 5000).meta({ title: '业主代表人数' }),
    })
    .optional()
    .meta({ title: '两长一代表' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type Governance = z.output<typeof governanceSchema>;
