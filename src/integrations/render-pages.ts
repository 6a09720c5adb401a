/**
 * Renders the pages of `astro build`, on more than one core where there are
 * enough of them (workerCount), and finishes each page
 * as it is written (page-registry.ts: its CSP meta, safe outbound links, its
 * entry in the sitemap).
 *
 * Astro renders one page at a time on one thread; at 10,000 compounds that
 * is 31,000 pages and most of the build. This wraps Astro's own prerenderer
 * (the `setPrerenderer` hook of astro:build:start): worker threads load the
 * same prerender bundle (page-worker.ts), get a copy of the validated content
 * and render whatever page they are handed; this thread renders a page itself
 * whenever every worker has enough queued. Astro still plans the paths and
 * writes every file, and a page is the same byte for byte wherever it was
 * rendered (tests/e2e/reproducible.spec.ts builds both ways and compares).
 *
 * Two things a worker needs are not part of Astro's public API, and it is
 * given them: the file name of the prerender bundle (found by a Vite plugin
 * in the build) and the stylesheets Astro inlines into each route (the
 * `pages` of astro:build:setup, the object Astro fills in). Should either be
 * missing (a new Astro), the pages are all rendered on this thread, as before.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import type { Plugin } from 'vite';
import { validatedContent } from '../data/content-bundle.ts';
import { addRegistryShare, finishPage, type RegistryShare } from './page-registry.ts';

type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** Where a page is in the site, and whether the sitemap lists it. */
interface PagePlace {
  path: string;
  listed: boolean;
}

/** A page rendered and finished by a worker. */
export interface WorkerPage {
  id: number;
  status: number;
  statusText: string;
  headers: [string, string][];
  /** The finished page, or undefined for a response without a body. */
  body?: Uint8Array | undefined;
  /** Set when the page could not be rendered: the build stops with it. */
  error?: string | undefined;
}

/** What a worker starts with. */
export interface WorkerSetup {
  /** The prerender bundle Astro built, as a file URL. */
  entry: string;
  /** The stylesheets of each route, by Astro's page key. */
  styles: [string, { styles: unknown }][];
  /** Scripts Astro adds to every page (integrations' injectScript). */
  scripts: unknown[];
  content: Awaited<ReturnType<typeof validatedContent>>;
}

/** The error page is served for unknown addresses, not visited: it is not in the sitemap. */
export const placeOf = (request: Request, route: { route: string }): PagePlace => ({
  path: new URL(request.url).pathname,
  listed: route.route !== '/404',
});

/** A response whose body is these bytes, read by Astro without another copy. */
export function responseOf(pieces: Uint8Array[], init: ResponseInit & { headers: Headers }): Response {
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
export async function bodyBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A rendered page with its HTML finished on this thread; anything else (feeds, robots.txt) as it was. */
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

/**
 * Workers to start: one per core but two, once there are enough compounds
 * to pay for a worker's start (the copy of the content, loading the bundle:
 * about two seconds at 10,000 compounds). Two cores stay with this thread and
 * with what runs beside the pages (the open data, Pagefind): on a 2-core
 * machine a worker only took time from them (docs/performance.md).
 * GONGSHI_RENDER_THREADS sets the number, for the tests.
 */
export function workerCount(compounds: number, env = process.env, cores = availableParallelism()): number {
  const asked = env.GONGSHI_RENDER_THREADS;
  if (asked !== undefined && asked !== '') return Math.max(0, Number.parseInt(asked, 10) || 0);
  return compounds >= 2000 ? Math.max(0, cores - 2) : 0;
}

/** Pages a worker may have waiting: enough that it never idles while this thread is busy rendering one. */
const QUEUE_PER_WORKER = 6;

class PageWorker {
  readonly worker: Worker;
  queued = 0;
  readonly #waiting = new Map<number, (page: WorkerPage) => void>();
  #registry: ((registry: RegistryShare) => void) | undefined;
  #failure: Error | undefined;

  constructor(setup: WorkerSetup) {
    this.worker = new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: setup });
    this.worker.on('message', (message: WorkerPage | { registry: RegistryShare }) => {
      if ('registry' in message) {
        this.#registry?.(message.registry);
        return;
      }
      const done = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      this.queued -= 1;
      done?.(message);
    });
    this.worker.on('error', (error) => this.#fail(error));
    this.worker.on('exit', (code) => this.#fail(new Error(`a page worker stopped (exit code ${code})`)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const done of this.#waiting.values())
      done({ id: -1, status: 500, statusText: '', headers: [], error: error.message });
    this.#waiting.clear();
  }

  render(id: number, request: Request, route: { route: string; component: string }): Promise<WorkerPage> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.queued += 1;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.worker.postMessage({ id, url: request.url, route: route.route, component: route.component });
    });
  }

  /** Asks for the worker's share of the registry, then stops it. */
  async finish(): Promise<RegistryShare> {
    const registry = new Promise<RegistryShare>((resolve) => {
      this.#registry = resolve;
    });
    this.worker.postMessage({ finish: true });
    const result = await registry;
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    return result;
  }
}

