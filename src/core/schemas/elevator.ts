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

/** One row of `elevator-maintenance.csv`: one routine maintenance visit to one elevator, as on its 维保单. */
export const elevatorMaintenanceSchema = z.strictObject({
  /** The elevator's 注册代码, as in elevators.csv. */
  register_number: text(30).meta({
    title: '电梯注册代码',
    description: '与电梯表中的注册代码相同',
    examples: ['31106523252015000001'],
  }),
  /** Day of the visit. */
  date: isoDate.meta({ title: '维保日期', description: '这次维护保养的日期', examples: ['2026-11-05'] }),
  /** Who did it. */
  contractor: text(100).meta({
    title: '维保单位',
    description: '做这次维保的单位',
    examples: ['昌吉州安达电梯工程有限公司奇台分公司'],
  }),
  /** The number printed on the record posted in the car. */
  record_number: text(40).meta({
    title: '维保单编号',
    description: '张贴在轿厢内的维保单上的编号',
    examples: ['AD-2026-11-0512'],
  }),
});
export type ElevatorMaintenance = z.output<typeof elevatorMaintenanceSchema>;

/** `elevator_safety` in compound.yaml: who to call when someone is trapped, and the yearly drill. */
export const elevatorSafetySchema = z.strictObject({
  /** The 24-hour emergency rescue phone posted in every car. */
  rescue_phone: phone.meta({ title: '电梯应急救援电话' }),
  /** Day of the last emergency drill (应急救援演练). */
  last_drill: isoDate.meta({ title: '最近一次应急演练日期' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type ElevatorSafety = z.output<typeof elevatorSafetySchema>;
