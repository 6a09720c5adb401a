/**
 * The name directory: what a resident's first result comes from.
 *
 * Pagefind's full index costs a phone about 130 KB before its first result at
 * 10,000 compounds (its WebAssembly, and a page list that grows with the
 * county) — seconds on a slow network. Most searches are a compound's name,
 * or its pinyin, initials or slug, typed from the start. The directory splits
 * those names into small files by how they begin: the first Chinese character,
 * or the first two Latin letters. A search fetches one file, shows the names
 * that start with the query, and only then loads Pagefind for everything else
 * (addresses, companies, topics, words inside a name).
 *
 * The same module writes the files at build and reads them in the browser.
 */

/** One compound in a directory file: name, slug, 社区, address, and the Latin words of its name (Latin files only). */
export type DirectoryEntry = [name: string, slug: string, community: string, address: string, latin?: string];

/** What is compared: letters and digits only, in one width and case (NFKC), so 天山 花园 and tianshan-huayuan match. */
export const squash = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The file a word belongs to: `u` and the code point in hex for a first character outside ASCII; the first two
 * characters for a Latin letter or digit (one outside ASCII spelt the same way: 1号院 → 1u53f7); none for a
 * single Latin letter, which would list half the county.
 */
export function directoryKey(word: string): string | undefined {
  const [first, second] = [...squash(word)];
  if (first === undefined) return undefined;
  const spelt = (char: string) => {
    const code = char.codePointAt(0) ?? 0;
    return code > 0x7f ? `u${code.toString(16)}` : char;
  };
  if (spelt(first) !== first) return spelt(first);
  return second === undefined ? undefined : first + spelt(second);
}

/** The address of a directory file. */
export const directoryPath = (key: string) => `/search/names/${key}.json`;

/** Every file one compound is listed in: by its name, and by each of its Latin words. */
export function entryKeys(name: string, latin: readonly string[]): { byName?: string; byLatin: string[] } {
  const byName = directoryKey(name);
  const byLatin = [...new Set(latin.map(directoryKey))].filter((k): k is string => k !== undefined && k !== byName);
  return byName === undefined ? { byLatin } : { byName, byLatin };
}

/**
 * 0: the name is the query; 1: the name starts with it; 2: a Latin word is the query; 3: one starts with it;
 * undefined: no match.
 */
export function matchTier(entry: DirectoryEntry, query: string): number | undefined {
  const q = squash(query);
  if (!q) return undefined;
  const name = squash(entry[0]);
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const words = (entry[4] ?? '').split(' ');
  if (words.includes(q)) return 2;
  return words.some((w) => w.startsWith(q)) ? 3 : undefined;
}

/** The entries whose name or Latin words start with the query: exact first, then shorter names, then by name. */
export function matchDirectory(entries: readonly DirectoryEntry[], query: string, limit = 10): DirectoryEntry[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return entries
    .map((entry) => ({ entry, tier: matchTier(entry, query) }))
    .filter((m): m is { entry: DirectoryEntry; tier: number } => m.tier !== undefined)
    .sort(
      (a, b) => a.tier - b.tier || a.entry[0].length - b.entry[0].length || collator.compare(a.entry[0], b.entry[0]),
    )
    .slice(0, limit)
    .map((m) => m.entry);
}
