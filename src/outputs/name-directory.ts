/**
 * The name directory's files (src/core/lib/name-directory.ts says why they
 * exist): every compound listed under how its name, full pinyin, initials and
 * slug begin, at /search/names/<key>.json.
 */
import { groupBy } from '../core/lib/group.ts';
import { type DirectoryEntry, directoryPath, entryKeys } from '../core/lib/name-directory.ts';
import type { OpenDataFile, OpenDataSource } from './open-data.ts';
import { latinForms } from './search-document.ts';

/** Each directory file's entries, by key. */
export function directoryFiles(
  source: Pick<OpenDataSource, 'communities' | 'compounds'>,
): Map<string, DirectoryEntry[]> {
  const communityName = new Map(source.communities.map((c) => [c.slug, c.name]));
  const listings: { key: string; entry: DirectoryEntry }[] = [];
  for (const { slug, compound } of source.compounds) {
    // Joined words only: single syllables (xiao, qu) would put most of the county in a few files.
    const forms = latinForms(compound.name, slug);
    const latin = [...new Set([forms.pinyin, forms.initials, forms.slug])].filter(Boolean);
    const base = [compound.name, slug, communityName.get(compound.community) ?? '', compound.address] as const;
    const keys = entryKeys(compound.name, latin);
    if (keys.byName) listings.push({ key: keys.byName, entry: [...base] });
    for (const key of keys.byLatin) listings.push({ key, entry: [...base, latin.join(' ')] });
  }
  const files = groupBy(listings, (l) => l.key);
  return new Map([...files].map(([key, group]) => [key, group.map((l) => l.entry)]));
}

export function* nameDirectoryFiles(
  source: Pick<OpenDataSource, 'communities' | 'compounds'>,
): Generator<OpenDataFile> {
  for (const [key, entries] of directoryFiles(source)) {
    yield {
      path: directoryPath(key).slice(1),
      contentType: 'application/json; charset=utf-8',
      pieces: () => [JSON.stringify(entries)],
    };
  }
}
