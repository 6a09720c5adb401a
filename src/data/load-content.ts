/**
 * Reads every file of the content folder from disk and validates them all in
 * one pass with validateContent. The Astro loaders and the command-line
 * validator both call this, so they can never disagree.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type LoadResult, type SourceFile, validateContent } from './validate-content.ts';

export type { LoadResult } from './validate-content.ts';

export interface LoadOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path file names in messages are relative to. */
  projectRoot: string;
  /** The build's today, YYYY-MM-DD. */
  today: string;
}

/** Every file below `dir`, hidden ones included: nothing in content/ may go unseen. */
async function readTree(dir: string, base = ''): Promise<SourceFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(dir, base), { withFileTypes: true });
  } catch {
    return [];
  }
  // An empty folder still means something (a compound without its compound.yaml).
  if (entries.length === 0 && base) return [{ path: `${base}/`, bytes: new Uint8Array() }];
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await readTree(dir, relative)));
    else files.push({ path: relative, bytes: await readFile(path.join(dir, relative)) });
  }
  return files;
}

export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const shownDir = path.relative(options.projectRoot, options.contentDir).split(path.sep).join('/');
  return validateContent(await readTree(options.contentDir), {
    today: options.today,
    displayPrefix: shownDir ? `${shownDir}/` : '',
    mode: 'tree',
  });
}
