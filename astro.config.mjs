// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { load } from 'js-yaml';
import { cacheRoot } from './src/core/data/options.ts';
import { OLDER_BROWSERS } from './src/core/lib/browsers.ts';
import { gongshi } from './src/site/integrations/index.ts';

const contentDir = path.resolve(process.env.GONGSHI_CONTENT_DIR ?? 'content');

/**
 * The path the site is served under: that of base_url in content/site.yaml, `/` for a county on its
 * own host, `/<county>/` on a province portal (docs/deployment.md). An unreadable site.yaml gives `/`:
 * the validation then says what is wrong with it. The worker threads and src/core/lib/site-path.ts
 * read it as GONGSHI_BASE.
 */
function basePath() {
  try {
    const site = /** @type {{ base_url?: unknown }} */ (load(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')));
    return typeof site?.base_url === 'string' ? new URL(site.base_url).pathname : '/';
  } catch {
    return '/';
  }
}
const base = basePath();
process.env.GONGSHI_BASE = base;

export default defineConfig({
  // src/ reads core → outputs → site: the Astro site (pages, components, layouts, styles) is src/site/.
  srcDir: './src/site',
  // Overridden per deployment; pages print the canonical address from content/site.yaml.
  site: process.env.GONGSHI_SITE_URL ?? 'https://gongshi.example.cn',
  base,
  trailingSlash: 'always',
  // Tests build into their own folder so that they never clobber dist/.
  outDir: process.env.GONGSHI_OUT_DIR ?? './dist',
  // Astro's caches (the content layer, the incremental build) under the project's one cache folder for this
  // content folder (src/core/data/options.ts): building another data set never meets entries of another.
  cacheDir: path.join(cacheRoot(contentDir), 'astro'),
  // Every stylesheet is inlined: a compound page then renders in one round trip.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  // One integration of the site's own; src/site/integrations/index.ts documents the order of its parts.
  integrations: [mdx(), gongshi()],
  // Pages are small and must render without JavaScript; nothing is prefetched.
  prefetch: false,
  // Syntax and styles are lowered to the phones older residents carry (src/core/lib/browsers.ts).
  // Not emptied before a build: src/site/integrations/previous-output.ts builds over the previous output
  // when it is the last build's, whole, and empties the folder itself otherwise.
  vite: { build: { target: OLDER_BROWSERS, emptyOutDir: false } },
  devToolbar: { enabled: false },
  // A compound page whose data (its cacheKey, src/site/page-keys.ts) and code are unchanged is copied
  // from the previous build instead of rendered: after a change to one compound, one page is rendered.
  experimental: { incrementalBuild: true },
});
