/**
 * The Astro content-layer loader over the one validation pass of
 * content-bundle.ts. If any file in content/ has an error, content sync throws
 * ContentValidationError, whose message lists every problem, and the build
 * stops before a page is rendered. Astro's own file() loader would log and
 * skip a bad entry instead; nothing is skipped here.
 *
 * The store keeps only a summary: pages read the validated records from
 * content-bundle.ts, which explains why they are not copied into the store.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentGeneration, invalidateContent, validatedContent } from '../core/data/content-bundle.ts';
import { defaultLoadOptions } from '../core/data/options.ts';
import { ContentValidationError, formatProblem } from '../core/data/problems.ts';

async function sync(context: LoaderContext): Promise<void> {
  const { bundle, problems, cachedCompounds } = await validatedContent();
  for (const warning of problems.filter((p) => p.severity === 'warning')) context.logger.warn(formatProblem(warning));
  if (!bundle) throw new ContentValidationError(problems);
  if (cachedCompounds) {
    context.logger.info(`${cachedCompounds} compound folders unchanged since the last build: their validation reused`);
  }
  const data = { compounds: bundle.compounds.length, today: bundle.today };
  context.store.clear();
  // A new digest on every pass is what tells `astro dev` to reload the pages after an edit.
  context.store.set({ id: 'content', data, digest: String(contentGeneration()) });
}

export function gongshiLoader(): Loader {
  let watching = false;
  return {
    name: 'gongshi-content',
    async load(context) {
      await sync(context);
      if (watching || !context.watcher) return;
      watching = true;
      const { contentDir } = defaultLoadOptions();
      context.watcher.on('all', (_event, file) => {
        if (!file.startsWith(contentDir)) return;
        invalidateContent();
        // The dev server keeps running on bad data; the problem list shows in its log.
        sync(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/**
 * Astro's glob() loader follows symbolic links. The notices it reads are
 * listed first without following anything: if one is a link or a special
 * file, nothing is loaded, and the validation collection fails the build
 * with that file named (validate-content.ts).
 */
export function plainFilesOnly(loader: Loader, dir: string): Loader {
  return {
    ...loader,
    async load(context) {
      const entries = existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : [];
      if (entries.some((entry) => !entry.isFile() && !entry.isDirectory())) return;
      return loader.load(context);
    },
  };
}
