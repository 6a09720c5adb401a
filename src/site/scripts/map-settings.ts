/**
 * What every map on the site shares, fixed at build: the base map (from the
 * environment, src/core/lib/map-tiles.ts) and the words of its legend and
 * notices. The map bundle carries them (src/site/integrations/map-bundle.ts
 * defines __GONGSHI_MAP__), so that no page repeats them; under `astro dev`,
 * which serves the source, the page passes them instead.
 */
import { t } from '../../core/i18n/t.ts';
import { type TileConfig, tileConfig } from '../../core/lib/map-tiles.ts';
import type { MapStatus } from '../../core/model/map-data.ts';

export type MapWords = Record<MapStatus | 'noTiles' | 'cluster' | 'approval', string>;

export interface MapSettings {
  tiles: TileConfig;
  /** The county map's words, and a compound's small map's (no clusters, its own no-tiles notice). */
  words: { county: MapWords; single: MapWords };
}

export function mapSettings(env: Record<string, string | undefined>): MapSettings {
  const words = (single: boolean): MapWords => ({
    current: t('map.status.current'),
    late: t('map.status.late'),
    missing: t('map.status.missing'),
    noTiles: single ? t('map.noTilesSingle') : t('map.noTiles'),
    cluster: single ? '' : t('map.cluster'),
    approval: t('map.approval'),
  });
  return { tiles: tileConfig(env), words: { county: words(false), single: words(true) } };
}
