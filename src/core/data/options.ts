/**
 * Where the content comes from and what day it is, for the build and the
 * validator alike. GONGSHI_CONTENT_DIR points the build at another data set
 * (a test fixture, a synthetic county) without touching `content/`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildDate } from './build-date.ts';
import type { LoadOptions } from './load-content.ts';

export function defaultLoadOptions(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const projectRoot = process.cwd();
  const contentDir = path.resolve(projectRoot, env.GONGSHI_CONTENT_DIR ?? 'content');
  return { projectRoot, contentDir, today: buildDate(env).date, cacheDir: cacheRoot(contentDir, env) };
}

/**
 * Where a build keeps what it can reuse next time (the validation results, Astro's
 * incremental build): GONGSHI_CACHE_DIR, which CI can restore between runs, or one
 * folder per content folder under node_modules/.cache/gongshi/, so that building
 * another data set (tests, the bench) never meets entries of another.
 */
export function cacheRoot(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GONGSHI_CACHE_DIR) return path.resolve(env.GONGSHI_CACHE_DIR);
  const id = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  return path.resolve('node_modules', '.cache', 'gongshi', id);
}
