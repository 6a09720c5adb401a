import { z } from 'zod';
import { labelFor } from '../data/zod-issues.ts';
import { communitySchema } from './community.ts';
import { companySchema } from './company.ts';
import { compoundSchema } from './compound.ts';
import { decimal, isoDate, slug, text, yesNo } from './primitives.ts';

/** The title a field of compound.yaml has, so that the county table's header says the same. */
const compoundTitle = (...path: string[]) => labelFor(compoundSchema, path).split(' › ').at(-1) ?? '';
const shape = compoundSchema.shape;

/**
 * The first column of every county-wide table: which compound a row belongs
 * to, by the folder name that is also its permanent address /c/<标识>/.
 */
export const compoundColumn = slug.meta({
  title: '小区标识',
  description: '小区的永久标识，即网址 /c/<标识>/ 和 content/compounds/<标识>/ 中的部分',
  examples: ['tianshan-huayuan'],
});

/**
 * One row of the county-wide `compounds.csv` download: a compound's facts
 * with the names of its 社区 and company written out, so that the table reads
 * on its own. Columns shared with compound.yaml keep that file's titles.
 */
export const compoundRowSchema = z.strictObject({
  /** The compound's slug. */
  compound: compoundColumn,
  /** Name as residents know it. */
  name: shape.name.meta({ title: compoundTitle('name'), description: '小区名称' }),
  /** The supervising 社区's slug. */
  community: shape.community.meta({
    title: compoundTitle('community'),
    description: '所属社区的标识（content/communities/ 中的文件名）',
  }),
  /** The supervising 社区's name. */
  community_name: communitySchema.shape.name.meta({
    title: labelFor(communitySchema, ['name']),
    description: '所属社区的名称',
  }),
  /** Street address. */
  address: shape.address.meta({ title: compoundTitle('address'), description: '小区地址' }),
  /** Latitude in WGS-84; a table cell is text, so it is read as a decimal. */
  lat: decimal.meta({
    title: compoundTitle('location', 'lat'),
    description: '小区位置的纬度（WGS-84，十进制度数）',
  }),
  /** Longitude in WGS-84. */
  lon: decimal.meta({
    title: compoundTitle('location', 'lon'),
    description: '小区位置的经度（WGS-84，十进制度数）',
  }),
  /** Number of residential buildings. */
  buildings: shape.buildings.meta({ title: compoundTitle('buildings'), description: '住宅楼栋数' }),
  /** Number of households. */
  households: shape.households.meta({ title: compoundTitle('households'), description: '户数' }),
  /** Total floor area in ㎡. */
  floor_area: shape.floor_area.meta({ title: compoundTitle('floor_area'), description: '总建筑面积，平方米' }),
  /** Year the buildings were completed. */
  year_built: shape.year_built.meta({ title: compoundTitle('year_built'), description: '建成年份' }),
  /** Counted among the county's old compounds; 是 or 否 in a table. */
  old_compound: yesNo.meta({ title: compoundTitle('old_compound'), description: '是否老旧小区：是或否' }),
  /** Has high-rise buildings; 是 or 否 in a table. */
  high_rise: yesNo.meta({ title: compoundTitle('high_rise'), description: '是否有十层及以上高层住宅：是或否' }),
  /** professional, self or none, as in compound.yaml. */
  management: shape.management.meta({
    title: compoundTitle('management'),
    description: 'professional 专业物业服务企业；self 业主自行管理；none 无物业服务企业（社区兜底管理）',
  }),
  /** The property company's slug, when professionally managed. */
  company: shape.company.meta({
    title: compoundTitle('company'),
    description: '物业服务企业的标识（content/companies/ 中的文件名）；非专业物业管理的小区为空',
  }),
  /** The property company's registered name. */
  company_name: companySchema.shape.name
    .optional()
    .meta({ title: labelFor(companySchema, ['name']), description: '物业服务企业的名称' }),
  /** The property company's unified social credit code. */
  company_uscc: companySchema.shape.uscc
    .optional()
    .meta({ title: labelFor(companySchema, ['uscc']), description: '物业服务企业的统一社会信用代码' }),
});
export type CompoundRow = z.output<typeof compoundRowSchema>;

/**
 * One row of a findings download (`/data/findings/<list>.csv` and `.json`):
 * one finding of one compound on one of the dashboard's lists, with its rule,
 * since when it holds, its deadline and the rule's cited basis.
 */
export const findingRowSchema = z.strictObject({
  /** The compound's slug. */
  compound: compoundColumn,
  /** Name as residents know it. */
  name: shape.name.meta({ title: compoundTitle('name'), description: '小区名称' }),
  /** The supervising 社区's name. */
  community: text(50).meta({ title: '所属社区', description: '所属社区的名称' }),
  /** `<section>.<rule>`, as on the compound page. */
  rule: text(60).meta({ title: '规则', description: '规则标识：公示部分.规则，例如 public-revenue.quarterly' }),
  /** The level in Chinese: 缺失, 当前逾期, 逾期未更新… */
  level: text(20).meta({
    title: '状态',
    description: '缺失、当前逾期、逾期未更新、不符合规定、警示、即将到期，或未达标（覆盖率目标）',
  }),
  /** The finding as the compound page states it. */
  text: text(300).meta({ title: '情况', description: '与小区页面上的表述相同' }),
  /** The first day it was open. */
  since: isoDate.optional().meta({ title: '起始日期', description: '自哪一天起未解决' }),
  /** The day by which it was or is owed. */
  deadline: isoDate.optional().meta({ title: '期限', description: '应在哪一天之前完成' }),
  /** The rule's legal basis. */
  basis: text(200).meta({ title: '依据', description: '规则所依据的政策条款' }),
});
