/**
 * `node scripts/serve.ts <dir> <port>`: serves a built site on 127.0.0.1 the
 * way a plain static web server would (directory index, 404.html, content
 * types). The end-to-end tests use it rather than `astro preview`, which
 * allows only one preview per project at a time.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const [root = 'dist', port = '4321'] = process.argv.slice(2);
const base = path.resolve(root);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

async function resolve(urlPath: string): Promise<string | undefined> {
  const file = path.join(base, decodeURIComponent(urlPath));
  if (!file.startsWith(base)) return undefined;
  for (const candidate of [file, path.join(file, 'index.html')]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const file = await resolve(url.pathname);
  const status = file ? 200 : 404;
  const body = file ?? path.join(base, '404.html');
  const type = TYPES[path.extname(body)] ?? 'application/octet-stream';
  // Text is gzipped as every static host does, so that the bench weighs what a phone would fetch; Pagefind's
  // own files are compressed already, and are sent as they are.
  const gzip = /text|json|xml|javascript|svg/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
  response.writeHead(status, {
    'Content-Type': type,
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  const stream = createReadStream(body).on('error', () => response.end());
  (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
