/**
 * <gongshi-search>: the search form's results, shown in two steps. The name
 * directory (src/core/lib/name-directory.ts) answers a name, pinyin or slug
 * typed from its start with one small file; Pagefind, loaded after, adds
 * everything else, merging the parts of a large county's index. A search that finds nothing is retried with a word left
 * out, and says so.
 */
import { type DirectoryEntry, directoryKey, directoryPath, matchDirectory } from '../../core/lib/name-directory.ts';
import { nearQueries, rankByTitle, withEveryKnownWord } from '../../core/lib/search-rank.ts';
import { segmentQuery } from '../../core/lib/segment.ts';
import { sitePath } from '../../core/lib/site-path.ts';

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(term: string, o: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface Found {
  url: string;
  title: string;
  meta: Record<string, string>;
}

/** Pagefind, and whether its index is in parts merged in the browser. */
let pagefind: Promise<{ index: Pagefind; merged: boolean }> | undefined;
let vocabulary: Promise<Set<string>> | undefined;

/** Pagefind with every part of the index (src/core/lib/search-parts.ts): the first's, with the others merged in. */
function loadPagefind(indexes: readonly string[]) {
  const [first = sitePath('/pagefind/'), ...others] = indexes;
  // A path built at run time: the index is written after the site is bundled.
  pagefind ??= import(/* @vite-ignore */ `${first}pagefind.js`).then(async (index: Pagefind) => {
    // The documents' addresses already carry the site's base path; Pagefind would add the folder above
    // its own (/qitai/ for /qitai/pagefind/) again. Each merged part takes its options on merging.
    const options = { excerptLength: 0, baseUrl: '/' };
    await index.options(options);
    await Promise.all(others.map((part) => index.mergeIndex(part, options)));
    return { index, merged: others.length > 0 };
  });
  return pagefind;
}

/** Pagefind's results for `term`, made of `terms`; over an index in parts, holding every word (withEveryKnownWord). */
async function find(
  { index, merged }: { index: Pagefind; merged: boolean },
  term: string,
  terms: readonly string[],
  filters: Record<string, string>,
) {
  const { results } = await index.search(term, { filters });
  if (!merged || terms.length < 2 || results.length === 0) return results;
  const perWord = await Promise.all(terms.map(async (word) => (await index.search(word, { filters: {} })).results));
  return withEveryKnownWord(results, perWord);
}

const hasSegmenter = () => typeof Intl !== 'undefined' && 'Segmenter' in Intl;

/** The query's words. Pagefind splits Chinese with Intl.Segmenter; without it, the words of the index do. */
async function words(query: string): Promise<string[]> {
  if (hasSegmenter()) {
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    return [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  vocabulary ??= fetch(sitePath('/search/vocabulary.json')).then(async (r) => new Set<string>(await r.json()));
  return segmentQuery(query, await vocabulary)
    .split(' ')
    .filter(Boolean);
}

/** Names in the directory that start with the query; none when it has no file for the query. */
async function directoryMatches(query: string): Promise<Found[]> {
  const key = directoryKey(query);
  if (!key) return [];
  const response = await fetch(sitePath(directoryPath(key))).catch(() => undefined);
  if (!response?.ok) return [];
  const entries = (await response.json()) as DirectoryEntry[];
  return matchDirectory(entries, query).map(([name, slug, community, address]) => ({
    url: sitePath(`/c/${slug}/`),
    title: name,
    meta: { community, address },
  }));
}

const card = (page: Found) => {
  const item = document.createElement('li');
  item.className = 'card';
  const heading = document.createElement('h2');
  heading.className = 'card-title';
  const link = document.createElement('a');
  link.href = page.url;
  link.textContent = page.title;
  heading.append(link);
  const where = document.createElement('p');
  where.textContent = [page.meta.community, page.meta.address].filter(Boolean).join(' · ');
  item.append(heading, where);
  return item;
};

const pageOf = async (result: PagefindResult): Promise<Found> => {
  const page = await result.data();
  return { ...page, title: page.meta.title ?? page.url };
};

class GongshiSearch extends HTMLElement {
  /** Counts searches: a later search's results must not receive an earlier one's. */
  searches = 0;

  connectedCallback() {
    const form = this.querySelector('form');
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      history.replaceState(null, '', `?${params}`);
      this.run(params);
    });
    const params = new URLSearchParams(location.search);
    for (const [name, value] of params) {
      const field = form?.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
    if (params.get('q')) this.run(params);
  }

  async run(params: URLSearchParams) {
    const current = ++this.searches;
    const status = this.querySelector('.search-status');
    const list = this.querySelector('.search-results');
    if (!status || !list) return;
    const messages = JSON.parse(this.dataset.messages ?? '{}') as Record<string, string>;
    const filterKeys = JSON.parse(this.dataset.filterKeys ?? '{}') as Record<string, string>;
    const query = params.get('q') ?? '';
    const filters: Record<string, string> = {};
    for (const [name, label] of Object.entries(filterKeys)) {
      const value = params.get(name);
      if (value) filters[label] = value;
    }
    const shown = new Set<string>();
    const show = (pages: Found[]) => {
      if (current !== this.searches) return;
      const fresh = pages.filter((p) => !shown.has(p.url));
      for (const p of fresh) shown.add(p.url);
      list.append(...fresh.map(card));
    };
    status.textContent = messages.searching ?? '';
    list.replaceChildren();
    list.setAttribute('aria-busy', 'true');
    try {
      // The directory knows names only, not 社区, companies or status: a filtered search goes to Pagefind.
      if (Object.keys(filters).length === 0) show(await directoryMatches(query));
      const loaded = await loadPagefind((this.dataset.indexes ?? '').split(',').filter(Boolean));
      const queryWords = await words(query);
      const term = hasSegmenter() ? query : queryWords.join(' ');
      let found = await find(loaded, term, queryWords, filters);
      let near: string | undefined;
      if (found.length === 0 && shown.size === 0) {
        for (const candidate of nearQueries(queryWords)) {
          found = await find(loaded, candidate, candidate.split(' '), filters);
          if (found.length > 0) {
            near = candidate;
            break;
          }
        }
      }
      if (current !== this.searches) return;
      // The first ten are fetched, ranked and shown before the next twenty: on a slow phone network the
      // first result appears after a third of the fragments.
      const rank = (pages: Found[]) => (near ? pages : rankByTitle(pages, query));
      show(rank(await Promise.all(found.slice(0, 10).map(pageOf))));
      if (current !== this.searches) return;
      const count = Math.max(found.length, shown.size);
      status.textContent = near
        ? (messages.near ?? '').replace('{query}', query).replace('{near}', near)
        : count
          ? (messages.count ?? '').replace('{count}', String(count))
          : (messages.none ?? '');
      show(rank(await Promise.all(found.slice(10, 30).map(pageOf))));
    } catch {
      if (current === this.searches) status.textContent = messages.failed ?? '';
    } finally {
      if (current === this.searches) list.removeAttribute('aria-busy');
    }
  }
}
customElements.define('gongshi-search', GongshiSearch);
