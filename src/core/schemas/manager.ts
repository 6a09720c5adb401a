import { z } from 'zod';
import { isoDate, phone, text } from './primitives.ts';

/** Disclosure 1, 小区物业负责人信息: the company's project manager for this compound. */
export const managerSchema = z.strictObject({
  /** Full name, as filed with the housing bureau. */
  name: text(30).meta({ title: '项目负责人姓名' }),
  /** A phone residents can call; it is published. */
  phone: phone.meta({ title: '项目负责人电话' }),
  /** Filing number of the manager (项目负责人备案编号). */
  filing_number: text(50).meta({ title: '项目负责人备案编号' }),
  /** First day in charge of this compound. */
  since: isoDate.meta({ title: '到岗日期' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type Manager = z.output<typeof managerSchema>;
