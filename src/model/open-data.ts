/** The validated data as the open-data downloads need it, from the content collections. */
import type { OpenDataSource } from '../data/open-data.ts';
import { getCommunities, getCompanies, getCompounds, getSite } from './content.ts';

export async function getOpenDataSource(): Promise<OpenDataSource> {
  const { today, ...site } = await getSite();
  return {
    site,
    today,
    communities: await getCommunities(),
    companies: await getCompanies(),
    compounds: await getCompounds(),
  };
}
