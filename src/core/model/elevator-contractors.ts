/**
 * The county's elevator maintenance contractors (电梯维保单位), as the elevator
 * registers name them: the compounds each serves, and how many of its
 * elevators are overdue for inspection or maintenance today, judged by the
 * same rules as the compound pages (实施方案三（二）2 asks for a credit system
 * for these contractors, published regularly; this is its public half).
 */
import type { CompoundRecord } from '../data/records.ts';
import { elevatorInspection, elevatorMaintenance } from '../rules/elevators.ts';
import { isOpen } from '../rules/finding.ts';

export interface ContractorCompound {
  slug: string;
  name: string;
  elevators: number;
  /** Open inspection and maintenance findings of this contractor's elevators in the compound. */
  overdue: number;
}

export interface ElevatorContractor {
  name: string;
  phones: string[];
  compounds: ContractorCompound[];
  elevators: number;
  overdue: number;
}

/** Every contractor named in an elevators.csv, the most overdue first, then by name. */
export function elevatorContractors(records: readonly CompoundRecord[], today: string): ElevatorContractor[] {
  const byName = new Map<string, ElevatorContractor>();
  for (const record of records) {
    const names = [...new Set(record.elevators.map((e) => e.contractor))];
    for (const name of names) {
      const elevators = record.elevators.filter((e) => e.contractor === name);
      const theirs = { ...record, elevators };
      const overdue = [elevatorInspection, elevatorMaintenance]
        .flatMap((rule) => rule.evaluate(theirs, today))
        .filter(isOpen).length;
      const contractor = byName.get(name) ?? { name, phones: [], compounds: [], elevators: 0, overdue: 0 };
      byName.set(name, contractor);
      for (const e of elevators)
        if (!contractor.phones.includes(e.contractor_phone)) contractor.phones.push(e.contractor_phone);
      contractor.compounds.push({
        slug: record.slug,
        name: record.compound.name,
        elevators: elevators.length,
        overdue,
      });
      contractor.elevators += elevators.length;
      contractor.overdue += overdue;
    }
  }
  const collator = new Intl.Collator('zh-CN');
  return [...byName.values()].sort((a, b) => b.overdue - a.overdue || collator.compare(a.name, b.name));
}
