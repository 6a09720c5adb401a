// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { mapBundle } from './src/site/integrations/map-bundle.ts';
import { renderPages } from './src/site/integrations/render-pages.ts';
import { searchIndex } from './src/site/integrations/search-index.ts';
import { securityHeaders } from './src/site/integrations/security-headers.ts';
import { siteFiles } from './src/site/integrations/site-files.ts';
import { sitemap } from './src/site/integrations/sitemap.ts';

export default defineConfig({
  // src/ reads core → outputs → site: the Astro site (pages, components, layouts, styles) is src/site/.
  srcDir: './src/site',
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
