import { z } from 'zod';
import { contact, isoDate, phone, text } from './primitives.ts';

/** Disclosure 4, 报修投诉及监督电话. County and 社区 lines are added from county data. */
export const hotlinesSchema = z.strictObject({
  /** The property repair line. */
  repair: phone.meta({ title: '物业报修电话' }),
  /** When the repair line is answered, for example 全天24小时. */
  repair_hours: text(50).meta({ title: '报修电话受理时间' }),
  /** The property complaint line. */
  complaint: phone.meta({ title: '物业投诉电话' }),
  /** Elevator maintenance contractor, where the compound has elevators. */
  elevator_maintenance: contact.optional().meta({ title: '电梯维保单位' }),
  /** Fire-facility maintenance contractor. */
  fire_maintenance: contact.optional().meta({ title: '消防设施维保单位' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type Hotlines = z.output<typeof hotlinesSchema>;
