/**
 * Bundles the map (Leaflet, clustering, our drawing code and Leaflet's CSS)
 * into /_map/map.js and /_map/map.css with stable names, after the site is
 * built. Pages then load it from a few lines of inline script only when a
 * map scrolls into view, so a compound page makes no script request at all
 * until its map is about to be seen.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { OLDER_BROWSERS } from '../../core/lib/browsers.ts';
import { siteBase, sitePath } from '../../core/lib/site-path.ts';
import { mapSettings } from '../scripts/map-settings.ts';

/** Where the bundle is served from; `astro dev` serves the source instead. */
export const mapBundleAddresses = () => ({ script: sitePath('/_map/map.js'), style: sitePath('/_map/map.css') });

export function mapBundle(): AstroIntegration {
  return {
    name: 'gongshi-map-bundle',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(new URL('../../..', import.meta.url));
        await build({
          root,
          configFile: false,
          logLevel: 'warn',
          publicDir: false,
          // The popups link to compound pages under the site's base, as every other link does.
          base: siteBase(),
          // The base map and the words every map shares: in the bundle once, not in every page.
          define: { __GONGSHI_MAP__: JSON.stringify(mapSettings(process.env)) },
          build: {
            outDir: path.join(fileURLToPath(dir), '_map'),
            emptyOutDir: true,
            target: OLDER_BROWSERS,
            minify: true,
            lib: {
              entry: path.join(root, 'src/site/scripts/map.ts'),
              formats: ['es'],
              fileName: () => 'map.js',
              cssFileName: 'map',
            },
          },
        });
        logger.info(`map bundled into ${mapBundleAddresses().script}`);
      },
    },
  };
}
