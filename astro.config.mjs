// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { mapBundle } from './src/integrations/map-bundle.ts';
import { renderPages } from './src/integrations/render-pages.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { siteFiles } from './src/integrations/site-files.ts';
import { sitemap } from './src/integrations/sitemap.ts';

export default defineConfig({
  // Overridden per deployment; pages print the canonical address from content/site.yaml.
  site: process.env.GONGSHI_SITE_URL ?? 'https://gongshi.example.cn',
  trailingSlash: 'always',
  // Tests build into their own folder so that they never clobber dist/.
  outDir: process.env.GONGSHI_OUT_DIR ?? './dist',
  // Every stylesheet is inlined: a compound page then renders in one round trip.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  // securityHeaders last: it hashes the inline scripts of the finished pages. The site files (open
  // data, printed pages) are done before the search index is awaited, while Pagefind finishes in its own process.
  integrations: [mdx(), renderPages(), siteFiles(), searchIndex(), mapBundle(), sitemap(), securityHeaders()],
  // Pages are small and must render without JavaScript; nothing is prefetched.
  prefetch: false,
  devToolbar: { enabled: false },
});
