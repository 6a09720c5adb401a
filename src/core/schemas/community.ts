import { z } from 'zod';
import { phone, text } from './primitives.ts';

/** A 社区 (neighbourhood committee): `content/communities/<slug>.yaml`. */
export const communitySchema = z.strictObject({
  /** Its full name, for example 东城社区. */
  name: text(50).meta({ title: '社区名称' }),
  /** Office address. */
  address: text(200).meta({ title: '办公地址' }),
  /** Office phone, shown among every compound's hotlines. */
  phone: phone.meta({ title: '社区电话' }),
  /** Office hours as residents should read them. */
  hours: text(100).optional().meta({ title: '办公时间' }),
});
export type Community = z.output<typeof communitySchema>;
