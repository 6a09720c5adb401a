/** The validated data as the open-data downloads need it. */
import { contentBundle } from '../data/content-bundle.ts';
import type { OpenDataSource } from '../data/open-data.ts';
import type { ContentBundle } from '../data/records.ts';
import { getCommunities, getCompanies, getCompounds, getSite } from './content.ts';

/** Each compound's JSON asks for the whole source: made once per validation pass, not 10,000 times. */
const sources = new WeakMap<ContentBundle, Promise<OpenDataSource>>();

async function makeSource(): Promise<OpenDataSource> {
  const { today, ...site } = await getSite();
  return {
    site,
    today,
    communities: await getCommunities(),
    companies: await getCompanies(),
    compounds: await getCompounds(),
  };
}

/** Shared by every download: do not change it. */
export async function getOpenDataSource(): Promise<OpenDataSource> {
  const bundle = await contentBundle();
  let source = sources.get(bundle);
  if (!source) {
    source = makeSource();
    sources.set(bundle, source);
  }
  return source;
}
