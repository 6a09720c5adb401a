import { z } from 'astro/zod';
import { t } from '../i18n/t.ts';
import { isoDate, phone, text } from './primitives.ts';

/** One row of `elevators.csv`: one elevator and its inspections. */
export const elevatorSchema = z
  .strictObject({
    /** 使用登记证编号 or 注册代码, as shown in the car. */
    register_number: text(30).meta({ title: '电梯注册代码' }),
    /** Building and unit, for example 3号楼2单元. */
    location: text(50).meta({ title: '所在位置' }),
    /** Maintenance contractor. */
    contractor: text(100).meta({ title: '维保单位' }),
    /** Contractor's phone. */
    contractor_phone: phone.meta({ title: '维保单位电话' }),
    /** Day of the last routine maintenance, whose record is posted in the car. */
    last_maintenance: isoDate.meta({ title: '最近维保日期' }),
    /** Day of the last annual inspection. */
    last_inspection: isoDate.meta({ title: '上次年检日期' }),
    /** Day by which the next annual inspection is due; the day after, it is overdue. */
    next_inspection: isoDate.meta({ title: '下次年检日期' }),
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
