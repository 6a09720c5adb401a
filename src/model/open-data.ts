/** The validated data as the open-data downloads need it. */
import { perValidationPass } from '../data/content-bundle.ts';
import type { OpenDataSource } from '../data/open-data.ts';
import { getCommunities, getCompanies, getCompounds, getSite } from './content.ts';

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

/** Shared by every download, each compound's JSON included: do not change it. */
export const getOpenDataSource: () => Promise<OpenDataSource> = perValidationPass(makeSource);
