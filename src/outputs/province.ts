/**
 * A province portal made of county sites: each county is built on its own
 * (its base_url ends in /<county>/) and copied under that path; this module
 * reads what each county published (its open data and sitemap) and writes
 * the few files at the root: the county list with the province dashboard,
 * a search across every county (Pagefind's multisite merge in the browser),
 * the sitemap index, robots.txt and the root's own headers. No county is
 * rebuilt, and no county's files are changed. Node only (reads folders).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../core/i18n/t.ts';
import { html } from '../core/lib/html.ts';
import { searchPartFoldersAmong } from '../core/lib/search-parts.ts';
import { withEveryKnownWord } from '../core/lib/search-rank.ts';
import { DASHBOARD_LISTS, type DashboardListId, OPEN_LISTS } from '../core/model/dashboard.ts';

/** What the province pages need of one county, all read from its built site. */
export interface CountySite {
  /** Its path on the portal, from its data package's homepage: `qitai` for /qitai/. */
  slug: string;
  /** 奇台县. */
  name: string;
  compounds: number;
  /** Per dashboard list: the findings on it and the compounds they concern. */
  lists: Record<DashboardListId, { findings: number; compounds: number }>;
  /** Compounds on at least one list of what is open now. */
  open: number;
  /** The county's sitemap files, as absolute addresses. */
  sitemaps: string[];
  /** The folders of its search index's parts, the first first: `pagefind`, `pagefind-2`, … (src/core/lib/search-parts.ts). */
  searchParts: string[];
}

