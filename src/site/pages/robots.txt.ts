/** Everything may be crawled; the sitemap lists every page under its canonical address. */
import type { APIRoute } from 'astro';
import { getSite } from '../../core/model/content.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const sitemap = new URL('sitemap.xml', site.base_url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
