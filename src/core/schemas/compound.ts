import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { committeeSchema } from './committee.ts';
import { elevatorSafetySchema } from './elevator.ts';
import { filingsSchema } from './filings.ts';
import { fireSafetySchema } from './fire-safety.ts';
import { governanceSchema } from './governance.ts';
import { hotlinesSchema } from './hotlines.ts';
import { maintenanceFundSchema } from './maintenance-fund.ts';
import { managerSchema } from './manager.ts';
import { count, decimal, location, slug, text } from './primitives.ts';
import { publicRevenueAccountSchema } from './public-revenue.ts';
import { servicesSchema } from './services.ts';

/**
 * How the compound is managed: by a property company (professional), by the
 * owners themselves (self), or not at all, with the 社区 stepping in (none).
 */
export const MANAGEMENT_KINDS = ['professional', 'self', 'none'] as const;

/**
 * `content/compounds/<slug>/compound.yaml`: the compound's facts and every
 * disclosure that is not a table. A disclosure left out is not an error: the
 * page then says it has not been published. A disclosure that is there must be complete.
 */
export const compoundSchema = z
  .strictObject({
    /** Name as residents know it, for example 天山花园. */
    name: text(50).meta({ title: '小区名称' }),
    /** The 社区 that supervises it (a file in content/communities/). */
    community: slug.meta({ title: '所属社区' }),
    /** Street address. */
    address: text(200).meta({ title: '地址' }),
    /** Where it is, in WGS-84 (what a phone's GPS gives), not GCJ-02. */
    location: location.meta({ title: '位置坐标' }),
    /** Number of residential buildings. */
    buildings: count(1, 1000).meta({ title: '楼栋数' }),
    /** Number of households. */
    households: count(1, 100_000).meta({ title: '户数' }),
    /** Total floor area in ㎡. */
    floor_area: decimal.meta({ title: '建筑面积（㎡）' }),
    /** Year the buildings were completed. */
    year_built: count(1950, 2100).meta({ title: '建成年份' }),
    /** Counted among the county's old compounds (老旧小区). */
    old_compound: z.boolean({ error: t('expect.boolean') }).meta({ title: '老旧小区' }),
    /** Has buildings of ten storeys or more (高层). */
    high_rise: z.boolean({ error: t('expect.boolean') }).meta({ title: '高层住宅' }),
    /** professional 专业物业, self 业主自管, none 无物业（社区兜底）. */
    management: z.enum(MANAGEMENT_KINDS).meta({ title: '管理方式' }),
    /** The property company (a file in content/companies/), when professionally managed. */
    company: slug.optional().meta({ title: '物业服务企业' }),
    /** Disclosure 1: the project manager. */
    manager: managerSchema.optional().meta({ title: '小区物业负责人信息' }),
    /** Disclosure 2: services and standards. */
    services: servicesSchema.optional().meta({ title: '物业服务内容及标准' }),
    /** Disclosure 4: repair, complaint and supervision phones. */
    hotlines: hotlinesSchema.optional().meta({ title: '报修投诉及监督电话' }),
    /** Disclosure 5: the account public revenue goes to; the quarters are in CSV. */
    public_revenue: publicRevenueAccountSchema.optional().meta({ title: '公共收益账户' }),
    /** The five filings. */
    filings: filingsSchema.optional().meta({ title: '五备案' }),
    /**
     * Whether the compound meets the conditions for an owners' committee (符合成立业主委员会条件), as the
     * 社区 judges; by default it does. Where it does not, 社区代行 is no finding and the coverage figure leaves it out.
     */
    committee_conditions_met: z
      .boolean({ error: t('expect.boolean') })
      .optional()
      .meta({ title: '具备成立业主委员会条件' }),
    /** false where shared water and electricity are not split over households (the cost is in the fee); by default they are. */
    utility_split: z
      .boolean({ error: t('expect.boolean') })
      .optional()
      .meta({ title: '公共水电费单独分摊' }),
    /** The owners' committee or the 社区 acting for it. */
    committee: committeeSchema.optional().meta({ title: '业主委员会' }),
    /** 业主监事会, 两长一代表 and 红色物业党建示范项目, where the compound has them. */
    governance: governanceSchema.optional().meta({ title: '业主自治与党建' }),
    /** The maintenance fund's balance; its uses are in CSV. */
    maintenance_fund: maintenanceFundSchema.optional().meta({ title: '专项维修资金' }),
    /** The elevators' emergency rescue phone and yearly drill; the elevators and their visits are in CSV. */
    elevator_safety: elevatorSafetySchema.optional().meta({ title: '电梯应急救援' }),
    /** Fire safety contract, inspection and filings; the hazard ledger is in CSV. */
    fire_safety: fireSafetySchema.optional().meta({ title: '消防安全' }),
    /** Whether the compound has a secondary water supply (二次供水: tanks and pumps); by default it does not. */
    secondary_water_supply: z
      .boolean({ error: t('expect.boolean') })
      .optional()
      .meta({ title: '有二次供水设施' }),
  })
  .superRefine((compound, ctx) => {
    if (compound.management === 'professional' && compound.company === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['company'],
        input: undefined,
        message: t('expect.companyForProfessional'),
      });
    }
    if (compound.management !== 'professional' && compound.company !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['company'],
        input: compound.company,
        message: t('expect.noCompanyUnlessProfessional'),
      });
    }
  });
export type Compound = z.output<typeof compoundSchema>;
