/**
 * What the maps show of each compound: where it is and its disclosure
 * status, from the same compliance rules as the pages. The status is told
 * by a marker's shape and colour and by its words, never by colour alone.
 */
import type { CompoundRecord } from '../data/records.ts';
import { evaluateCompound, isOpen } from './compliance.ts';

/**
 * current: nothing open; late: something open now (overdue, stale, against the rules, or a
 * county warning); missing: something never published. A lateness put right is not open.
 */
export type MapStatus = 'current' | 'late' | 'missing';

export interface MapPoint {
  slug: string;
  name: string;
  community: string;
  lat: number;
  lon: number;
  status: MapStatus;
}

export function mapStatus(record: CompoundRecord, today: string): MapStatus {
  const open = evaluateCompound(record, today).filter(isOpen);
  if (open.some((f) => f.level === 'missing')) return 'missing';
  return open.length > 0 ? 'late' : 'current';
}

export function mapPoints(records: CompoundRecord[], communityNames: Map<string, string>, today: string): MapPoint[] {
  return records.map((r) => ({
    slug: r.slug,
    name: r.compound.name,
    community: communityNames.get(r.compound.community) ?? r.compound.community,
    lat: r.compound.location.lat,
    lon: r.compound.location.lon,
    status: mapStatus(r, today),
  }));
}
