/**
 * Draws a Leaflet map of compounds: clustered markers whose shape and colour
 * (and words, for screen readers) tell their disclosure status, a popup
 * linking to each page, and the tile provider's source and 审图号. Without
 * tiles (no network, or none configured) it still shows every marker on a
 * plain background and says why the base map is missing.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import Supercluster, { type ClusterProperties } from 'supercluster';
import { wgs84ToGcj02 } from '../../core/lib/geo.ts';
import { escapeXml, html } from '../../core/lib/html.ts';
import type { TileConfig } from '../../core/lib/map-tiles.ts';
import type { MapPoint, MapStatus } from '../../core/model/map-data.ts';
import type { MapSettings, MapWords } from './map-settings.ts';
import '../styles/map-markers.css';
import { sitePath } from '../../core/lib/site-path.ts';

export interface MapOptions {
  points: MapPoint[];
  /** Under `astro dev` only: a build takes the base map and the words from __GONGSHI_MAP__. */
  tiles?: TileConfig | undefined;
  words?: MapWords | undefined;
  /** A single compound's small map: no clustering, a fixed zoom. */
  single?: boolean;
}

declare const __GONGSHI_MAP__: MapSettings | undefined;
/** Set by the map bundle's build (src/site/integrations/map-bundle.ts). */
const BUILT: MapSettings | undefined = typeof __GONGSHI_MAP__ === 'undefined' ? undefined : __GONGSHI_MAP__;

/** Up to this many compounds, every marker stays on the map whatever the view. */
const SMALL_SET = 2000;

const SHAPES: Record<MapStatus, string> = { current: '●', late: '▲', missing: '■' };

function statusIcon(status: MapStatus, label: string): L.DivIcon {
  // Leaflet styles the icon element itself; the drawn shape is an element inside it.
  return L.divIcon({
    className: 'map-icon',
    html: html`
      <span class="map-marker map-marker--${status}" aria-hidden="true">${SHAPES[status]}</span>
      <span class="visually-hidden">${label}</span>`.toString(),
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
}

function clusterIcon(count: number, label: string): L.DivIcon {
  return L.divIcon({
    className: 'map-icon',
    html: html`
      <span class="map-cluster" aria-hidden="true">${count}</span>
      <span class="visually-hidden">${label}</span>`.toString(),
    iconSize: [40, 40],
    iconAnchor: [20, 20],
  });
}

export function drawMap(container: HTMLElement, options: MapOptions): L.Map {
  const { points } = options;
  const tiles = options.tiles ??
    BUILT?.tiles ?? { provider: 'none', layers: [], subdomains: '', source: '', approval: '', datum: 'wgs84' };
  const words = options.words ?? BUILT?.words[options.single ? 'single' : 'county'];
  if (!words) throw new Error('the map has no words: build it with map-bundle.ts, or pass them');
  const place = (p: MapPoint): L.LatLngExpression => {
    const at = tiles.datum === 'gcj02' ? wgs84ToGcj02(p.lat, p.lon) : p;
    return [at.lat, at.lon];
  };
  // No fade: a closed popup leaves at once, for screen readers and reduced motion alike.
  const map = L.map(container, { attributionControl: false, scrollWheelZoom: !options.single, fadeAnimation: false });

  // Source and 审图号 bottom-left, as Chinese map rules ask; Leaflet's own credit stays bottom-right.
  const credit = [tiles.source, tiles.approval && `${words.approval}${tiles.approval}`].filter(Boolean).join(' ');
  if (credit)
    L.control.attribution({ position: 'bottomleft', prefix: false }).addAttribution(escapeXml(credit)).addTo(map);
  L.control.attribution({ position: 'bottomright', prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);

  // A keyboard user who opens a popup lands on its link, and Escape takes them back to the marker.
  map.on('popupopen', (event) => {
    const element = event.popup.getElement();
    const source = (event.popup as L.Popup & { _source?: L.Marker })._source?.getElement();
    element?.querySelector<HTMLAnchorElement>('.leaflet-popup-content a')?.focus();
    element?.addEventListener('keydown', (key) => {
      if (key.key !== 'Escape') return;
      map.closePopup();
      source?.focus();
    });
  });

  let failed = false;
  const noTiles = () => {
    if (failed) return;
    failed = true;
    container.classList.add('map--no-tiles');
    const notice = container.parentElement?.querySelector('.map-notice');
    if (notice) notice.textContent = words.noTiles;
  };
  for (const url of tiles.layers) {
    L.tileLayer(url, { subdomains: tiles.subdomains, maxZoom: 18 }).on('tileerror', noTiles).addTo(map);
  }
  if (tiles.layers.length === 0) container.classList.add('map--no-tiles');

  const popup = (p: MapPoint) =>
    html`
      <strong><a href="${sitePath(`/c/${encodeURIComponent(p.slug)}/`)}">${p.name}</a></strong><br>
      ${p.community}<br>
      ${words[p.status]}`.toString();
  const marker = (p: MapPoint) =>
    L.marker(place(p), {
      icon: statusIcon(p.status, `${p.name}：${words[p.status]}`),
      title: `${p.name}：${words[p.status]}`,
      alt: p.name,
    }).bindPopup(popup(p));

  const bounds = L.latLngBounds(points.map(place));
  if (options.single || points.length === 1) {
    const [only] = points;
    if (only) {
      marker(only).addTo(map);
      map.setView(place(only), 16);
    }
    return map;
  }
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });

  const index = new Supercluster<MapPoint>({ radius: 48, maxZoom: 16 }).load(
    points.map((p) => {
      const [lat, lon] = place(p) as [number, number];
      return { type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [lon, lat] } };
    }),
  );
  const layer = L.layerGroup().addTo(map);
  // Markers are kept between redraws: re-creating them would close an open popup when the map pans to show it.
  const shown = new Map<string, L.Marker>();
  const redraw = () => {
    // A county's few hundred compounds are all kept on the map, so panning to an open popup never
    // removes the marker a keyboard user is on; only very large sets are limited to around the view.
    const b = map.getBounds().pad(0.5);
    const area: [number, number, number, number] =
      points.length <= SMALL_SET ? [-180, -85, 180, 85] : [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const zoom = map.getZoom();
    const wanted = new Map<string, () => L.Marker>();
    for (const feature of index.getClusters(area, zoom)) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as Partial<ClusterProperties> & Partial<MapPoint>;
      if (props.cluster && props.cluster_id !== undefined) {
        const id = props.cluster_id;
        const count = props.point_count ?? 0;
        const expand = () => map.setView([lat, lon], Math.min(index.getClusterExpansionZoom(id), 18));
        wanted.set(`cluster:${zoom}:${id}`, () =>
          L.marker([lat, lon], {
            icon: clusterIcon(count, words.cluster.replace('{count}', String(count))),
            keyboard: true,
          })
            .on('click', expand)
            // Leaflet opens popups on Enter but does not click: a cluster opens from the keyboard too.
            .on('keypress', (event) => {
              const key = (event as L.LeafletKeyboardEvent).originalEvent.key;
              if (key === 'Enter' || key === ' ') expand();
            }),
        );
      } else {
        wanted.set(`point:${props.slug}`, () => marker(props as MapPoint));
      }
    }
    for (const [key, existing] of shown) {
      if (!wanted.has(key)) {
        layer.removeLayer(existing);
        shown.delete(key);
      }
    }
    for (const [key, make] of wanted) {
      if (shown.has(key)) continue;
      const created = make().addTo(layer);
      shown.set(key, created);
    }
  };
  map.on('moveend', redraw);
  redraw();
  return map;
}
