/**
 * Project managers (项目负责人) as the compound files name them, each known by
 * the filing number the housing bureau gave them, with their credit file.
 * A manager's page address is a fingerprint of that number: stable while the
 * number is, and without the brackets and Chinese of the number itself.
 */
import type { CompoundRecord, OversightData } from '../data/records.ts';
import { fingerprint } from '../lib/fingerprint.ts';
import type { CreditRecord } from '../schemas/credit-record.ts';

export interface ManagerView {
  /** The page's address segment: /managers/<id>/. */
  id: string;
  name: string;
  filing: string;
  company: string;
  /** The compounds whose compound.yaml names this manager, by slug order: their address and name. */
  compounds: { slug: string; name: string }[];
  /** The manager's own credit records, newest first. */
  credit: CreditRecord[];
}

export const managerId = (filingNumber: string) => fingerprint(filingNumber);

/** Every project manager of a company-managed compound, once per filing number. */
export function managers(compounds: readonly CompoundRecord[], oversight: OversightData): ManagerView[] {
  const byFiling = new Map<string, ManagerView>();
  for (const record of [...compounds].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const { manager, company } = record.compound;
    if (!manager || !company) continue;
    const view = byFiling.get(manager.filing_number) ?? {
      id: managerId(manager.filing_number),
      name: manager.name,
      filing: manager.filing_number,
      company,
      compounds: [],
      credit: oversight.credit
        .filter((r) => r.company === company && r.manager_filing === manager.filing_number)
        .sort((a, b) => b.date.localeCompare(a.date)),
    };
    view.compounds.push({ slug: record.slug, name: record.compound.name });
    byFiling.set(manager.filing_number, view);
  }
  return [...byFiling.values()];
}
