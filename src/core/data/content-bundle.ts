/**
 * The validated content of one build, shared by the Astro loader (which runs
 * at content sync and stops the build on the first problem list) and the
 * pages (which render from it).
 *
 * Why not Astro's data store: it serialises every record to
 * `.astro/data-store.json` and back into the page bundle. With 10,000
 * compounds of five years of quarterly accounts that is most of a minute and
 * several gigabytes, for data that is already validated and in memory. The
 * loader and the prerendered pages run in the same Node process but are
 * different module instances (Vite loads content.config.ts, Node imports the
 * built pages), so the one pass is kept on `globalThis`. A process that did
 * not run the loader validates again on first use: slower, never different.
 */

import { memoize } from '../lib/memo.ts';
import { type LoadResult, loadContent } from './load-content.ts';
import { defaultLoadOptions } from './options.ts';
import { ContentValidationError } from './problems.ts';
import type { ContentBundle } from './records.ts';

interface Shared {
  pending?: Promise<LoadResult> | undefined;
  /** Counts validation passes in this process: `astro dev` reloads pages when it changes. */
  generation: number;
  /** What sharedPerValidationPass made, by name, with the bundle it was made from. */
  made?: Map<string, { bundle: ContentBundle; value: unknown }>;
}

const key = Symbol.for('gongshi.content-bundle');
const holder = globalThis as Record<symbol, Shared | undefined>;
const shared: Shared = holder[key] ?? { generation: 0 };
holder[key] = shared;

/** The result of validating the content folder: the bundle, or every problem found. Validates at most once per change. */
export function validatedContent(): Promise<LoadResult> {
  if (!shared.pending) {
    shared.generation += 1;
    shared.pending = loadContent(defaultLoadOptions());
  }
  return shared.pending;
}

/** Which validation pass `validatedContent()` last started: 1 in a build, more after edits in `astro dev`. */
export function contentGeneration(): number {
  return shared.generation;
}

/**
 * Hands this thread a pass made in another: the worker thread that writes
 * the open data and printed sheets (src/site/integrations/site-files-worker.ts)
 * gets the build's validated content instead of validating the whole folder again.
 */
export function provideValidatedContent(result: LoadResult): void {
  shared.generation += 1;
  shared.pending = Promise.resolve(result);
}

/** Forgets the last pass, after a file in the content folder changed (`astro dev`). */
export function invalidateContent(): void {
  shared.pending = undefined;
}

/** The validated bundle; throws ContentValidationError, listing every problem, if there is none. */
export async function contentBundle(): Promise<ContentBundle> {
  const { bundle, problems } = await validatedContent();
  if (!bundle) throw new ContentValidationError(problems);
  return bundle;
}

/**
 * perValidationPass for what the integrations and the built pages both need
 * (the compound pages' keys): made once in the process, by whichever asks
 * first, and kept on `globalThis` beside the pass itself.
 */
export function sharedPerValidationPass<T>(
  name: string,
  make: (bundle: ContentBundle) => T | Promise<T>,
): () => Promise<T> {
  return async () => {
    const bundle = await contentBundle();
    shared.made ??= new Map();
    let entry = shared.made.get(name);
    if (entry?.bundle !== bundle) {
      entry = { bundle, value: make(bundle) };
      shared.made.set(name, entry);
    }
    return (await entry.value) as T;
  };
}

/**
 * Wraps `make` so that it runs once per validation pass: what every page asks
 * for (sorted lists, the open-data source, the history) is made once, not
 * 10,000 times, and made again after an edit in `astro dev`.
 */
export function perValidationPass<T>(make: (bundle: ContentBundle) => T | Promise<T>): () => Promise<T> {
  const made = memoize(make);
  return async () => made(await contentBundle());
}
