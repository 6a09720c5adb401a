/**
 * What the loaders hand to the rest of the site: validated, normalised data,
 * money in integer fen and dates as ISO strings, ready to serialise.
 */

import type { BlacklistEntry } from '../schemas/blacklist.ts';
import type { Community } from '../schemas/community.ts';
import type { Company } from '../schemas/company.ts';
import type { Compound } from '../schemas/compound.ts';
import type { CreditRecord } from '../schemas/credit-record.ts';
import type { Department } from '../schemas/department.ts';
import type { Elevator, ElevatorMaintenance } from '../schemas/elevator.ts';
import type { Evaluation } from '../schemas/evaluation.ts';
import type { FeeItem } from '../schemas/fee-item.ts';
import type { FireHazard } from '../schemas/fire-safety.ts';
import type { FundInflow, FundUse, FundYear } from '../schemas/maintenance-fund.ts';
import type { OversightAction } from '../schemas/oversight-action.ts';
import type { RevenueItem, RevenueQuarter } from '../schemas/public-revenue.ts';
import type { Rating, RatingScale } from '../schemas/rating.ts';
import type { Site } from '../schemas/site.ts';
import type { UtilitySplit } from '../schemas/utility-split.ts';
import type { WaterService } from '../schemas/water-supply.ts';
import type { WorkOrderQuarter } from '../schemas/work-orders.ts';
import type { Received } from './received.ts';

export interface CompoundRecord {
  /** Folder name, also the permanent URL segment. */
  slug: string;
  compound: Compound;
  fees: FeeItem[];
  revenueQuarters: RevenueQuarter[];
  revenueItems: RevenueItem[];
  fundUses: FundUse[];
  fundInflows: FundInflow[];
  fundYears: FundYear[];
  elevators: Elevator[];
  elevatorMaintenance: ElevatorMaintenance[];
  fireHazards: FireHazard[];
  waterServices: WaterService[];
  utilitySplits: UtilitySplit[];
  /** Every file the compound's data came from, relative to the project root. */
  files: string[];
  /**
   * This compound's semi-annual evaluations from content/oversight/evaluations.csv, oldest first;
   * undefined when the county publishes no evaluations yet (the evaluation rule then says nothing).
   */
  evaluations?: Evaluation[] | undefined;
  /**
   * This compound's 12345 work orders by quarter from content/oversight/work-orders-12345.csv, oldest first;
   * undefined when the county publishes none yet.
   */
  workOrders?: WorkOrderQuarter[] | undefined;
  /** The county's verdicts on the compound's company: its ratings, listings and actions (src/core/data/validate-content.ts). */
  companyOversight?: CompanyOversight | undefined;
  /** When its dated rows reached the repository, read from git at load; undefined in the browser. */
  received?: Received | undefined;
  /**
   * SHA-256 of its folder's file names and bytes, comments included (validation-cache.ts), set at load in
   * Node; undefined in the browser. What the build keys reused output by, with the rest of the record.
   */
  digest?: string | undefined;
}

/** What the county has decided about one company, for the rules of its compounds' pages. */
export interface CompanyOversight {
  scale: RatingScale | undefined;
  /** Newest period first. */
  ratings: Rating[];
  /** The company's own listings and its project managers'. */
  blacklist: BlacklistEntry[];
  actions: OversightAction[];
}

export interface CommunityRecord extends Community {
  slug: string;
}

export interface CompanyRecord extends Company {
  slug: string;
}

/** One line of the departments' board, in the order content/departments.yaml gives. */
export interface DepartmentRecord extends Department {
  /** Position in content/departments.yaml, from 0: the board prints in this order. */
  order: number;
}

/** The county's oversight data, content/oversight/: every part optional, empty when absent. */
export interface OversightData {
  scale: RatingScale | undefined;
  ratings: Rating[];
  actions: OversightAction[];
  blacklist: BlacklistEntry[];
  /** Undefined when content/oversight/evaluations.csv does not exist. */
  evaluations: Evaluation[] | undefined;
  /** Undefined when content/oversight/work-orders-12345.csv does not exist. */
  workOrders: WorkOrderQuarter[] | undefined;
  /** The credit files of companies and project managers (content/oversight/credit-records.csv). */
  credit: CreditRecord[];
}

export interface ContentBundle {
  site: Site;
  /** The build's "today", YYYY-MM-DD. */
  today: string;
  communities: CommunityRecord[];
  companies: CompanyRecord[];
  compounds: CompoundRecord[];
  departments: DepartmentRecord[];
  oversight: OversightData;
}
