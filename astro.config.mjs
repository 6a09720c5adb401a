// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { gongshi } from './src/site/integrations/index.ts';

export default defineConfig({
  // src/ reads core → outputs → site: the Astro site (pages, components, layouts, styles) is src/site/.
  srcDir: './src/site',
  // Overridden per deployment; pages print the canonical address from content/site.yaml.
  site: process.env.GONGSHI_SITE_URL ?? 'https://gongshi.example.cn',
  trailingSlash: 'always',
  // Tests build into their own folder so that they never clobber dist/.
  outDir: process.env.GONGSHI_OUT_DIR ?? './dist',
  // The content layer's cache remembers the files of the data set it last read: one cache per content folder,
  // so that building another data set (tests, the bench) never meets entries of a folder that is gone.
  cacheDir: `./node_modules/.astro/${createHash('sha256')
    .update(path.resolve(process.env.GONGSHI_CONTENT_DIR ?? 'content'))
    .digest('hex')
    .slice(0, 12)}`,
  // Every stylesheet is inlined: a compound page then renders in one round trip.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  // One integration of the site's own; src/site/integrations/index.ts documents the order of its parts.
  integrations: [mdx(), gongshi()],
  // Pages are small and must render without JavaScript; nothing is prefetched.
  prefetch: false,
  // The phones older residents carry: Chromium 87 in older WeChat builds, iOS 14 Safari. Syntax is lowered
  // to them here; the few newer APIs the checker and the editor use get fallbacks (src/site/scripts/legacy.ts).
  vite: { build: { target: ['chrome87', 'safari14', 'firefox78', 'edge88'] } },
  devToolbar: { enabled: false },
});
