import { z } from 'zod';
import { phone, text, uscc } from './primitives.ts';

/** A property service company (物业服务企业): `content/companies/<slug>.yaml`. */
export const companySchema = z.strictObject({
  /** Registered name. */
  name: text(100).meta({ title: '企业名称' }),
  /** 统一社会信用代码, checked against its check character. */
  uscc: uscc.meta({ title: '统一社会信用代码' }),
  /** Registered or office address. */
  address: text(200).meta({ title: '地址' }),
  /** Main office phone. */
  phone: phone.meta({ title: '企业电话' }),
});
export type Company = z.output<typeof companySchema>;
