/**
 * `astro build` of a content folder, as the specs that build a site of their own run it: in the tests'
 * environment (test-env.ts), into its own output folder, with its own cache, so that a throw-away tree
 * leaves no trace in node_modules.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { TEST_ENV } from './test-env.ts';

export function buildSite(
  content: string,
  out: string,
  cache: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ...TEST_ENV,
      GONGSHI_CONTENT_DIR: content,
      GONGSHI_OUT_DIR: out,
      GONGSHI_CACHE_DIR: cache,
      ...env,
    },
  });
}
