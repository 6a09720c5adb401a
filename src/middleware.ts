/**
 * Finishes every HTML page of a build as it is rendered: see
 * src/integrations/page-registry.ts. `astro dev` is left alone, where a
 * policy would block Vite's own client scripts.
 */
import { defineMiddleware } from 'astro:middleware';
import { finishPage } from './integrations/page-registry.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = finishPage(await response.text(), {
    path: context.url.pathname,
    // The error page is served for unknown addresses, not visited: it is not in the sitemap.
    listed: context.routePattern !== '/404',
  });
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
