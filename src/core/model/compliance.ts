/**
 * The compliance rules, read from the page registry: every part's duty
 * (published where it applies, current within its cadence) and its own
 * rules, evaluated for a compound against the build's today. A finding is a
 * fact residents and supervisors must see, never a build failure. Pages,
 * lists, map points, counts, feeds and downloads all read findings from here,
 * and sort them into open, coming and history with src/core/rules/finding.ts.
 */
import type { CompoundRecord } from '../data/records.ts';
import { memoize } from '../lib/memo.ts';
import { dutyRules } from '../rules/duty.ts';
import type { Finding, Rule } from '../rules/finding.ts';
import { SECTION_ENTRIES, SECTIONS, type SectionId } from './sections.ts';

export type { Finding, FindingLevel, Rule } from '../rules/finding.ts';
export { FINDING_LEVELS, isComing, isHistory, isOpen } from '../rules/finding.ts';

export interface RegisteredRule extends Rule {
  /** `<section>.<rule id>`. */
  key: string;
  section: SectionId;
}

/** Every rule, in page order: each part's duty first, then its own rules. */
export const RULES: readonly RegisteredRule[] = SECTION_ENTRIES.flatMap((entry) => {
  const part: { id: SectionId; duty?: Parameters<typeof dutyRules>[0]['duty']; rules?: readonly Rule[] } = entry;
  const duty = part.duty
    ? dutyRules({ id: entry.id, duty: part.duty, published: entry.published, updated: entry.updated })
    : [];
  return [...duty, ...(part.rules ?? [])].map((rule) => ({
    ...rule,
    key: `${entry.id}.${rule.id}`,
    section: entry.id,
  }));
});

/**
 * The page, the map, the lists and the dashboards all ask for the same
 * compound's findings; with 10,000 compounds, evaluating the rules once per
 * record and day instead of once per asker saves tens of seconds of build.
 */
const ownEvaluations = memoize((record: CompoundRecord) =>
  memoize((today: string): readonly Finding[] =>
    RULES.flatMap((rule) =>
      rule.evaluate(record, today).map((o) => ({ ...o, rule: rule.key, section: rule.section, basis: rule.basis })),
    ).sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section)),
  ),
);

const SHARED = Symbol.for('gongshi.evaluations');

/** The evaluations every module instance of this file uses in a build. */
interface SharedEvaluations {
  /** The memoized evaluations of the instance that shared them. */
  own: typeof ownEvaluations;
  /** Every compound's findings for one day, by slug, evaluated in another thread from the same content. */
  given?: { today: string; bySlug: ReadonlyMap<string, readonly Finding[]> };
  /** Settles when the findings promised from another thread are given, or could not be. */
  arriving?: Promise<void>;
}

const holder = globalThis as Record<symbol, SharedEvaluations | undefined>;

/**
 * In a build this module runs twice, from the same source: in the site's integration and in Astro's
 * bundle of the pages. The build's integration calls this at its start, and from then on both use
 * one set of evaluations: at 10,000 compounds, seconds of one thread not spent twice.
 * Never in `astro dev`, where an edit to a rule reloads the pages' copy, which must not use the old one.
 */
export function shareEvaluationsInThisBuild(): void {
  holder[SHARED] = { own: ownEvaluations };
}

/**
 * Every compound's findings for one day, evaluated by this code in another thread from the same
 * validated content (the site-files worker, which needs them for the open data): the pages then use
 * them instead of evaluating every compound again. Until they arrive, or if they never do, a
 * compound is evaluated here, to the same findings.
 */
export function evaluationsFromElsewhere(
  arriving: Promise<{ today: string; findings: Iterable<readonly [string, readonly Finding[]]> }>,
): void {
  const shared = holder[SHARED];
  if (!shared) throw new Error('evaluationsFromElsewhere needs shareEvaluationsInThisBuild first');
  shared.arriving = arriving.then(
    ({ today, findings }) => {
      shared.given = { today, bySlug: new Map(findings) };
    },
    () => {},
  );
}

/** Resolves once the findings promised by evaluationsFromElsewhere are in use (or could not be given). */
export async function evaluationsArrived(): Promise<void> {
  await holder[SHARED]?.arriving;
}

/** This compound's findings as another thread evaluated them, for this day, if it did. */
function givenFindings(record: CompoundRecord, today: string): readonly Finding[] | undefined {
  const given = holder[SHARED]?.given;
  return given?.today === today ? given.bySlug.get(record.slug) : undefined;
}

const evaluated = (record: CompoundRecord) => (holder[SHARED]?.own ?? ownEvaluations)(record);

/** Every finding for one compound, in page order. */
export function evaluateCompound(record: CompoundRecord, today: string): Finding[] {
  // Each caller gets its own array; the findings themselves are never changed.
  return [...(givenFindings(record, today) ?? evaluated(record)(today))];
}
