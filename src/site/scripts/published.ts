/**
 * A compound's published files, fetched from the site's own downloads: its
 * compound.yaml and every table it has rows in (listed by /data/c/<slug>.json,
 * so that nothing is asked for that is not there). The checker and the
 * editor check what a committee prepares against them.
 */
import { COMPOUND_FILE, TABLES } from '../../core/data/tables.ts';
import { sitePath } from '../../core/lib/site-path.ts';

export interface PublishedCompound {
  slug: string;
  name: string;
  files: Map<string, Uint8Array>;
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The compound's files, or undefined when the site has no compound of that name. */
export async function fetchPublished(slug: string): Promise<PublishedCompound | undefined> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return undefined;
  const index = await fetch(sitePath(`/data/c/${slug}.json`));
  if (!index.ok) return undefined;
  const json = (await index.json()) as { name?: string; tables?: Record<string, unknown> };
  const names = [
    COMPOUND_FILE,
    ...TABLES.filter((table) => json.tables && Object.hasOwn(json.tables, table.resource)).map((table) => table.file),
  ];
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(name, await bytesOf(sitePath(`/data/c/${slug}/${name}`)));
  return { slug, name: json.name ?? slug, files };
}
