import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import { outOfChina, wgs84ToGcj02 } from '../../src/core/lib/geo.ts';
import { tileConfig } from '../../src/core/lib/map-tiles.ts';
import { mapPoints, mapStatus } from '../../src/core/model/map-data.ts';
import { baseRecord } from './helpers.ts';

describe('wgs84ToGcj02', () => {
  it('matches the widely published test vector (Beijing, 39.915 N 116.404 E)', () => {
    const { lat, lon } = wgs84ToGcj02(39.915, 116.404);
    assert.ok(Math.abs(lat - 39.91640428150164) < 1e-9, String(lat));
    assert.ok(Math.abs(lon - 116.41024449916938) < 1e-9, String(lon));
  });

  it('shifts a point in Qitai by a couple of hundred metres', () => {
    const { lat, lon } = wgs84ToGcj02(44.0125, 89.5912);
    const metres = Math.hypot((lat - 44.0125) * 111_000, (lon - 89.5912) * 111_000 * Math.cos((44 * Math.PI) / 180));
    assert.ok(metres > 100 && metres < 500, `${metres} m`);
  });

  it('leaves points outside China as they are', () => {
    assert.equal(outOfChina(51.5, -0.12), true);
    assert.deepEqual(wgs84ToGcj02(51.5, -0.12), { lat: 51.5, lon: -0.12 });
  });
});

describe('tileConfig', () => {
  it('defaults to OpenStreetMap in WGS-84', () => {
    const config = tileConfig({});
    assert.equal(config.provider, 'osm');
    assert.equal(config.datum, 'wgs84');
    assert.equal(config.layers.length, 1);
  });

  it('draws 高德 tiles in GCJ-02 and shows the configured 审图号', () => {
    const config = tileConfig({ GONGSHI_MAP_TILES: 'amap', GONGSHI_MAP_APPROVAL: 'GS(2026)0000号' });
    assert.equal(config.datum, 'gcj02');
    assert.equal(config.approval, 'GS(2026)0000号');
  });

  it('needs a key for 天地图, and refuses an unknown provider', () => {
    assert.throws(() => tileConfig({ GONGSHI_MAP_TILES: 'tianditu' }), /TIANDITU_KEY/);
    const config = tileConfig({ GONGSHI_MAP_TILES: 'tianditu', TIANDITU_KEY: 'k' });
    assert.equal(config.layers.length, 2);
    assert.ok(config.layers.every((url) => url.includes('tk=k')));
    assert.throws(() => tileConfig({ GONGSHI_MAP_TILES: 'google' }), /tianditu, amap, osm or none/);
  });

  it('has no layer at all with none', () => {
    assert.deepEqual(tileConfig({ GONGSHI_MAP_TILES: 'none' }).layers, []);
  });
});

describe('map status', () => {
  it('is missing when a disclosure was never published, late when one is overdue, else current', () => {
    const record: CompoundRecord = baseRecord();
    assert.equal(mapStatus(record, '2026-11-10'), 'current');
    // A year on, 2026Q3 and later quarters are overdue.
    assert.equal(mapStatus(record, '2027-11-20'), 'late');
    const { services: _services, ...withoutServices } = record.compound;
    assert.equal(mapStatus({ ...record, compound: withoutServices }, '2027-11-20'), 'missing');
  });

  it('carries the 社区 name and the coordinates as stored (WGS-84)', () => {
    const record = baseRecord();
    const [point] = mapPoints([record], new Map([[record.compound.community, '东城社区']]), '2026-11-20');
    assert.equal(point?.community, '东城社区');
    assert.equal(point?.lat, record.compound.location.lat);
  });
});
