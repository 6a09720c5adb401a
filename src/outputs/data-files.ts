/**
 * Every file made straight from the validated data (docs/architecture.md):
 * the open data, the search's name directory and its documents. The build writes them in
 * one pass; `astro dev` serves them from here.
 */
import { nameDirectoryFiles } from './name-directory.ts';
import { type OpenDataFile, type OpenDataSource, openDataFiles } from './open-data.ts';
import { searchDocumentFiles } from './search-document.ts';

export function* dataFiles(source: OpenDataSource): Generator<OpenDataFile> {
  yield* openDataFiles(source);
  yield* nameDirectoryFiles(source);
  yield* searchDocumentFiles(source);
}
