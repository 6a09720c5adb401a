/**
 * Every file made straight from the validated data (docs/architecture.md):
 * the open data and the search's name directory. The build writes them in
 * one pass; `astro dev` serves them from here.
 */
import { nameDirectoryFiles } from './name-directory.ts';
import { type OpenDataFile, type OpenDataSource, openDataFiles } from './open-data.ts';

export function* dataFiles(source: OpenDataSource): Generator<OpenDataFile> {
  yield* openDataFiles(source);
  yield* nameDirectoryFiles(source);
}
