/**
 * What the rules say about a compound: findings, each with its level, since
 * when it holds, its deadline and the rule's cited basis. The levels fall in
 * three groups, and every page, list, map point, count and download reads
 * them through `isOpen` and `isHistory`, so none of them can call a
 * compound all clear while anything is open.
 */
import type { CompoundRecord } from '../data/records.ts';
import type { StringKey } from '../i18n/t.ts';
import type { SectionId } from '../model/sections.ts';

/**
 * Open now — missing: never published; overdue: a deadline passed and it is still not there;
 * stale: published, but not updated within its cadence (逾期未更新); breach: published, and
 * what it says breaks a rule (a price above its band, accounts that do not agree); warning:
 * the county's own verdict on the compound or its company (blacklist, C rating, 不合格).
 * Coming — due: owed soon, not late yet; expiring: a contract, inspection or term lapses within 30 days.
 * History — resolved: it came late and has been put right (曾逾期).
 */
export const FINDING_LEVELS = [
  'missing',
  'overdue',
  'stale',
  'breach',
  'warning',
  'due',
  'expiring',
  'resolved',
] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

const OPEN: ReadonlySet<FindingLevel> = new Set(['missing', 'overdue', 'stale', 'breach', 'warning']);

/** Something is wrong now: the compound is not all clear while any such finding stands. */
export const isOpen = (finding: { level: FindingLevel }) => OPEN.has(finding.level);

/** It was late and has been put right: shown in the compound's history, never counted as open. */
export const isHistory = (finding: { level: FindingLevel }) => finding.level === 'resolved';

/** Owed soon or lapsing soon: shown so that nobody is surprised, not counted as open. */
export const isComing = (finding: { level: FindingLevel }) => !isOpen(finding) && !isHistory(finding);

/** What a rule finds, before the registry adds which rule and section it came from. */
export interface Observation {
  level: FindingLevel;
  /** One sentence in Chinese, with the numbers. */
  text: string;
  /** Open: the first day it was open (the day after the deadline). History: the day it was put right. */
  since?: string | undefined;
  /** The day by which it was or is owed. */
  deadline?: string | undefined;
}

export interface Finding extends Observation {
  /** `<section>.<rule>`, for example public-revenue.quarterly. */
  rule: string;
  section: SectionId;
  /** The rule's legal basis, as cited on the page and in the downloads. */
  basis: StringKey;
}

/**
 * A duty of one part of the page. Each rule is declared in its part's entry
 * of the page registry (src/core/model/sections.ts), with what it checks,
 * how often the duty recurs and the instrument it rests on.
 */
export interface Rule {
  /** Unique within its part; the finding's id is `<section>.<id>`. */
  id: string;
  /** What is checked, in Chinese. */
  title: StringKey;
  /** How often the duty recurs, or its deadline, in Chinese. */
  cadence: StringKey;
  /** The legal basis, as cited on the page. */
  basis: StringKey;
  evaluate(record: CompoundRecord, today: string): Observation[];
}

/** Contracts, inspections and terms that lapse within this many days are 即将到期. */
export const EXPIRING_WITHIN_DAYS = 30;
