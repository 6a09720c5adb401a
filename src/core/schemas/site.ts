import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { phone, text, webUrl } from './primitives.ts';

/** County-wide settings: `content/site.yaml`. */
export const siteSchema = z.strictObject({
  /** The county this portal serves. */
  county: text(50).meta({ title: '县名' }),
  /** The town whose 社区 supervise the compounds. */
  town: text(50).meta({ title: '镇名' }),
  /** Public address of the site, used in QR codes and canonical links. */
  base_url: webUrl.meta({ title: '网站地址' }),
  /** True while the bundled data is fictional: every page then says 示例数据. */
  sample_data: z.boolean({ error: t('expect.boolean') }).meta({ title: '示例数据' }),
  /** The county housing bureau's supervision line (住建局物业监督电话). */
  housing_bureau_phone: phone.meta({ title: '住建局监督电话' }),
  /** Government service hotline. */
  service_hotline: phone.default('12345').meta({ title: '政务服务便民热线' }),
  /** Price complaints line (market regulation). */
  price_hotline: phone.default('12315').meta({ title: '价格投诉电话' }),
  /** Web address of the data repository; each compound's change history links to its commits there. */
  repository_url: webUrl.optional().meta({ title: '数据仓库地址' }),
});
export type Site = z.output<typeof siteSchema>;
