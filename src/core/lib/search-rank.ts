/**
 * Pagefind ranks by word matches, and a number in a query is matched as a
 * prefix, so 文化路1号院 also finds 文化路11号院 and may rank it first. A
 * resident typing a compound's exact name must get that compound first:
 * results are re-ordered by how their title matches the whole query,
 * keeping Pagefind's order within each tier.
 */

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** 0: the title is the query; 1: the title contains it; 2: anything else. */
export function titleTier(title: string, query: string): number {
  const t = squash(title);
  const q = squash(query);
  if (!q) return 2;
  if (t === q) return 0;
  return t.includes(q) ? 1 : 2;
}

export function rankByTitle<T extends { title: string }>(results: readonly T[], query: string): T[] {
  return results
    .map((result, order) => ({ result, order, tier: titleTier(result.title, query) }))
    .sort((a, b) => a.tier - b.tier || a.order - b.order)
    .map((r) => r.result);
}

/**
 * Searches that come near a query that found nothing, each with one word left out (锦秀华庭 → 锦 华 庭); a
 * single Chinese word of three or more characters is split into characters first. Pagefind already forgives a
 * slip at the end of a Latin word (tianshanhuayaun finds tianshanhuayuan), but not a wrong character.
 */
export function nearQueries(queryWords: readonly string[]): string[] {
  const [only] = queryWords;
  const parts = queryWords.length === 1 && only && /^\p{Script=Han}{3,}$/u.test(only) ? [...only] : queryWords;
  if (parts.length < 2) return [];
  return [...new Set(parts.map((_, i) => parts.filter((_, j) => j !== i).join(' ')))];
}

/**
 * The results of merged indexes (the parts of a county's index, the counties' of a province), every
 * word of the query counted as one index counts it. Each index leaves out a query word it finds nothing
 * for, so 天山 物业 would find, in a part where no compound has 天山, every compound with 物业. A result
 * is kept only if it is among the results of each word of the query searched alone (`perWord`); a word
 * no index finds anything for is left out, as one index leaves it out. One difference remains: a part
 * without the word itself matches it more loosely, as Pagefind does whenever no word matches exactly
 * (in parts of one compound each, 天山 found the compounds of 天润物业), so parts can find a few more
 * compounds than one index would.
 */
export function withEveryKnownWord<T extends { id: string }>(
  results: readonly T[],
  perWord: readonly (readonly { id: string }[])[],
): T[] {
  const known = perWord.filter((found) => found.length > 0).map((found) => new Set(found.map((r) => r.id)));
  return results.filter((result) => known.every((ids) => ids.has(result.id)));
}
