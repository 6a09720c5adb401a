import { z } from 'zod';
import { labelFor } from '../data/zod-issues.ts';
import { communitySchema } from './community.ts';
import { companySchema } from './company.ts';
import { compoundSchema } from './compound.ts';
import { decimal, slug, yesNo } from './primitives.ts';

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
