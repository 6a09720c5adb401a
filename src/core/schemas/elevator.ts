import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, phone, text } from './primitives.ts';

/** One row of `elevators.csv`: one elevator and its inspections. */
export const elevatorSchema = z
  .strictObject({
    /** 使用登记证编号 or 注册代码, as shown in the car. */
    register_number: text(30).meta({
      title: '电梯注册代码',
      description: '电梯轿厢内使用标志上的注册代码',
      examples: ['31106523252015000001'],
    }),
    /** Building and unit, for example 3号楼2单元. */
    location: text(50).meta({ title: '所在位置', description: '楼栋和单元', examples: ['3号楼2单元'] }),
    /** Maintenance contractor. */
    contractor: text(100).meta({
      title: '维保单位',
      description: '负责日常维护保养的单位',
      examples: ['昌吉州安达电梯工程有限公司奇台分公司'],
    }),
    /** Contractor's phone. */
    contractor_phone: phone.meta({
      title: '维保单位电话',
      description: '维保单位的联系电话',
      examples: ['0994-7286120'],
    }),
    /** Day of the last routine maintenance, whose record is posted in the car. */
    last_maintenance: isoDate.meta({
      title: '最近维保日期',
      description: '最近一次维护保养的日期，维保单应张贴在轿厢内',
      examples: ['2026-11-05'],
    }),
    /** Day of the last annual inspection. */
    last_inspection: isoDate.meta({
      title: '上次年检日期',
      description: '最近一次定期检验的日期',
      examples: ['2025-10-16'],
    }),
    /** Day by which the next annual inspection is due; the day after, it is overdue. */
    next_inspection: isoDate.meta({
      title: '下次年检日期',
      description: '下次定期检验的截止日期，过了这天即为超期',
      examples: ['2026-10-15'],
    }),
  })
  .superRefine((elevator, ctx) => {
    if (elevator.next_inspection <= elevator.last_inspection) {
      ctx.addIssue({
        code: 'custom',
        path: ['next_inspection'],
        input: elevator.next_inspection,
        message: t('expect.nextInspectionAfterLast'),
      });
    }
  });
export type Elevator = z.output<typeof elevatorSchema>;
