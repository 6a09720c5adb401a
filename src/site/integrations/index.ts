/**
 * The site's one Astro integration. Its parts each keep to one job, and run
 * at every hook in this order, each awaited before the next:
 *
 * 1. render-pages   astro:build:start    wraps Astro's prerenderer: each page is finished as it is written,
 *                                        once the site-files worker's findings are in use;
 *                   astro:build:done     counts the pages Astro reused from the previous build
 * 2. search-index   astro:build:setup    makes the search documents, or reads back those the previous build
 *                                        wrote and the site-files worker is about to write again, and
 *                                        indexes them in Pagefind (a process per part) while the pages render;
 *                   astro:build:done     waits for the index
 * 3. site-files     astro:config:setup   starts the worker that writes the open data and the printed sheets;
 *                   astro:build:start    sends it the content: it posts every compound's findings back;
 *                   astro:build:setup    tells it what the previous build left, once the output folder is ready;
 *                   astro:build:generated  prints what the worker has not, and collects its pages' entries
 * 4. map-bundle     astro:build:done     bundles the map's script and styles
 * 5. sitemap        astro:build:done     writes the sitemap from every page finished, site files included
 * 6. security-headers  astro:build:start  empties the page registry; build:done writes _headers,
 *                   when every page, and so every inline script, is known
 * 7. previous-output   astro:build:start  keeps the previous build's output, or empties the folder;
 *                   astro:build:done   removes what this build neither wrote nor kept, records the output
 *
 * A part's messages are labelled with its name (logger.fork).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mapBundle } from './map-bundle.ts';
import { previousOutput } from './previous-output.ts';
import { renderPages } from './render-pages.ts';
import { searchIndex } from './search-index.ts';
import { securityHeaders } from './security-headers.ts';
import { siteFiles } from './site-files.ts';
import { sitemap } from './sitemap.ts';

type Hooks = AstroIntegration['hooks'];
type AnyHook = (options: { logger?: AstroIntegrationLogger }) => unknown;

export function gongshi(): AstroIntegration {
  const parts = [
    renderPages(),
    searchIndex(),
    siteFiles(),
    mapBundle(),
    sitemap(),
    securityHeaders(),
    previousOutput(),
  ];
  const names = [...new Set(parts.flatMap((part) => Object.keys(part.hooks)))] as (keyof Hooks)[];
  const hooks: Record<string, AnyHook> = {};
  for (const name of names) {
    hooks[name] = async (options) => {
      for (const part of parts) {
        const hook = part.hooks[name] as AnyHook | undefined;
        if (hook) await hook(options.logger ? { ...options, logger: options.logger.fork(part.name) } : options);
      }
    };
  }
  return { name: 'gongshi', hooks: hooks as Hooks };
}
