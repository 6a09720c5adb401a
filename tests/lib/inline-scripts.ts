/**
 * A second, independent reading of a page's inline scripts, for the tests
 * only: the build finds them by scanning bytes (src/site/integrations/page-registry.ts),
 * and the tests check its hashes against this plain regular-expression reading.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;
/** Script types a browser runs; data blocks (JSON-LD and the like) need no hash. */
const EXECUTABLE = /^(?:|text\/javascript|module|application\/javascript)$/i;

/** The script bodies of one page that run inline (no src attribute). */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (EXECUTABLE.test(type)) bodies.push(body);
  }
  return bodies;
}

/** A CSP source expression for a script body: 'sha256-…'. */
export const scriptHash = (body: string): string =>
  `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
