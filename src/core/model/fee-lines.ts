/**
 * A compound's fees as residents read them: per item and payer, the price in
 * force today, announced changes and past prices.
 */
import type { FeeItem } from '../schemas/fee-item.ts';

export interface FeeLine {
  /** The price in force today, if any. */
  current: FeeItem | undefined;
  /** Announced prices that take effect after today, soonest first. */
  upcoming: FeeItem[];
  /** Prices no longer in force, newest first. */
  past: FeeItem[];
}

/** Fees grouped by item and payer, in the order the CSV first lists them. */
export function feeLines(fees: FeeItem[], today: string): FeeLine[] {
  const groups = new Map<string, FeeItem[]>();
  for (const fee of fees) {
    const key = `${fee.item}\u0000${fee.payer}`;
    groups.set(key, [...(groups.get(key) ?? []), fee]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => a.effective.localeCompare(b.effective));
    const inForce = sorted.filter((f) => f.effective <= today);
    return {
      current: inForce.at(-1),
      upcoming: sorted.filter((f) => f.effective > today),
      past: inForce.slice(0, -1).reverse(),
    };
  });
}
