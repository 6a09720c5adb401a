/**
 * The province portal's root (src/outputs/province.ts): what it reads of each
 * county's built site, and the files it writes; and the rule that lets a county
 * be served under /<county>/ at all: every address the site writes goes through sitePath.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import { siteBase, sitePath, withoutBase } from '../../src/core/lib/site-path.ts';
import { DASHBOARD_LISTS, OPEN_LISTS } from '../../src/core/model/dashboard.ts';
import { provinceFiles, readCountySite, writeProvinceIndex } from '../../src/outputs/province.ts';
import { searchDocumentFiles } from '../../src/outputs/search-document.ts';
import { PROJECT_ROOT } from './helpers.ts';

describe('a county site as the portal reads it', () => {
  let dir: string;
  const openList = OPEN_LISTS[0] as string;
  const closedList = DASHBOARD_LISTS.find((l) => !OPEN_LISTS.includes(l)) as string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongshi-county-'));
    await mkdir(path.join(dir, 'data', 'findings'), { recursive: true });
    const pkg = { homepage: 'https://wuye.example.cn/mulei/data/', county: '木垒哈萨克自治县' };
    await writeFile(path.join(dir, 'data', 'datapackage.json'), JSON.stringify(pkg));
    await writeFile(path.join(dir, 'data', 'compounds.json'), JSON.stringify([{}, {}, {}]));
    for (const list of DASHBOARD_LISTS) {
      const rows =
        list === openList
          ? [{ compound: 'a' }, { compound: 'a' }, { compound: 'b' }]
          : list === closedList
            ? [{ compound: 'c' }]
            : [];
      await writeFile(path.join(dir, 'data', 'findings', `${list}.json`), JSON.stringify(rows));
    }
    // Its search index in parts, the tenth after the second; a folder that is no part.
    for (const folder of ['pagefind-10', 'pagefind', 'pagefinder', 'pagefind-2']) await mkdir(path.join(dir, folder));
    await writeFile(
      path.join(dir, 'sitemap.xml'),
      '<sitemapindex><sitemap><loc>https://wuye.example.cn/mulei/sitemap-1.xml</loc></sitemap><sitemap><loc>https://wuye.example.cn/mulei/sitemap-2.xml</loc></sitemap></sitemapindex>',
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('its path, name and counts come from its own open data', async () => {
    const county = await readCountySite(dir);
    assert.equal(county.slug, 'mulei');
    assert.equal(county.name, '木垒哈萨克自治县');
    assert.equal(county.compounds, 3);
    assert.deepEqual(county.lists[openList as keyof typeof county.lists], { findings: 3, compounds: 2 });
    // Only the lists of what is open now count towards "open": c, on a history list only, does not.
    assert.ok(closedList);
    assert.equal(county.open, 2);
    assert.deepEqual(county.sitemaps, [
      'https://wuye.example.cn/mulei/sitemap-1.xml',
      'https://wuye.example.cn/mulei/sitemap-2.xml',
    ]);
    assert.deepEqual(county.searchParts, ['pagefind', 'pagefind-2', 'pagefind-10']);
  });

  test('the root: a dashboard cell links to the county list, the headers keep each county its own', async () => {
    const county = await readCountySite(dir);
    const files = new Map(
      provinceFiles(
        { name: '新疆维吾尔自治区', baseUrl: 'https://wuye.example.cn/' },
        [county],
        ['/mulei/*\n  X: y\n'],
      ).map((f) => [f.path, f.text]),
    );
    assert.deepEqual([...files.keys()].sort(), [
      '_headers',
      'dashboard/index.html',
      'index.html',
      'robots.txt',
      'search/index.html',
      'search/province-search.js',
      'sitemap.xml',
    ]);
    assert.match(files.get('dashboard/index.html') ?? '', new RegExp(`href="/mulei/dashboard/${openList}/">2</a>`));
    assert.match(files.get('index.html') ?? '', /href="\/mulei\/">木垒哈萨克自治县<\/a>/);
    const headers = files.get('_headers') ?? '';
    assert.doesNotMatch(headers, /^\/\*$/m, 'a rule for /* would add the root policy to every county page');
    assert.match(headers, /^\/mulei\/\*$/m);
    assert.equal((files.get('sitemap.xml') ?? '').match(/<sitemap>/g)?.length, 2);
    // The search script runs on the Chromium 87 of older WeChat builds: no top-level await.
    // The search merges every part of every county's index, the first part's pagefind.js loaded.
    assert.match(
      files.get('search/index.html') ?? '',
      /data-indexes="\/mulei\/pagefind\/,\/mulei\/pagefind-2\/,\/mulei\/pagefind-10\/"/,
    );
    const script = files.get('search/province-search.js') ?? '';
    assert.doesNotThrow(() => new Function(script));
    // Its helpers, run as a browser runs them: with Intl.Segmenter, and as an old WebView without it.
    type Helpers = {
      queryWords: (query: string) => string[];
      withEveryKnownWord: (results: { id: string }[], perWord: { id: string }[][]) => { id: string }[];
    };
    const helpers = (intl: object) =>
      new Function('Intl', `${script}\nreturn { queryWords, withEveryKnownWord };`)(intl) as Helpers;
    const { queryWords, withEveryKnownWord } = helpers(Intl);
    assert.deepEqual(queryWords('天山 物业'), ['天山', '物业']);
    assert.deepEqual(helpers({}).queryWords(' tianshan  huayuan '), ['tianshan', 'huayuan']);
    const ids = (...list: string[]) => list.map((id) => ({ id }));
    assert.deepEqual(withEveryKnownWord(ids('a', 'b'), [ids('a'), ids('a', 'b'), []]), ids('a'));
  });

  test('a county whose base_url has no path of its own cannot join', async () => {
    const pkgFile = path.join(dir, 'data', 'datapackage.json');
    const saved = await readFile(pkgFile, 'utf8');
    await writeFile(pkgFile, JSON.stringify({ homepage: 'https://wuye.example.cn/data/', county: 'x' }));
    try {
      await assert.rejects(readCountySite(dir), /must end in \/<county>\//);
    } finally {
      await writeFile(pkgFile, saved);
    }
  });
});

test("one province index of every county's search documents holds every compound, under its county's path", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-province-index-'));
  try {
    const counties = ['qitai', 'mulei'].map((slug) => path.join(root, slug));
    for (const [i, dir] of counties.entries()) {
      await mkdir(path.join(dir, 'search'), { recursive: true });
      const slug = path.basename(dir);
      const documents = [1, 2].map((n) => ({
        url: `/${slug}/c/x-${n}/`,
        html: `<html lang="zh-CN"><body><h1>博格达小区${i}${n}号</h1><p>奇台县</p></body></html>`,
      }));
      await writeFile(path.join(dir, 'search', 'documents.json'), JSON.stringify(documents));
    }
    assert.equal(await writeProvinceIndex(counties, root), 4);
    const entry = JSON.parse(await readFile(path.join(root, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    assert.equal(pages, 4);
    assert.ok((await readdir(path.join(root, 'pagefind'))).includes('pagefind.js'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("a county publishes one search document per compound, at its compound page's address", async () => {
  const { bundle } = await loadContent({
    contentDir: path.join(PROJECT_ROOT, 'content'),
    projectRoot: PROJECT_ROOT,
    today: '2026-11-20',
    history: false,
  });
  assert.ok(bundle);
  const [file, ...others] = [...searchDocumentFiles(bundle)];
  assert.equal(others.length, 0);
  assert.equal(file?.path, 'search/documents.json');
  const documents = JSON.parse([...(file?.pieces() ?? [])].join('')) as { url: string; html: string }[];
  assert.deepEqual(
    documents.map((d) => d.url),
    bundle.compounds.map((r) => `/c/${r.slug}/`),
  );
  const first = bundle.compounds[0];
  assert.ok(first && documents[0]?.html.includes(first.compound.name));
});

test('sitePath puts an address under the base GONGSHI_BASE names, and withoutBase takes it off', () => {
  const saved = process.env.GONGSHI_BASE;
  try {
    process.env.GONGSHI_BASE = '/qitai';
    assert.equal(siteBase(), '/qitai/');
    assert.equal(sitePath('/c/x/'), '/qitai/c/x/');
    assert.equal(sitePath('/'), '/qitai/');
    assert.equal(withoutBase('/qitai/c/x/'), '/c/x/');
    assert.equal(withoutBase('/other/'), '/other/');
    process.env.GONGSHI_BASE = '/';
    assert.equal(sitePath('/c/x/'), '/c/x/');
  } finally {
    if (saved === undefined) delete process.env.GONGSHI_BASE;
    else process.env.GONGSHI_BASE = saved;
  }
});

test('no page, component or script writes a root-relative address without sitePath', async () => {
  const roots = ['src/site', 'src/outputs'];
  const offending: string[] = [];
  for (const folder of roots) {
    for (const entry of await readdir(path.join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(astro|ts)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (file.endsWith('province.ts')) continue; // the portal's root is not under any county's base
      const text = await readFile(file, 'utf8');
      for (const [i, line] of text.split('\n').entries()) {
        if (/^\s*(\*|\/\/|import )/.test(line)) continue;
        if (/(?:href|src|action)="\/(?!\/)/.test(line) || /(?:href|src|action)=\{`\/(?!\/)/.test(line)) {
          offending.push(`${path.relative(PROJECT_ROOT, file)}:${i + 1}: ${line.trim()}`);
        }
      }
    }
  }
  assert.deepEqual(offending, []);
});
