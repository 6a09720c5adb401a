/**
 * A worker thread of render-pages.ts: renders, with the very prerender
 * bundle Astro built, the pages this thread is handed, finishes them
 * (page-registry.ts) and posts them back for Astro to write. Plain Node runs
 * this file (type stripping), not Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { provideValidatedContent } from '../data/content-bundle.ts';
import { finishPage, registryShare } from './page-registry.ts';
import { bodyBytes, placeOf, type WorkerPage, type WorkerSetup } from './render-pages.ts';

interface BuildApp {
  manifest: { routes: { routeData: { route: string; component: string } }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

const setup = workerData as WorkerSetup;
// Before the bundle is loaded: its pages read the content as soon as they are asked for paths.
provideValidatedContent(setup.content);
const { app } = (await import(setup.entry)) as { app: BuildApp };
// What Astro's own prerenderer gives its app: the stylesheets of each route and the scripts of every page.
app.setInternals({ pagesByKeys: new Map(setup.styles) });
app.setOptions({
  settings: { scripts: setup.scripts },
  logger: {
    options: { destination: { write: (event: { message: string }) => console.error(event.message) }, level: 'warn' },
  },
});
const routes = new Map(
  app.manifest.routes.map(({ routeData }) => [`${routeData.route} ${routeData.component}`, routeData]),
);

async function render(id: number, url: string, route: string, component: string): Promise<WorkerPage> {
  const routeData = routes.get(`${route} ${component}`);
  if (!routeData) throw new Error(`no route ${route} (${component}) in the prerender bundle`);
  const request = new Request(url);
  const response = await app.render(request, { routeData });
  const page: WorkerPage = {
    id,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
  };
  if (!response.body) return page;
  const bytes = await bodyBytes(response.body);
  page.body = ownBuffer(
    response.headers.get('content-type')?.startsWith('text/html')
      ? finishPage(bytes, placeOf(request, routeData))
      : [bytes],
  );
  return page;
}

/** The pieces in one buffer of their own, which can be handed to the main thread without a copy. */
function ownBuffer(pieces: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.byteLength;
  }
  return whole;
}

parentPort?.on(
  'message',
  async (message: { id: number; url: string; route: string; component: string } | { finish: true }) => {
    if ('finish' in message) {
      parentPort?.postMessage({ registry: registryShare() });
      return;
    }
    let page: WorkerPage;
    try {
      page = await render(message.id, message.url, message.route, message.component);
    } catch (error) {
      page = {
        id: message.id,
        status: 500,
        statusText: '',
        headers: [],
        error: (error as Error).stack ?? String(error),
      };
    }
    // The page's bytes move to the main thread rather than being copied (ownBuffer made them a plain ArrayBuffer).
    parentPort?.postMessage(page, page.body ? [page.body.buffer as ArrayBuffer] : []);
  },
);
