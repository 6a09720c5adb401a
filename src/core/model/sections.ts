/**
 * The parts of a compound page, in the order the page shows them, each
 * declared once: its anchor (also the key of its title, `section.<id>` in
 * zh-CN.json), the part of compound.yaml it shows, when it was last updated,
 * whether anything is published in it at all, its duty (whether it is owed,
 * how often it must be renewed, on what basis) and the rules of its own. The
 * tables shown in a part name it in their own registry entry
 * (src/core/data/tables.ts). The page, the change history, the search
 * documents and the compliance rules all read this list.
 */
import type { CompoundRecord } from '../data/records.ts';
import { committeeActing, committeeFiling, committeeTerm } from '../rules/committee.ts';
import type { Duty } from '../rules/duty.ts';
import { elevatorDrill, elevatorInspection, elevatorMaintenance } from '../rules/elevators.ts';
import { evaluationHeld, evaluationPassed } from '../rules/evaluation.ts';
import { feeChangeNotice, feeWithinBand } from '../rules/fees.ts';
import { filingsDone } from '../rules/filings.ts';
import type { Rule } from '../rules/finding.ts';
import { fireContract, fireHazards, fireInspection, fireLanes } from '../rules/fire-safety.ts';
import { fundReceivesRevenue, fundYearly } from '../rules/maintenance-fund.ts';
import { revenueQuarterly } from '../rules/public-revenue.ts';
import { companyBlacklist, companyCriticism, companyRating } from '../rules/standing.ts';
import { utilityMonthly } from '../rules/utility-split.ts';
import { waterCleaning, waterQuality } from '../rules/water-supply.ts';
import type { Compound } from '../schemas/compound.ts';

export interface SectionEntry {
  /** The anchor of the part on the compound page, and its title's key `section.<id>`. */
  id: string;
  /** The top-level keys of compound.yaml whose values this part shows, if any. */
  yamlKeys?: readonly (keyof Compound)[];
  /** The newest date the part's data carries; undefined where there is nothing yet. */
  updated: (record: CompoundRecord) => string | undefined;
  /** Whether anything is published: if not, the page says 未公示 and search leaves the topic out. */
  published: (record: CompoundRecord) => boolean;
  /** The standing duty to publish the part and keep it current; none for the compound's plain facts. */
  duty?: Duty;
  /** The part's own rules, beyond its duty (src/core/rules/). */
  rules?: readonly Rule[];
}

/** Reviewed at least once a year, and whenever it changes (the 五公开 are standing duties). */
const YEARLY = 12;

const latest = (dates: (string | undefined)[]) =>
  dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);

