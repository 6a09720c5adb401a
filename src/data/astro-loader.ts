/**
 * Astro content-layer loaders over `loadContent`. All collections come from
 * one validation pass: if any file in content/ has an error, the first
 * collection to load throws ContentValidationError, whose message lists every
 * problem, and the build stops. Astro's own file() loader would log and skip a
 * bad entry instead; nothing is skipped here.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { type LoadResult, loadContent } from './load-content.ts';
import { defaultLoadOptions } from './options.ts';
import { ContentValidationError, formatProblem } from './problems.ts';
import type { ContentBundle } from './records.ts';

let pending: Promise<LoadResult> | undefined;

async function validatedBundle(context: LoaderContext): Promise<ContentBundle> {
  const options = defaultLoadOptions();
  if (!pending) {
    pending = loadContent(options);
    // In `astro dev`, a changed data file starts a fresh pass on the next load.
    context.watcher?.on('all', (_event, file) => {
      if (file.startsWith(options.contentDir)) pending = undefined;
    });
  }
  const { bundle, problems } = await pending;
  for (const warning of problems.filter((p) => p.severity === 'warning')) context.logger.warn(formatProblem(warning));
  if (!bundle) throw new ContentValidationError(problems);
  return bundle;
}

type CollectionName = 'site' | 'communities' | 'companies' | 'compounds' | 'departments' | 'oversight';

function entriesOf(bundle: ContentBundle, collection: CollectionName): { id: string; data: Record<string, unknown> }[] {
  switch (collection) {
    case 'site':
      return [{ id: 'site', data: { ...bundle.site, today: bundle.today } }];
    case 'communities':
      return bundle.communities.map((c) => ({ id: c.slug, data: { ...c } }));
    case 'companies':
      return bundle.companies.map((c) => ({ id: c.slug, data: { ...c } }));
    case 'compounds':
      return bundle.compounds.map((c) => ({ id: c.slug, data: { ...c } }));
    case 'departments':
      // The 社区 row has no name of its own, so a department is known by its place in the list.
      return bundle.departments.map((d) => ({ id: String(d.order), data: { ...d } }));
    case 'oversight':
      // content/oversight/ as one entry: the scale, ratings, actions, blacklist and evaluations.
      return [{ id: 'oversight', data: { ...bundle.oversight } }];
  }
}

export function gongshiLoader(collection: CollectionName): Loader {
  return {
    name: `gongshi-${collection}`,
    async load(context) {
      const bundle = await validatedBundle(context);
      context.store.clear();
      for (const entry of entriesOf(bundle, collection)) {
        context.store.set({ ...entry, digest: context.generateDigest(entry.data) });
      }
    },
  };
}
