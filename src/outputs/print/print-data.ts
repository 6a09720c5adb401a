/**
 * Everything a printed sheet needs besides its compound, loaded once per
 * page: the notice and board pages and the 社区's print-all pages share it.
 */
import type { CommunityRecord, CompanyRecord, CompoundRecord, DepartmentRecord } from '../../core/data/records.ts';
import { getCommunities, getCompanies, getDepartments, getSite, type SiteData } from '../../core/model/content.ts';

export interface SheetData {
  record: CompoundRecord;
  community: CommunityRecord;
  company: CompanyRecord | undefined;
  departments: DepartmentRecord[];
  site: SiteData;
}

export async function sheetData(records: CompoundRecord[]): Promise<SheetData[]> {
  const [site, communities, companies, departments] = await Promise.all([
    getSite(),
    getCommunities(),
    getCompanies(),
    getDepartments(),
  ]);
  return records.map((record) => {
    const community = communities.find((x) => x.slug === record.compound.community);
    if (!community) throw new Error(`community ${record.compound.community} missing after validation`);
    const company = companies.find((x) => x.slug === record.compound.company);
    return { record, community, company, departments, site };
  });
}
