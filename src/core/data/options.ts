/**
 * Where the content comes from and what day it is, for the build and the
 * validator alike. GONGSHI_CONTENT_DIR points the build at another data set
 * (a test fixture, a synthetic county) without touching `content/`.
 */
import path from 'node:path';
import { buildDate } from './build-date.ts';
import type { LoadOptions } from './load-content.ts';

export function defaultLoadOptions(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const projectRoot = process.cwd();
  return {
    projectRoot,
    contentDir: path.resolve(projectRoot, env.GONGSHI_CONTENT_DIR ?? 'content'),
    today: buildDate(env).date,
  };
}