export interface ProvinceOptions {
  /** The province's own name, for titles: 新疆维吾尔自治区. */
  name: string;
  /** The portal's address, ending in `/`: https://wuye.example.cn/. */
  baseUrl: string;
  /**
   * How the root's search finds compounds in every county: `merge`, the first county's Pagefind
   * index with the others merged in by the browser; `index`, one index of all the counties'
   * search documents, built by writeProvinceIndex at /pagefind/.
   */
  search?: 'merge' | 'index';
}

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Reads a built county site: its data package, its compounds, its findings lists, its sitemap. */
export async function readCountySite(dir: string): Promise<CountySite> {
  const pkg = await json<{ homepage: string; county: string }>(path.join(dir, 'data', 'datapackage.json'));
  const slug = new URL(pkg.homepage).pathname.replace(/\/data\/$/, '').replace(/^\//, '');
  if (!/^[a-z0-9-]+$/.test(slug)) {
    throw new Error(
      `${dir}: its base_url must end in /<county>/ (a-z, 0-9, -) to join a portal; found ${pkg.homepage}`,
    );
  }
  const compounds = (await json<unknown[]>(path.join(dir, 'data', 'compounds.json'))).length;
  const lists = {} as CountySite['lists'];
  const openCompounds = new Set<string>();
  for (const list of DASHBOARD_LISTS) {
    const rows = await json<{ compound: string }[]>(path.join(dir, 'data', 'findings', `${list}.json`));
    const concerned = new Set(rows.map((row) => row.compound));
    lists[list] = { findings: rows.length, compounds: concerned.size };
    if (OPEN_LISTS.includes(list)) for (const slug of concerned) openCompounds.add(slug);
  }
  const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
  const own = new URL('sitemap.xml', pkg.homepage.replace(/data\/$/, '')).href;
  // A county's sitemap may be an index itself; an index may not list another index.
  const sitemaps = sitemap.includes('<sitemapindex')
    ? [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string)
    : [own];
  return {
    slug,
    name: pkg.county,
    compounds,
    lists,
    open: openCompounds.size,
    sitemaps,
    // The folders its own search page merges.
    searchParts: searchPartFoldersAmong(await readdir(dir)),
  };
}

const STYLE = `body{font:1.0625rem/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:64rem;padding:1rem;color:#1a1a1a}a{color:#0b4f9c}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}td.num{text-align:right}.scroll{overflow-x:auto}input{font:inherit;padding:.4rem;width:100%;max-width:24rem}button{font:inherit;padding:.4rem 1rem}@media (prefers-contrast:more){body{color:#000}a{color:#00e}}`;

function page(options: ProvinceOptions, address: string, title: string, body: ReturnType<typeof html>): string {
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="canonical" href="${new URL(address, options.baseUrl).href}">
<style>${STYLE}</style>
</head>
<body>
<header><p><a href="/">${t('province.title', { province: options.name })}</a> · <a href="/search/">${t('nav.search')}</a> · <a href="/dashboard/">${t('province.dashboard')}</a></p></header>
<main>${body}</main>
</body>
</html>
`.toString();
}

function homePage(options: ProvinceOptions, counties: readonly CountySite[]): string {
  const total = counties.reduce((sum, c) => sum + c.compounds, 0);
  return page(
    options,
    '',
    t('province.title', { province: options.name }),
    html`<h1>${t('province.title', { province: options.name })}</h1>
<p>${t('province.intro', { counties: counties.length, compounds: total })}</p>
<form role="search" action="/search/" method="get"><label for="q">${t('province.searchLabel')}</label><br><input id="q" name="q" type="search"> <button>${t('nav.search')}</button></form>
<h2>${t('province.counties')}</h2>
<ul>${counties.map((c) => html`<li><a href="/${c.slug}/">${c.name}</a>：${t('province.countyLine', { compounds: c.compounds, open: c.open })}</li>`)}</ul>`,
  );
}

function dashboardPage(options: ProvinceOptions, counties: readonly CountySite[]): string {
  const cell = (c: CountySite, list: DashboardListId) => {
    const { compounds } = c.lists[list];
    return html`<td class="num">${compounds > 0 ? html`<a href="/${c.slug}/dashboard/${list}/">${compounds}</a>` : '0'}</td>`;
  };
  return page(
    options,
    'dashboard/',
    t('province.dashboard'),
    html`<h1>${t('province.dashboard')}</h1>
<p>${t('province.dashboardIntro')}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">${t('province.county')}</th><th scope="col">${t('province.compounds')}</th><th scope="col">${t('province.open')}</th>${DASHBOARD_LISTS.map((list) => html`<th scope="col">${t(`dashboard.list.${list}`)}</th>`)}</tr></thead>
<tbody>${counties.map((c) => html`<tr><th scope="row"><a href="/${c.slug}/dashboard/">${c.name}</a></th><td class="num">${c.compounds}</td><td class="num">${c.open}</td>${DASHBOARD_LISTS.map((list) => cell(c, list))}</tr>`)}</tbody>
</table></div>`,
  );
}

function searchPage(options: ProvinceOptions, counties: readonly CountySite[]): string {
  return page(
    options,
    'search/',
    t('nav.search'),
    html`<h1>${t('province.searchTitle', { province: options.name })}</h1>
<form role="search" action="/search/" method="get"><label for="q">${t('province.searchLabel')}</label><br><input id="q" name="q" type="search"> <button>${t('nav.search')}</button></form>
<p id="status" role="status"></p>
<ol id="results"></ol>
<noscript><p>${t('province.searchNoScript')}</p></noscript>
<h2>${t('province.searchEach')}</h2>
<ul>${counties.map((c) => html`<li><a href="/${c.slug}/search/">${c.name}</a></li>`)}</ul>
<script type="module" src="/search/province-search.js" data-search="${options.search ?? 'merge'}" data-counties="${counties.map((c) => `${c.slug}:${c.name}`).join(',')}" data-indexes="${counties.flatMap((c) => c.searchParts.map((folder) => `/${c.slug}/${folder}/`)).join(',')}"></script>`,
  );
}

/**
 * The browser's side of the search: the province's own index, or the first county's Pagefind with
 * every part of every county's index merged in (each result's address already carries its county's path).
 * An async function, not top-level await, which the Chromium 87 of older WeChat builds cannot parse.
 * Merged indexes each leave out the query words they lack: withEveryKnownWord, the county search's own
 * (its source, types stripped by Node), keeps what one index would find. The helpers come first and
 * run anywhere, so that the unit test calls them as the browser does.
 */
const SEARCH_SCRIPT = `${withEveryKnownWord.toString().replace(/\s+/g, ' ')}
function queryWords(query) {
  return typeof Intl.Segmenter === 'function'
    ? [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(query)].filter((s) => s.isWordLike).map((s) => s.segment)
    : query.split(/\\s+/).filter(Boolean);
}
if (typeof document !== 'undefined') (async () => {
  const script = document.currentScript || document.querySelector('script[data-counties]');
  const counties = script.dataset.counties.split(',').map((pair) => pair.split(':'));
  const query = new URLSearchParams(location.search).get('q') || '';
  const status = document.getElementById('status');
  const list = document.getElementById('results');
  document.getElementById('q').value = query;
  if (!query) return;
  status.textContent = ${JSON.stringify(t('province.searching'))};
  const province = script.dataset.search === 'index';
  const indexes = province ? ['/pagefind/'] : script.dataset.indexes.split(',');
  const pagefind = await import(indexes[0] + 'pagefind.js');
  // The counties' addresses already carry their path: Pagefind must not add /<county>/ again.
  const options = { excerptLength: 0, baseUrl: '/' };
  await pagefind.options(options);
  await Promise.all(indexes.slice(1).map((index) => pagefind.mergeIndex(index, options)));
  let results = (await pagefind.search(query)).results;
  const words = queryWords(query);
  if (indexes.length > 1 && words.length > 1 && results.length > 0) {
    results = withEveryKnownWord(results, await Promise.all(words.map(async (word) => (await pagefind.search(word)).results)));
  }
  const pages = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  const names = new Map(counties);
  for (const data of pages) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta.title;
    const county = names.get(data.url.split('/')[1]) || '';
    item.append(link, document.createTextNode('（' + county + (data.meta.address ? '，' + data.meta.address : '') + '）'));
    list.append(item);
  }
  status.textContent = ${JSON.stringify(t('province.found'))}.replace('{count}', String(results.length));
})();
`;

/** Root headers: the same policy as a county's pages, for the root's own paths only. */
function headers(): string {
  const policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  return ['/', '/dashboard/*', '/search/*']
    .map(
      (p) =>
        `${p}\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
    )
    .join('');
}

