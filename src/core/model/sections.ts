/**
 * The parts of a compound page, in the order the page shows them, each
 * declared once: its anchor (also the key of its title, `section.<id>` in
 * zh-CN.json), the part of compound.yaml it shows, when it was last updated
 * and whether anything is published in it at all. The tables shown in a part
 * name it in their own registry entry (src/core/data/tables.ts). The page,
 * the change history, the search documents and the rules all read this list.
 */
import type { CompoundRecord } from '../data/records.ts';
import type { Compound } from '../schemas/compound.ts';

export interface SectionEntry {
  /** The anchor of the part on the compound page, and its title's key `section.<id>`. */
  id: string;
  /** The top-level key of compound.yaml whose value this part shows, if any. */
  yamlKey?: keyof Compound;
  /** The newest date the part's data carries; undefined where there is nothing yet. */
  updated: (record: CompoundRecord) => string | undefined;
  /** Whether anything is published: if not, the page says 未公示 and search leaves the topic out. */
  published: (record: CompoundRecord) => boolean;
}

const latest = (dates: (string | undefined)[]) =>
  dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);

export const SECTION_ENTRIES = [
  {
    id: 'manager',
    yamlKey: 'manager',
    updated: (r) => r.compound.manager?.updated,
    // Without a company there is no project manager to name.
    published: (r) => r.compound.management !== 'professional' || r.compound.manager !== undefined,
  },
  {
    id: 'services',
    yamlKey: 'services',
    updated: (r) => r.compound.services?.updated,
    published: (r) => r.compound.services !== undefined,
  },
  {
    id: 'fees',
    updated: (r) => latest(r.fees.map((f) => f.announced)),
    published: (r) => r.fees.length > 0,
  },
  {
    id: 'hotlines',
    yamlKey: 'hotlines',
    updated: (r) => r.compound.hotlines?.updated,
    // The county's own lines are always shown.
    published: () => true,
  },
  {
    id: 'public-revenue',
    yamlKey: 'public_revenue',
    updated: (r) => latest(r.revenueQuarters.map((q) => q.published)),
    published: (r) => r.compound.public_revenue !== undefined,
  },
  {
    id: 'filings',
    yamlKey: 'filings',
    updated: (r) => r.compound.filings?.updated,
    published: (r) => r.compound.filings !== undefined,
  },
  {
    id: 'committee',
    yamlKey: 'committee',
    updated: (r) => r.compound.committee?.updated,
    published: (r) => r.compound.committee !== undefined,
  },
  {
    id: 'maintenance-fund',
    yamlKey: 'maintenance_fund',
    updated: (r) => latest([r.compound.maintenance_fund?.updated, ...r.fundUses.map((u) => u.date)]),
    published: (r) => r.compound.maintenance_fund !== undefined || r.fundUses.length > 0,
  },
  {
    id: 'elevators',
    updated: (r) => latest(r.elevators.map((e) => e.last_maintenance)),
    published: (r) => r.elevators.length > 0,
  },
  {
    id: 'fire-safety',
    yamlKey: 'fire_safety',
    updated: (r) => r.compound.fire_safety?.updated,
    published: (r) => r.compound.fire_safety !== undefined,
  },
  {
    id: 'utility-split',
    updated: (r) => latest(r.utilitySplits.map((u) => u.published)),
    published: (r) => r.utilitySplits.length > 0,
  },
  {
    id: 'evaluation',
    updated: (r) => latest((r.evaluations ?? []).map((e) => e.date)),
    published: (r) => (r.evaluations ?? []).length > 0,
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
  SECTION_ENTRIES.flatMap((section) => ('yamlKey' in section ? [[section.yamlKey, section.id]] : [])),
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
