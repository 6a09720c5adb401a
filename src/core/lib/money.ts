/**
 * Money is integer fen everywhere inside the portal; these turn it into the
 * yuan residents read. No floating point touches an amount.
 */

/** 123456 → "1,234.56" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  // Thousands grouped by hand: a page of accounts formats a few hundred amounts, and a regular expression per amount showed.
  const digits = String(Math.floor(abs / 100));
  let yuan = digits.slice(0, digits.length % 3 || 3);
  for (let at = yuan.length; at < digits.length; at += 3) yuan += `,${digits.slice(at, at + 3)}`;
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of integer amounts; kept as a function so that every total is computed the same way. */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * 123456 → "1234.56", -5 → "-0.05": yuan with exactly two decimals and no
 * thousands separator, for data files that programs and spreadsheets read.
 */
export function yuanPlain(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
