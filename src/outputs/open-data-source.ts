/** The validated data as the open-data downloads need it. */

import { perValidationPass } from '../core/data/content-bundle.ts';
import { getCommunities, getCompanies, getCompounds, getOversight, getSite } from '../core/model/content.ts';
import type { OpenDataSource } from './open-data.ts';

async function makeSource(): Promise<OpenDataSource> {
  const { today, ...site } = await getSite();
  return {
    site,
    today,
    communities: await getCommunities(),
    companies: await getCompanies(),
    compounds: await getCompounds(),
    oversight: await getOversight(),
  };
}

/** Shared by every download, each compound's JSON included: do not change it. */
export const getOpenDataSource: () => Promise<OpenDataSource> = perValidationPass(makeSource);
