/**
 * Finishes each page of `astro build` as it is rendered (page-registry.ts:
 * its CSP meta, safe outbound links, its entry in the sitemap), by wrapping
 * Astro's own prerenderer through the public `setPrerenderer` hook of
 * astro:build:start. Astro plans the paths, renders and writes every file;
 * this only sees the bytes of each HTML page on their way out, so nothing
 * reads 30,000 pages back from disk at the end of a large build.
 *
 * Astro's incremental build (astro.config.mjs) does not render a page whose
 * data and code are unchanged: it leaves the earlier, finished bytes in place or
 * copies them back (previous-output.ts). What the sitemap and _headers need of
 * such a page is taken from the previous build's entries (previous-output.ts).
 *
 * Rendering on worker threads was tried here (it had to reach into Astro's
 * internals to give a worker the prerender bundle) and was slower on the two
 * cores a county's build runs on (docs/performance.md); it is gone.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { programDigest } from '../../core/data/validation-cache.ts';
import { evaluationsArrived } from '../../core/model/compliance.ts';
import { setPageFinishingCode } from '../page-keys.ts';
import { addPageEntry, finishPage, pageRegistry } from './page-registry.ts';
import { previousPageEntry } from './previous-output.ts';

type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** Where a page is in the site, and whether the sitemap lists it. */
interface PagePlace {
  path: string;
  listed: boolean;
}

/** The error page is served for unknown addresses, not visited: it is not in the sitemap. */
const placeOf = (request: Request, route: { route: string }): PagePlace => ({
  path: new URL(request.url).pathname,
  listed: route.route !== '/404',
});

/** A response whose body is these bytes, read by Astro without another copy. */
function responseOf(pieces: Uint8Array[], init: ResponseInit & { headers: Headers }): Response {
  init.headers.delete('content-length');
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Response(body, init);
}

/** The bytes of a response body as they are, without the copy `arrayBuffer()` makes. */
async function bodyBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A rendered page with its HTML finished; anything else (feeds, robots.txt) as it was. */
async function finished(rendered: Rendered, where: PagePlace): Promise<Rendered> {
  const response = rendered instanceof Response ? rendered : rendered.response;
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return rendered;
  const pieces = finishPage(await bodyBytes(response.body), where);
  const page = responseOf(pieces, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
  return rendered instanceof Response ? page : { ...rendered, response: page };
}

/** The entries of the pages Astro reused instead of rendering, from the build that rendered them. */
function reusedPages(pages: readonly { pathname: string }[]): number {
  const registry = pageRegistry();
  let reused = 0;
  for (const { pathname } of pages) {
    const page = `/${pathname}`.replace(/^\/+/, '/');
    if (registry.byPath.has(page)) continue;
    const entry = previousPageEntry(page);
    if (!entry) {
      throw new Error(
        `${page} was neither rendered nor recorded by an earlier build: delete the build cache and build again`,
      );
    }
    addPageEntry(page, entry);
    reused += 1;
  }
  return reused;
}

export function renderPages(): AstroIntegration {
  return {
    name: 'gongshi-render-pages',
    hooks: {
      // Before any page's key is made: what finishes the pages is part of each key (page-keys.ts).
      'astro:config:done': ({ config }) => {
        const root = fileURLToPath(config.root);
        setPageFinishingCode(programDigest(root, ['src/site/integrations', 'src/core/lib']));
      },
      'astro:build:done': ({ pages, logger }) => {
        const reused = reusedPages(pages);
        if (reused > 0) logger.info(`${reused} pages reused from the previous build (unchanged data and code)`);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => ({
          name: 'gongshi:finish-pages',
          // Before the first page: the findings the site-files worker evaluated are in use, so that
          // the pages do not evaluate every compound again while they wait (compliance.ts).
          setup: async () => {
            await evaluationsArrived();
            await astro.setup?.();
          },
          getStaticPaths: () => astro.getStaticPaths(),
          render: async (request, options) =>
            finished(await astro.render(request, options), placeOf(request, options.routeData)),
          teardown: async () => astro.teardown?.(),
        }));
      },
    },
  };
}
