/**
 * Disclosure 4 as one list: the compound's own lines, then its 社区's and the
 * county's. The compound page and the printed notice both read it, so that
 * paper and screen never list different numbers.
 */
import type { CommunityRecord, CompoundRecord } from '../data/records.ts';
import { t } from '../i18n/t.ts';
import type { Site } from '../schemas/site.ts';

export interface HotlineLine {
  label: string;
  phone: string;
  /** Hours, or the contractor's name. */
  note?: string | undefined;
}

export function hotlineLines(record: CompoundRecord, community: CommunityRecord, site: Site): HotlineLine[] {
  const { hotlines } = record.compound;
  const own: HotlineLine[] = hotlines
    ? [
        { label: t('hotline.repair'), phone: hotlines.repair, note: hotlines.repair_hours },
        { label: t('hotline.complaint'), phone: hotlines.complaint },
        ...(hotlines.elevator_maintenance
          ? [
              {
                label: t('hotline.elevator'),
                phone: hotlines.elevator_maintenance.phone,
                note: hotlines.elevator_maintenance.name,
              },
            ]
          : []),
        ...(hotlines.fire_maintenance
          ? [{ label: t('hotline.fire'), phone: hotlines.fire_maintenance.phone, note: hotlines.fire_maintenance.name }]
          : []),
      ]
    : [];
  return [
    ...own,
    { label: t('hotline.community', { name: community.name }), phone: community.phone, note: community.hours },
    { label: t('hotline.bureau', { county: site.county }), phone: site.housing_bureau_phone },
    { label: t('hotline.service'), phone: site.service_hotline },
    { label: t('hotline.price'), phone: site.price_hotline },
  ];
}