function pagePool(
  astro: AstroPrerenderer,
  found: { entry: string | undefined; pages: Map<string, { styles: unknown }> | undefined },
  logger: AstroIntegrationLogger,
): AstroPrerenderer {
  const workers: PageWorker[] = [];
  let next = 0;
  let started = 0;
  const rendered = { here: 0, workers: 0 };
  return {
    name: 'gongshi:render-pages',
    async setup() {
      await astro.setup?.();
      const content = await validatedContent();
      const count = workerCount(content.bundle?.compounds.length ?? 0);
      if (count === 0) return;
      // Astro's own prerenderer keeps the app it rendered with; the workers need the scripts it adds to every page.
      const app = (astro as { app?: { getSettings?: () => { scripts?: unknown[] } } }).app;
      const scripts = app?.getSettings?.().scripts;
      if (!found.entry || !found.pages || !scripts) {
        logger.warn('Astro did not show where its prerender bundle is: every page is rendered on this thread.');
        return;
      }
      started = performance.now();
      const setup: WorkerSetup = {
        entry: found.entry,
        styles: [...found.pages].map(([key, page]) => [key, { styles: page.styles }]),
        scripts,
        content,
      };
      for (let i = 0; i < count; i++) workers.push(new PageWorker(setup));
    },
    getStaticPaths: () => astro.getStaticPaths(),
    async render(request, options) {
      const where = placeOf(request, options.routeData);
      const free = workers.find((w) => w.queued < QUEUE_PER_WORKER);
      if (!free || options.collectMetadata) {
        rendered.here += 1;
        return finished(await astro.render(request, options), where);
      }
      rendered.workers += 1;
      const page = await free.render(next++, request, options.routeData);
      if (page.error !== undefined) throw new Error(`${where.path}: ${page.error}`);
      const init = { status: page.status, statusText: page.statusText, headers: new Headers(page.headers) };
      return page.body ? responseOf([page.body], init) : new Response(null, init);
    },
    async teardown() {
      for (const share of await Promise.all(workers.map((w) => w.finish()))) addRegistryShare(share);
      if (workers.length > 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${rendered.here} pages rendered on the main thread, ${rendered.workers} by ${workers.length} worker thread(s), in ${seconds} s`,
        );
      }
      await astro.teardown?.();
    },
  };
}

/** Notes the file name of the prerender bundle when Vite writes it. */
function prerenderEntry(found: (file: string) => void): Plugin {
  return {
    name: 'gongshi:prerender-entry',
    writeBundle(options, bundle) {
      if (this.environment?.name !== 'prerender') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName.startsWith('prerender-entry')) {
          found(path.join(options.dir ?? '', chunk.fileName));
        }
      }
    },
  };
}

export function renderPages(): AstroIntegration {
  const found: { entry: string | undefined; pages: Map<string, { styles: unknown }> | undefined } = {
    entry: undefined,
    pages: undefined,
  };
  return {
    name: 'gongshi-render-pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro) => pagePool(astro, found, logger));
      },
      'astro:build:setup': ({ pages, updateConfig }) => {
        found.pages = pages as unknown as Map<string, { styles: unknown }>;
        updateConfig({
          plugins: [
            prerenderEntry((file) => {
              found.entry = pathToFileURL(file).href;
            }),
          ],
        });
      },
    },
  };
}
