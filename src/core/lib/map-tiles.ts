/**
 * The base map, chosen at build time: 天地图 (needs a key, TIANDITU_KEY),
 * 高德 (draws in GCJ-02), OpenStreetMap, or none. Chinese rules ask every
 * published map to show its data source and approval number (审图号), so
 * both are part of the configuration and shown bottom-left.
 */

export type TileProviderName = 'tianditu' | 'amap' | 'osm' | 'none';

export interface TileConfig {
  provider: TileProviderName;
  /** Leaflet URL templates; a second layer carries place names on some providers. */
  layers: string[];
  subdomains: string;
  /** The datum the tiles are drawn in: markers are converted when it is GCJ-02. */
  datum: 'wgs84' | 'gcj02';
  /** Data source, shown bottom-left. */
  source: string;
  /** 审图号, shown bottom-left; empty where the provider shows none. */
  approval: string;
}

export function tileConfig(env: Record<string, string | undefined>): TileConfig {
  const provider = (env.GONGSHI_MAP_TILES ?? 'osm') as TileProviderName;
  const approval = env.GONGSHI_MAP_APPROVAL ?? '';
  switch (provider) {
    case 'tianditu': {
      const key = env.TIANDITU_KEY;
      if (!key) throw new Error('GONGSHI_MAP_TILES=tianditu needs TIANDITU_KEY (a 天地图 browser key)');
      const layer = (name: string) =>
        `https://t{s}.tianditu.gov.cn/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
      return {
        provider,
        layers: [layer('vec'), layer('cva')],
        subdomains: '01234567',
        datum: 'wgs84',
        source: '天地图',
        approval,
      };
    }
    case 'amap':
      return {
        provider,
        layers: ['https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'],
        subdomains: '1234',
        datum: 'gcj02',
        source: '高德地图',
        approval,
      };
    case 'osm':
      return {
        provider,
        layers: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        subdomains: 'abc',
        datum: 'wgs84',
        source: '© OpenStreetMap 贡献者',
        approval,
      };
    case 'none':
      return { provider, layers: [], subdomains: '', datum: 'wgs84', source: '', approval: '' };
    default:
      throw new Error(`GONGSHI_MAP_TILES must be tianditu, amap, osm or none, not ${provider}`);
  }
}
