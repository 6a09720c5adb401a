/**
 * Finishes every HTML page of `astro build` as Astro writes it (see
 * page-registry.ts): the page's CSP meta, safe outbound links, its entry in
 * the sitemap. Done in a prerenderer wrapped around Astro's own (the
 * `setPrerenderer` hook of astro:build:start) rather than in a middleware:
 * a middleware gets the page as a Response and must decode it and make a new
 * one, which Astro then encodes again; here the finished bytes are what
 * Astro writes. `astro dev` renders pages as they are, without a policy that
 * would block Vite's own client scripts.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { finishPage } from './page-registry.ts';

type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** The bytes of a response body as they are, without the copy `arrayBuffer()` makes. */
async function bodyBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A rendered page with its HTML finished; anything else (feeds, robots.txt, redirects) as it was. */
async function finished(rendered: Rendered, where: { path: string; listed: boolean }): Promise<Rendered> {
  const response = rendered instanceof Response ? rendered : rendered.response;
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return rendered;
  const pieces = finishPage(await bodyBytes(response.body), where);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  // A stream of the pieces: Astro reads it into the one buffer it writes, and no other copy is made.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const page = new Response(body, { status: response.status, statusText: response.statusText, headers });
  return rendered instanceof Response ? page : { ...rendered, response: page };
}

export function finishPages(): AstroIntegration {
  return {
    name: 'gongshi-finish-pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => ({
          name: 'gongshi:finish-pages',
          // Called on Astro's prerenderer itself, which keeps its state on `this`.
          setup: async () => astro.setup?.(),
          getStaticPaths: () => astro.getStaticPaths(),
          teardown: async () => astro.teardown?.(),
          render: async (request, options) =>
            finished(await astro.render(request, options), {
              path: new URL(request.url).pathname,
              // The error page is served for unknown addresses, not visited: it is not in the sitemap.
              listed: options.routeData.route !== '/404',
            }),
        }));
      },
    },
  };
}
