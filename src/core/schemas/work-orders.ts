import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { count, quarter, slug } from './primitives.ts';

/** The categories the 12345 service centre sorts property complaints into, as its export's columns. */
export const WORK_ORDER_CATEGORIES = ['service', 'fees', 'repairs', 'sanitation', 'safety', 'other'] as const;

const tally = (title: string, description: string, example: string) =>
  count(0, 100_000).meta({ title, description, examples: [example] });

/**
 * One row of `content/oversight/work-orders-12345.csv`: one compound's 12345 hotline work orders about property
 * management in one quarter, as the county's 12345 service centre exports them (实施方案三（一）3). Rates are
 * computed from the counts, never typed.
 */
export const workOrderQuarterSchema = z
  .strictObject({
    /** The quarter counted. */
    quarter: quarter.meta({ title: '统计季度', description: '例如 2026Q3 或 2026年第3季度', examples: ['2026Q3'] }),
    /** The compound, by its folder name in content/compounds/. */
    compound: slug.meta({
      title: '小区标识',
      description: 'content/compounds/ 中的文件夹名',
      examples: ['tianshan-huayuan'],
    }),
    /** Every work order about the compound's property management received in the quarter. */
    total: tally('受理量', '本季度受理的物业类工单总数', '12'),
    service: tally('物业服务', '服务态度、服务质量类工单数', '3'),
    fees: tally('物业收费', '收费、退费类工单数', '2'),
    repairs: tally('设施设备维修', '报修未修、维修不及时类工单数', '4'),
    sanitation: tally('环境卫生', '保洁、垃圾清运类工单数', '1'),
    safety: tally('安全隐患', '消防、电梯、高空坠物等安全类工单数', '1'),
    other: tally('其他', '其他物业类工单数', '1'),
    /** Answered within the centre's response time. */
    responded_on_time: tally('按时响应量', '在规定时限内响应的工单数', '11'),
    /** Closed within the centre's time limit. */
    closed_on_time: tally('按时办结量', '在规定时限内办结的工单数', '10'),
    /** Callers the centre called back. */
    visited: tally('回访量', '办结后回访的工单数', '10'),
    /** Callers satisfied when called back. */
    satisfied: tally('满意量', '回访中表示满意的工单数', '8'),
  })
  .superRefine((row, ctx) => {
    const sum = WORK_ORDER_CATEGORIES.reduce((n, key) => n + row[key], 0);
    if (sum !== row.total) {
      ctx.addIssue({ code: 'custom', path: ['total'], input: row.total, message: t('expect.workOrderSum', { sum }) });
    }
    for (const key of ['responded_on_time', 'closed_on_time', 'visited'] as const) {
      if (row[key] > row.total) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          input: row[key],
          message: t('expect.notMoreThanTotal', { total: row.total }),
        });
      }
    }
    if (row.satisfied > row.visited) {
      ctx.addIssue({
        code: 'custom',
        path: ['satisfied'],
        input: row.satisfied,
        message: t('expect.satisfiedNotMoreThanVisited', { visited: row.visited }),
      });
    }
  });
export type WorkOrderQuarter = z.output<typeof workOrderQuarterSchema>;
