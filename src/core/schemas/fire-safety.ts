import { z } from 'zod';
import { contact, isoDate } from './primitives.ts';

/** Fire safety: a certified maintenance contract (required for high-rise compounds) and inspections. */
export const fireSafetySchema = z.strictObject({
  /** The certified fire-facility maintenance and testing company. */
  contractor: contact.optional().meta({ title: '消防维保检测单位' }),
  /** Last day of the maintenance contract. */
  contract_until: isoDate.optional().meta({ title: '维保合同到期日' }),
  /** Day of the last full inspection of fire facilities. */
  last_inspection: isoDate.meta({ title: '最近一次全面检测日期' }),
  /** When this part was last checked or changed. */
  updated: isoDate.meta({ title: '更新日期' }),
});
export type FireSafety = z.output<typeof fireSafetySchema>;
