/**
 * Anyone can rebuild the published site and check it is what the data say:
 * builds of the same tree on the same SOURCE_DATE_EPOCH give the same bytes
 * in every file, the Pagefind index included. And a rebuild after changes,
 * which reuses the previous build's validation, pages and files (the
 * incremental build: src/core/data/validation-cache.ts, src/site/page-keys.ts,
 * src/site/integrations/previous-output.ts), is file for file and byte for byte
 * a clean build of the changed data, made with no cache.
 */
import { existsSync, statSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from './build-site.ts';

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

let started = 0;

/**
 * Builds `content` into `out` with its caches in `cache`; returns the build's log. Each build is
 * started as if from another shell command (the environment's `_`): Astro once baked that variable
 * into a page module's code, and a build started another way rendered every page again.
 */
function build(content: string, out: string, cache: string): string {
  started += 1;
  const result = buildSite(content, out, cache, { _: `/started/another/way/${started}` });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** The files of `dir` that differ from those of `reference`, or are missing or extra. */
async function differences(dir: string, reference: string): Promise<string[]> {
  const [files, expected] = await Promise.all([filesOf(dir), filesOf(reference)]);
  const differing = files.filter((f) => !expected.includes(f)).map((f) => `extra: ${f}`);
  for (const file of expected) {
    if (!files.includes(file)) {
      differing.push(`missing: ${file}`);
      continue;
    }
    const [a, b] = await Promise.all([readFile(path.join(dir, file)), readFile(path.join(reference, file))]);
    if (!a.equals(b)) differing.push(`differs: ${file}`);
  }
  return differing;
}

test('a rebuild from the cache, over the previous output or into an empty folder, is a clean build', async () => {
  // Five builds of the sample site on a busy two-core machine.
  test.setTimeout(720_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-repro-'));
  try {
    const content = path.join(root, 'content');
    await cp('content', content, { recursive: true });
    const site = path.join(root, 'site');
    const cache = path.join(root, 'cache');
    const clean = path.join(root, 'clean');
    const restored = path.join(root, 'restored');
    build(content, site, cache);
    const changedPage = 'c/bogeda-xiaoqu/index.html';
    const before = await readFile(path.join(site, changedPage));
    const removed = 'liangju-jiashulou';
    const communityOf = async (slug: string) =>
      /^community:\s*(\S+)/m.exec(await readFile(path.join(content, 'compounds', slug, 'compound.yaml'), 'utf8'))?.[1];
    const communities = (await readdir(path.join(content, 'communities'))).length;

    // A compound is removed, with its evaluations: its page, downloads and printed sheets must go,
    // and the part of the search index that held it (of three: test-env.ts) is made again, the others kept.
    await rm(path.join(content, 'compounds', removed), { recursive: true });
    const evaluations = path.join(content, 'oversight/evaluations.csv');
    const rows = (await readFile(evaluations, 'utf8')).split('\n').filter((line) => !line.includes(removed));
    await writeFile(evaluations, rows.join('\n'));
    const afterRemoval = build(content, site, cache);
    expect(afterRemoval).toContain('building over the previous build’s output');
    expect(afterRemoval).toMatch(/\d+ files of the previous build no longer made: removed/);
    expect(afterRemoval).toMatch(/\d+ compounds indexed for search \(1 of the index’s 3 parts\)/);
    // A county list keyed by what it shows (page-keys.ts, propsKey) that named the compound is made again.
    expect(await readFile(path.join(site, 'dashboard/stale/index.html'), 'utf8')).not.toContain(removed);

    // A price changes in one compound, and it charges a new item: its page, its open data, its printed
    // sheets, the county's tables, its search document (which names its fee items).
    const fees = path.join(content, 'compounds/bogeda-xiaoqu/fees.csv');
    const priced = (await readFile(fees, 'utf8')).replace(',1.60,市场调节价,', ',1.80,市场调节价,');
    expect(priced).toContain(',1.80,市场调节价,');
    const newItem =
      '地下车位管理费,车位业主,车位清洁与秩序维护,按合同约定,元/个·月,30.00,市场调节价,,,物业服务合同第七条,2024-06-01,2024-04-28\r\n';
    await writeFile(fees, `${priced}${newItem}`);
    // Only a comment changes in another: its published compound.yaml is the committed file, comments included.
    await appendFile(path.join(content, 'compounds/jinshuiwan/compound.yaml'), '# 物业公司联系人已更换\n');
    const touched = new Set(await Promise.all(['bogeda-xiaoqu', 'jinshuiwan'].map(communityOf)));
    // The county-wide files made of one segment per compound, as the last build recorded them.
    const record = JSON.parse(await readFile(path.join(cache, 'astro', 'gongshi-output.json'), 'utf8'));
    const segmented = Object.keys(record.segments as Record<string, unknown>).sort();
    expect(segmented).toEqual(expect.arrayContaining(['data/fees.csv', 'search/documents.json']));
    const inodeOf = (file: string) => statSync(path.join(site, file)).ino;
    const inodesBefore = new Map(segmented.map((file) => [file, inodeOf(file)]));
    const inPlace = build(content, site, cache);
    build(content, clean, path.join(root, 'fresh-cache'));
    // A folder the cache does not describe (here holding a stale page and a .git) is emptied first,
    // its .git kept: its files are moved into the cache and removed while the build runs.
    await mkdir(path.join(restored, 'c/stale'), { recursive: true });
    await writeFile(path.join(restored, 'c/stale/index.html'), '<p>stale</p>');
    await mkdir(path.join(restored, '.git'));
    await writeFile(path.join(restored, '.git/HEAD'), 'ref: refs/heads/pages\n');
    const intoEmpty = build(content, restored, cache);
    expect(existsSync(path.join(restored, 'c/stale'))).toBe(false);
    expect(await readFile(path.join(restored, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/pages\n');
    await rm(path.join(restored, '.git'), { recursive: true });
    expect(await readdir(cache)).not.toContain('gongshi-output-being-removed');

    const compounds = (await readdir(path.join(content, 'compounds'))).length;
    const files = await filesOf(clean);
    // The county's pages keyed by what they show (the lists, the managers): none of the changes (a market
    // price, a new item at a market price, a comment) shows in them. (Reused endpoints, the feeds and templates, are not counted as pages.)
    const keyedCounty = files.filter((f) => /^(?:dashboard|managers)\/[^/]+\/index\.html$/.test(f)).length;
    expect(keyedCounty).toBeGreaterThan(15);
    // Over the previous output: every other compound's validation, page, downloads and printed pages reused,
    // the pages and printed pages of the other 社区, the county's keyed pages, and the parts of the search
    // index without the compound whose document changed.
    const untouched = communities - touched.size;
    expect(touched.size).toBeLessThan(communities);
    expect(inPlace).toContain('building over the previous build’s output');
    expect(inPlace).toContain(`${compounds - 2} compound folders unchanged since the last build`);
    expect(inPlace).toContain(`${compounds - 2 + untouched + keyedCounty} pages reused from the previous build`);
    // A segmented file the changes do not reach (fees are in the fee tables and the search documents only)
    // is left as it is; the others are written beside the old ones and renamed into place, so only theirs
    // are new files.
    expect(segmented.filter((file) => inodeOf(file) !== inodesBefore.get(file))).toEqual([
      'data/fees.csv',
      'data/fees.json',
      'search/documents.json',
    ]);
    expect(inPlace).toContain(
      `the downloads of ${compounds - 2} compounds, the printed pages of ${untouched} 社区, ${segmented.length - 3} county-wide files`,
    );
    // The documents of the compounds whose downloads are kept are read back from search/documents.json,
    // the two changed compounds' made again: were a changed one read back, or any read wrong, the index
    // would differ from the clean build's below. The new item is in the one part of the index that holds it.
    expect(inPlace).toContain(`${compounds - 2} compounds’ search documents read back from the previous build, 2 made`);
    expect(inPlace).toMatch(/\d+ compounds indexed for search \(1 of the index’s 3 parts\)/);
    // Into an empty folder (as on a CI machine that restores the cache only), every page comes from the cache.
    expect(intoEmpty).not.toContain('building over the previous build’s output');
    expect(intoEmpty).toContain(`the output folder is emptied: the last build wrote to another folder (${site})`);
    expect(intoEmpty).toContain(`${compounds + communities + keyedCounty} pages reused from the previous build`);
    expect(intoEmpty).toContain(`${compounds} compounds indexed for search (3 of the index’s 3 parts)`);
    expect(intoEmpty).not.toContain('search documents read back');

    expect(files.length).toBeGreaterThan(50);
    for (const part of ['pagefind', 'pagefind-2', 'pagefind-3']) {
      expect(files.some((f) => f.startsWith(`${part}/pagefind-entry.json`))).toBe(true);
    }
    expect(files.some((f) => f.includes(removed))).toBe(false);
    expect(await differences(site, clean)).toEqual([]);
    expect(await differences(restored, clean)).toEqual([]);
    // The change is there: the first build, before it, differs in that compound's page.
    expect(before.equals(await readFile(path.join(clean, changedPage)))).toBe(false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