/** The files at the portal's root, by path. `countyHeaders` are the counties' own _headers, added after. */
export function provinceFiles(
  options: ProvinceOptions,
  counties: readonly CountySite[],
  countyHeaders: readonly string[],
): { path: string; text: string }[] {
  const sitemaps = counties.flatMap((c) => c.sitemaps);
  return [
    { path: 'index.html', text: homePage(options, counties) },
    { path: 'dashboard/index.html', text: dashboardPage(options, counties) },
    { path: 'search/index.html', text: searchPage(options, counties) },
    { path: 'search/province-search.js', text: SEARCH_SCRIPT },
    {
      path: 'sitemap.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.map((s) => `  <sitemap><loc>${s}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`,
    },
    { path: 'robots.txt', text: `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', options.baseUrl).href}\n` },
    { path: '_headers', text: [headers(), ...countyHeaders].join('\n') },
  ];
}

/**
 * One Pagefind index of every county's compounds at `<out>/pagefind/`, from the search documents
 * each county publishes (/<county>/search/documents.json): the other way to search the province.
 * Resolves with how many compounds it holds.
 */
export async function writeProvinceIndex(countyDirs: readonly string[], out: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let count = 0;
  for (const dir of countyDirs) {
    const documents = await json<{ url: string; html: string }[]>(path.join(dir, 'search', 'documents.json'));
    for (const { url, html: content } of documents) {
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
      count += 1;
    }
  }
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await pagefind.close();
  return count;
}
