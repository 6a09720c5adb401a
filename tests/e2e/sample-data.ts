/**
 * The bundled sample data, read with the same loader as the build, so that
 * tests can check the pages against the data rather than against numbers
 * copied into the tests.
 */
import path from 'node:path';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { ContentBundle } from '../../src/core/data/records.ts';
import { TEST_DATE } from './test-env.ts';

let cached: Promise<ContentBundle> | undefined;

export function sampleBundle(): Promise<ContentBundle> {
  cached ??= loadContent({
    projectRoot: process.cwd(),
    contentDir: path.resolve('content'),
    today: TEST_DATE,
  }).then(({ bundle, problems }) => {
    if (!bundle) throw new Error(`sample data does not validate: ${problems.length} problems`);
    return bundle;
  });
  return cached;
}
