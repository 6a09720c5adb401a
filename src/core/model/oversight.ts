/**
 * Views over content/oversight/ for the company, rating, blacklist,
 * evaluation and dashboard pages: who is rated what now, who is on the
 * blacklist today, which project managers work for a company.
 */
import type { CompanyRecord, CompoundRecord, OversightData } from '../data/records.ts';
import { type BlacklistEntry, inForce } from '../schemas/blacklist.ts';
import type { Evaluation } from '../schemas/evaluation.ts';
import type { Rating } from '../schemas/rating.ts';

/** Periods present in a list, newest first. */
export function periodsOf(rows: readonly { period: string }[]): string[] {
  return [...new Set(rows.map((r) => r.period))].sort().reverse();
}

/** A company's ratings, newest period first. */
export function ratingHistory(oversight: OversightData, company: string): Rating[] {
  return oversight.ratings.filter((r) => r.company === company).sort((a, b) => b.period.localeCompare(a.period));
}

/** The company's rating of the latest rated period, if it was rated then. */
export function currentRating(oversight: OversightData, company: string | undefined): Rating | undefined {
  if (!company) return undefined;
  return ratingHistory(oversight, company)[0];
}

/** The company's own listing in force today (not one of its managers'). */
export function companyListing(oversight: OversightData, company: string, today: string): BlacklistEntry | undefined {
  return oversight.blacklist.find((e) => e.company === company && e.manager === undefined && inForce(e, today));
}

/** Project managers of a company's compounds, by name only, with the compounds they run. */
export function companyManagers(compounds: readonly CompoundRecord[]): { name: string; compounds: CompoundRecord[] }[] {
  const byName = new Map<string, CompoundRecord[]>();
  for (const record of compounds) {
    const name = record.compound.manager?.name;
    if (name) byName.set(name, [...(byName.get(name) ?? []), record]);
  }
  return [...byName]
    .map(([name, list]) => ({ name, compounds: list }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** One period's evaluations, best score first, with their rank (equal scores share a rank). */
export function rankedEvaluations(
  evaluations: readonly Evaluation[],
  period: string,
): (Evaluation & { rank: number })[] {
  const rows = evaluations
    .filter((e) => e.period === period)
    .sort((a, b) => b.score - a.score || a.compound.localeCompare(b.compound));
  return rows.map((row, i) => ({ ...row, rank: rows.findIndex((r) => r.score === row.score) + 1 || i + 1 }));
}

export function companyName(companies: readonly CompanyRecord[], slug: string): string {
  return companies.find((c) => c.slug === slug)?.name ?? slug;
}