export const SECTION_ENTRIES = [
  {
    id: 'manager',
    yamlKeys: ['manager'],
    updated: (r) => r.compound.manager?.updated,
    // Without a company there is no project manager to name.
    published: (r) => r.compound.management !== 'professional' || r.compound.manager !== undefined,
    duty: {
      cadence: 'duty.yearly',
      basis: 'rule.fiveDisclosures.basis',
      applies: (r) => r.compound.management === 'professional',
      present: (r) => r.compound.manager !== undefined,
      staleAfterMonths: YEARLY,
    },
    rules: [companyBlacklist, companyRating, companyCriticism],
  },
  {
    id: 'services',
    yamlKeys: ['services'],
    updated: (r) => r.compound.services?.updated,
    published: (r) => r.compound.services !== undefined,
    duty: { cadence: 'duty.yearly', basis: 'rule.fiveDisclosures.basis', staleAfterMonths: YEARLY },
  },
  {
    id: 'fees',
    updated: (r) => latest(r.fees.map((f) => f.announced)),
    published: (r) => r.fees.length > 0,
    // A price stands until it changes, and fees.csv has no date of review: a change must be posted a month
    // ahead, and a price in force is judged against its band, but an unchanged price is not stale.
    duty: { cadence: 'duty.fees', basis: 'rule.fiveDisclosures.basis' },
    rules: [feeChangeNotice, feeWithinBand],
  },
  {
    id: 'hotlines',
    yamlKeys: ['hotlines'],
    updated: (r) => r.compound.hotlines?.updated,
    // The county's own lines are always shown.
    published: () => true,
    duty: {
      cadence: 'duty.yearly',
      basis: 'rule.fiveDisclosures.basis',
      present: (r) => r.compound.hotlines !== undefined,
      staleAfterMonths: YEARLY,
    },
  },
  {
    id: 'public-revenue',
    yamlKeys: ['public_revenue'],
    updated: (r) => latest(r.revenueQuarters.map((q) => q.published)),
    published: (r) => r.compound.public_revenue !== undefined,
    // Its quarterly rule judges whether it is current.
    duty: { cadence: 'rule.publicRevenue.cadence', basis: 'rule.publicRevenue.basis' },
    rules: [revenueQuarterly],
  },
  {
    id: 'filings',
    yamlKeys: ['filings'],
    updated: (r) => r.compound.filings?.updated,
    published: (r) => r.compound.filings !== undefined,
    duty: { cadence: 'duty.yearly', basis: 'rule.fiveFilings.basis', staleAfterMonths: YEARLY },
    rules: [filingsDone],
  },
  {
    id: 'committee',
    yamlKeys: ['committee', 'governance'],
    updated: (r) => r.compound.committee?.updated,
    published: (r) => r.compound.committee !== undefined,
    duty: { cadence: 'duty.yearly', basis: 'rule.committeeActing.basis', staleAfterMonths: YEARLY },
    rules: [committeeFiling, committeeActing, committeeTerm],
  },
  {
    id: 'maintenance-fund',
    yamlKeys: ['maintenance_fund'],
    updated: (r) =>
      latest([
        r.compound.maintenance_fund?.updated,
        ...r.fundUses.map((u) => u.date),
        ...r.fundInflows.map((i) => i.date),
      ]),
    published: (r) =>
      r.compound.maintenance_fund !== undefined ||
      r.fundUses.length > 0 ||
      r.fundInflows.length > 0 ||
      r.fundYears.length > 0,
    duty: { cadence: 'duty.fund', basis: 'rule.fund.basis', staleAfterMonths: YEARLY },
    rules: [fundReceivesRevenue, fundYearly],
  },
  {
    id: 'elevators',
    yamlKeys: ['elevator_safety'],
    updated: (r) =>
      latest([
        r.compound.elevator_safety?.updated,
        ...r.elevators.map((e) => e.last_maintenance),
        ...r.elevatorMaintenance.map((m) => m.date),
      ]),
    published: (r) => r.elevators.length > 0,
    // A high-rise has elevators; the others say 本小区没有电梯 unless they list some. Their rules judge currency.
    duty: { cadence: 'rule.elevator.cadence', basis: 'rule.elevator.basis', applies: (r) => r.compound.high_rise },
    rules: [elevatorInspection, elevatorMaintenance, elevatorDrill],
  },
  {
    id: 'fire-safety',
    yamlKeys: ['fire_safety'],
    updated: (r) =>
      latest([r.compound.fire_safety?.updated, ...r.fireHazards.flatMap((h) => [h.found_on, h.fixed_on])]),
    published: (r) => r.compound.fire_safety !== undefined,
    duty: { cadence: 'duty.yearly', basis: 'rule.fire.basis', staleAfterMonths: YEARLY },
    rules: [fireContract, fireInspection, fireHazards, fireLanes],
  },
  {
    id: 'water-supply',
    updated: (r) => latest(r.waterServices.map((s) => s.date)),
    published: (r) => r.waterServices.length > 0,
    // Only a compound with tanks and pumps owes it; its cleaning rule judges currency.
    duty: {
      cadence: 'rule.waterCleaning.cadence',
      basis: 'rule.waterCleaning.basis',
      applies: (r) => r.compound.secondary_water_supply === true,
    },
    rules: [waterCleaning, waterQuality],
  },
  {
    id: 'utility-split',
    updated: (r) => latest(r.utilitySplits.map((u) => u.published)),
    published: (r) => r.utilitySplits.length > 0,
    duty: {
      cadence: 'rule.utility.cadence',
      basis: 'rule.utility.basis',
      applies: (r) => r.compound.utility_split !== false,
    },
    rules: [utilityMonthly],
  },
  {
    id: 'evaluation',
    updated: (r) => latest((r.evaluations ?? []).map((e) => e.date)),
    // The county's view of the service: its evaluations, and the 12345 work orders about the compound.
    published: (r) => (r.evaluations ?? []).length > 0 || (r.workOrders ?? []).length > 0,
    // The county's duty, not the compound's: judged by its own rule once the county publishes evaluations.
    rules: [evaluationHeld, evaluationPassed],
  },
  {
    id: 'location',
    // The location comes with the compound's facts, which have no date of their own.
    updated: () => undefined,
    published: () => true,
  },
] as const satisfies readonly SectionEntry[];

export type SectionId = (typeof SECTION_ENTRIES)[number]['id'];

/** Anchors of the parts of a compound page, in the order the page shows them. */
export const SECTIONS: readonly SectionId[] = SECTION_ENTRIES.map((section) => section.id);

/** The five disclosures (五公开), in the policy's order. */
export const FIVE_DISCLOSURES = [
  'manager',
  'services',
  'fees',
  'hotlines',
  'public-revenue',
] as const satisfies readonly SectionId[];

/** The part of the page each top-level key of compound.yaml is shown in. */
export const YAML_SECTIONS: Partial<Record<keyof Compound, SectionId>> = Object.fromEntries(
  SECTION_ENTRIES.flatMap((section) =>
    'yamlKeys' in section ? section.yamlKeys.map((key) => [key, section.id] as const) : [],
  ),
);

/** The first key of each part: it being set or cleared is the part published or withdrawn. */
export const PART_YAML_KEYS: ReadonlySet<keyof Compound> = new Set(
  SECTION_ENTRIES.flatMap((section) => ('yamlKeys' in section ? section.yamlKeys.slice(0, 1) : [])),
);

const eachSection = <T>(value: (section: (typeof SECTION_ENTRIES)[number]) => T) =>
  Object.fromEntries(SECTION_ENTRIES.map((section) => [section.id, value(section)])) as Record<SectionId, T>;

/** When each part of the page was last updated; undefined where there is nothing yet. */
export const lastUpdated = (record: CompoundRecord): Record<SectionId, string | undefined> =>
  eachSection((section) => section.updated(record));

/**
 * Whether anything has been published for each part of a compound page. The
 * page says 未公示 for the others and the search index leaves them out, so a
 * topic finds exactly the compounds that publish it.
 */
export const publishedSections = (record: CompoundRecord): Record<SectionId, boolean> =>
  eachSection((section) => section.published(record));
