/** The maintainers' notices (content/notices/*.mdx), newest first. */
import { type CollectionEntry, getCollection } from 'astro:content';

export async function getNotices(): Promise<CollectionEntry<'notices'>[]> {
  return (await getCollection('notices')).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id),
  );
}
