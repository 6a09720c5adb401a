/**
 * `npm run bench [-- --sizes 1000,10000,20000] [--keep]`: measures validation and
 * build of the sample data and of synthetic data sets (scripts/generate-synthetic.ts),
 * the weight of a compound page, the bytes a browser fetches to show the
 * first search result and the time it takes on a slow phone network, and
 * Lighthouse's mobile performance audit of the sample site. For synthetic data it also times the
 * scoped validation, the rebuilds after a change to one compound, and the same bare site built by
 * Hugo and by this project's Astro (scripts/lib/bare-sites.ts). Writes the table to docs/performance.md and prints it.
 *
 * Each step runs as its own process tree, timed from start to exit; its
 * memory is read from /proc every 100 ms: the peak resident memory of each
 * process (VmHWM, which the kernel keeps) and the largest sum over the tree
 * (node and Pagefind). Nothing to install but the browser the search
 * measurement uses (scripts/ensure-browser.sh). Everything temporary goes
 * under one tmp folder, removed at the end.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Request } from 'playwright-core';
import { parse } from 'yaml';
import { searchPartFoldersAmong } from '../src/core/lib/search-parts.ts';
import { SITEMAP_LIMITS } from '../src/site/integrations/sitemap.ts';
import { barePages, writeAstroSite, writeHugoSite } from './lib/bare-sites.ts';
import { chromiumLaunchOptions } from './lib/chromium.ts';
import { audit, type Report } from './lib/lighthouse.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,20000' },
    keep: { type: 'boolean', default: false },
    port: { type: 'string', default: '4339' },
    // Compounds in each of the three synthetic counties joined into a province portal; 0: none.
    province: { type: 'string', default: '1000' },
  },
});
const sizes = values.sizes
  .split(',')
  .filter(Boolean)
  .map((s) => Number(s));
const EPOCH = String(Date.parse('2026-11-20T00:00:00+08:00') / 1000);
const root = process.cwd();
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const BUILD_SCRIPT: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.build;

interface Measured {
  seconds: number;
  /** Largest single process: its peak resident memory (VmHWM). */
  peakMiB: number;
  /** Largest sum of resident memory over the process tree, sampled every 100 ms. */
  treePeakMiB: number;
  output: string;
}

/** Resident memory now and at its peak (KiB) of each process of a tree, from /proc. */
function treeMemory(pid: number): { pid: number; rss: number; peak: number }[] {
  const found: { pid: number; rss: number; peak: number }[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      found.push({
        pid: p,
        rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
        peak: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
      });
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return found;
}

/** Runs a command and measures it; fails loudly if the command fails. */
function measure(command: string, args: string[], env: Record<string, string>): Promise<Measured> {
  // The previous step wrote or deleted gigabytes: let the disk finish that first, or this step pays for it.
  execFileSync('sync');
  const recent = emptied + RECENTLY_DELETED_MS - performance.now();
  if (recent > 0) execFileSync('sleep', [String(Math.ceil(recent / 1000))]);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: EPOCH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let treePeak = 0;
    // The kernel keeps each process's peak; the last reading before it exits is at most one interval old.
    const processPeaks = new Map<number, number>();
    const sample = () => {
      if (!child.pid) return;
      const tree = treeMemory(child.pid);
      treePeak = Math.max(
        treePeak,
        tree.reduce((sum, p) => sum + p.rss, 0),
      );
      for (const p of tree) processPeaks.set(p.pid, Math.max(processPeaks.get(p.pid) ?? 0, p.peak));
    };
    const sampler = setInterval(sample, 100);
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`));
        return;
      }
      const peak = Math.max(0, ...processPeaks.values());
      resolve({ seconds, peakMiB: peak / 1024, treePeakMiB: Math.max(treePeak, peak) / 1024, output });
    });
  });
}

async function countPages(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

interface PageWeight {
  slug: string;
  html: number;
  htmlGz: number;
  css: number;
  cssGz: number;
  js: number;
  jsFiles: number;
}

/** The largest compound page of a built site: its HTML, its inlined CSS, its scripts. */
async function heaviestPage(site: string): Promise<PageWeight> {
  let worst: PageWeight | undefined;
  for (const slug of await readdir(path.join(site, 'c'))) {
    const file = path.join(site, 'c', slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = await readFile(file);
    const text = html.toString('utf8');
    const css = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    const js = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
      .filter((m) => !/type="application\/(ld\+)?json"/.test(m[0]))
      .map((m) => m[1])
      .join('');
    const weight = {
      slug,
      html: html.length,
      htmlGz: gzipSync(html).length,
      css: Buffer.byteLength(css),
      cssGz: gzipSync(css).length,
      js: Buffer.byteLength(js),
      jsFiles: [...text.matchAll(/<script[^>]*\bsrc=/g)].length,
    };
    if (!worst || weight.htmlGz > worst.htmlGz) worst = weight;
  }
  if (!worst) throw new Error(`no compound page in ${site}`);
  return worst;
}

function serve(site: string, port: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/serve.ts'), site, port], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.once('data', () => resolve(child));
    child.once('error', reject);
  });
}

/**
 * Every request a page makes from now on, in order. What the first result cost is the requests made
 * before it showed, each counted whole: counting only those finished by then made the figure depend on
 * which response the browser was still reading at that moment.
 */
function requestsOf(page: Page): Request[] {
  const made: Request[] = [];
  page.on('request', (request) => made.push(request));
  return made;
}

/** The bytes (headers and body) of these requests' responses, once each has finished. */
async function responseBytes(requests: readonly Request[]): Promise<number> {
  const sizes = await Promise.all(
    requests.map(async (request) => {
      await (await request.response())?.finished();
      return request
        .sizes()
        .then((s) => s.responseBodySize + s.responseHeadersSize)
        .catch(() => 0);
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** The bytes of every part of the search index. */
async function searchIndexBytes(out: string): Promise<number> {
  const parts = searchPartFoldersAmong(await readdir(out));
  const sizes = await Promise.all(parts.map((part) => dirBytes(path.join(out, part))));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Bytes fetched from loading /search/?q=<name> until the first result is shown. */
async function searchBytes(
  site: string,
  query: string,
): Promise<{ bytes: number; requests: number; ms: number; slowMs: number; allBytes: number }> {
  const server = await serve(site, values.port);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // A resident's phone on a slow network: 400 kbps each way, 400 ms round trips (Chromium's own throttling).
    const slow = await browser.newPage();
    const cdp = await slow.context().newCDPSession(slow);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    });
    const slowStart = Date.now();
    await slow.goto(`http://127.0.0.1:${values.port}/search/?q=${encodeURIComponent(query)}`, { timeout: 180_000 });
    await slow.locator('.search-results a').first().waitFor({ timeout: 180_000 });
    const slowMs = Date.now() - slowStart;
    await slow.close();
    const page = await browser.newPage();
    const requests = requestsOf(page);
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${values.port}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-results a').first().waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    const first = [...requests];
    // The directory answers first; Pagefind's full results follow, and the list is busy until they are in.
    await page.locator('.search-results:not([aria-busy])').waitFor({ timeout: 60_000 });
    return {
      bytes: await responseBytes(first),
      requests: first.length,
      ms,
      slowMs,
      allBytes: await responseBytes(requests),
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Lighthouse's mobile performance score and metrics for a compound page, the home page, search and the dashboard. */
async function lighthouseOf(site: string, slug: string): Promise<Report[]> {
  const server = await serve(site, values.port);
  try {
    const pages = [`/c/${slug}/`, '/', '/search/', '/dashboard/'];
    return await audit(
      pages.map((p) => `http://127.0.0.1:${values.port}${p}`),
      ['performance'],
    );
  } finally {
    server.kill();
  }
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The built sitemap, read as a crawler would: sitemap.xml, and the files it indexes if it is an index. */
async function sitemapCheck(site: string): Promise<{ addresses: number; files: number; withinLimits: boolean }> {
  const top = await readFile(path.join(site, 'sitemap.xml'), 'utf8');
  const locs = (text: string) => [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
  const parts = top.includes('<sitemapindex')
    ? await Promise.all(locs(top).map((url) => readFile(path.join(site, new URL(url).pathname), 'utf8')))
    : [top];
  return {
    addresses: parts.reduce((sum, part) => sum + locs(part).length, 0),
    files: parts.length,
    withinLimits: parts.every(
      (part) => locs(part).length <= SITEMAP_LIMITS.urls && Buffer.byteLength(part) <= SITEMAP_LIMITS.bytes,
    ),
  };
}

interface Row {
  label: string;
  sitemap: { addresses: number; files: number; withinLimits: boolean };
  compounds: number;
  validate: Measured;
  build: Measured;
  searchSeconds: number | undefined;
  pages: number;
  page: PageWeight;
  search: { bytes: number; requests: number; ms: number; slowMs: number; allBytes: number };
  /** Lighthouse's mobile performance audit, on the sample site only. */
  lighthouse?: Report[] | undefined;
  indexMiB: number;
  /** `validate --changed` after one compound.yaml changed (synthetic data, in a git repository). */
  scoped?: Measured | undefined;
  /** The rebuilds after one compound's fees changed, with the first build's cache (incrementalBuilds). */
  incremental?: Incremental | undefined;
  /** A bare Hugo site of the same data, built just before and just after the build. */
  hugo?: number[] | undefined;
  /** The same bare site built by this project's Astro, just after the first Hugo build. */
  astro?: number | undefined;
}

type Rebuild = Measured & { reused: number };

interface Incremental {
  /** A new fee item in one compound (its search document changes), over the full build's output. */
  inPlace: Rebuild;
  /** The same, into an empty folder with a copy of the full build's cache. */
  intoEmpty: Rebuild;
  /** Then a price in another compound (no search document changes), over the output. */
  priceOnly: Rebuild;
}

/**
 * The synthetic data's commit is dated the day before the builds' today (EPOCH): the build reads git's history
 * only up to its today, and a commit of the bench's own day would be left out, the days rows were received
 * with it, which a county's first build has to read (src/core/data/git-received.ts).
 */
const COMMITTED = '2026-11-19T12:00:00+08:00';
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.cn', ...args], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED, GIT_COMMITTER_DATE: COMMITTED },
  });

/**
 * Where the trees a step is done with go until the next data set is generated: out of the way at once, deleted
 * while nothing is measured. On ext4, a file created soon after many were deleted costs the kernel a scan past
 * each recently deleted inode (a profile of a build right after deleting a previous output: 8 % of its samples
 * in find_inode_bit and recently_deleted), which grows with both counts; a build on a fresh CI machine pays
 * none of it. The bench deleted the Hugo output seconds before each build (20,000 files at 20,000 compounds):
 * 20,000 compounds took 2.17× the time of 10,000 so; two builds into fresh folders, nothing deleted near them, 1.97×.
 */
let trash = '';
let trashed = 0;
async function discard(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await mkdir(trash, { recursive: true });
  await rename(dir, path.join(trash, String(trashed++)));
}
/** Deletes what was discarded, before a data set is generated; measure() waits until those inodes are no longer recent. */
async function emptyTrash(): Promise<void> {
  await rm(trash, { recursive: true, force: true });
  execFileSync('sync');
  emptied = performance.now();
}
let emptied = Number.NEGATIVE_INFINITY;
/** ext4 counts an inode as recently deleted for a minute once its table is written (five more while it is not). */
const RECENTLY_DELETED_MS = 61_000;

/** Times Debian's hugo on the bare site of the same data (scripts/lib/bare-sites.ts). */
async function hugoSeconds(hugoDir: string, tmp: string): Promise<number> {
  const out = path.join(tmp, 'hugo-out');
  await rm(out, { recursive: true, force: true });
  const { seconds } = await measure('hugo', ['--quiet', '-s', hugoDir, '-d', out], {});
  await discard(out);
  return seconds;
}

/** Times this project's Astro on the bare site of the same data (scripts/lib/bare-sites.ts). */
async function astroSeconds(astroDir: string): Promise<number> {
  const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const { seconds } = await measure(process.execPath, [astroBin, 'build', '--root', astroDir], {});
  await discard(path.join(astroDir, 'dist'));
  return seconds;
}

/** Exactly what `npm run build` runs, without npm's own process in the measurement. */
function buildSite(contentDir: string, out: string, cache: string): Promise<Measured> {
  return measure('sh', ['-c', BUILD_SCRIPT], {
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    GONGSHI_CONTENT_DIR: contentDir,
    GONGSHI_OUT_DIR: out,
    GONGSHI_CACHE_DIR: cache,
  });
}

/** A compound whose fees hold a market-regulated price of 1.60 (the synthetic data copy the sample's). */
async function pricedCompound(contentDir: string, other: string): Promise<string> {
  for (const slug of (await readdir(path.join(contentDir, 'compounds'))).sort()) {
    if (slug === other) continue;
    const file = path.join(contentDir, 'compounds', slug, 'fees.csv');
    if ((await readFile(file, 'utf8').catch(() => '')).includes(PRICE)) return file;
  }
  throw new Error(`no compound's fees.csv holds ${PRICE}`);
}
const PRICE = ',1.60,市场调节价,';

/**
 * The rebuilds a change to one compound's fees causes, with the full build's cache. A new fee item, which
 * changes the compound's search document: over the full build's output (as on a machine, or a CI cache,
 * that keeps it: src/site/integrations/previous-output.ts), and into an empty folder (a CI machine that
 * restores the cache only, from a copy of the same cache). Then, over that output, a price changed in
 * another compound, which changes no search document: the search index is kept.
 */
async function incrementalBuilds(contentDir: string, out: string, cache: string, tmp: string): Promise<Incremental> {
  const slug = (await readdir(path.join(contentDir, 'compounds'))).sort()[0] as string;
  const file = path.join(contentDir, 'compounds', slug, 'fees.csv');
  const before = await readFile(file);
  const priced = await pricedCompound(contentDir, slug);
  const pricedBefore = await readFile(priced, 'utf8');
  const emptyOut = path.join(tmp, 'site-incremental');
  const cacheCopy = `${cache}-copy`;
  await cp(cache, cacheCopy, { recursive: true });
  await writeFile(
    file,
    `${before}地下车位管理费,车位业主,车位清洁与秩序维护,按合同约定,元/个·月,30.00,市场调节价,,,物业服务合同第七条,2026-11-01,2026-10-20\r\n`,
  );
  const reusedOf = (measured: Measured): Rebuild => ({
    ...measured,
    reused: Number(/(\d+) pages reused from the previous build/.exec(measured.output)?.[1] ?? 0),
  });
  try {
    const inPlace = reusedOf(await buildSite(contentDir, out, cache));
    const intoEmpty = reusedOf(await buildSite(contentDir, emptyOut, cacheCopy));
    await writeFile(priced, pricedBefore.replace(PRICE, ',1.80,市场调节价,'));
    const priceOnly = reusedOf(await buildSite(contentDir, out, cache));
    if (!priceOnly.output.includes('the index of the previous build kept')) {
      throw new Error('a price change changed a search document: the index was made again');
    }
    return { inPlace, intoEmpty, priceOnly };
  } finally {
    await writeFile(file, before);
    await writeFile(priced, pricedBefore);
    await discard(emptyOut);
    await discard(cacheCopy);
  }
}

/** `validate --changed HEAD` after a one-line change to one compound, in the data's own git repository. */
async function scopedValidation(contentDir: string): Promise<Measured> {
  const slug = (await readdir(path.join(contentDir, 'compounds'))).sort()[0] as string;
  const file = path.join(contentDir, 'compounds', slug, 'compound.yaml');
  const before = await readFile(file);
  await writeFile(file, `${before}# 改动\n`);
  try {
    return await measure(process.execPath, ['scripts/validate.ts', '--changed', 'HEAD'], {
      GONGSHI_CONTENT_DIR: contentDir,
    });
  } finally {
    await writeFile(file, before);
  }
}

async function run(label: string, contentDir: string, compounds: number, tmp: string, synthetic = false): Promise<Row> {
  let hugoDir: string | undefined;
  const hugo: number[] = [];
  let astro: number | undefined;
  if (synthetic) {
    const pages = await barePages(contentDir);
    hugoDir = path.join(tmp, `hugo-${compounds}`);
    await writeHugoSite(pages, hugoDir);
    console.error(`— ${label}: bare Hugo site`);
    hugo.push(await hugoSeconds(hugoDir, tmp));
    const astroDir = path.join(tmp, `astro-${compounds}`);
    await writeAstroSite(pages, astroDir, path.join(root, 'node_modules'));
    console.error(`— ${label}: bare Astro site`);
    astro = await astroSeconds(astroDir);
    await discard(astroDir);
  }
  console.error(`— ${label}: validating`);
  // Every measurement starts from an empty cache of its own: a full validation, a full build.
  const validate = await measure(process.execPath, ['scripts/validate.ts'], {
    GONGSHI_CONTENT_DIR: contentDir,
    GONGSHI_CACHE_DIR: path.join(tmp, `validate-cache-${compounds}`),
  });
  const out = path.join(tmp, `site-${compounds}`);
  const cache = path.join(tmp, `cache-${compounds}`);
  console.error(`— ${label}: building`);
  const build = await buildSite(contentDir, out, cache);
  if (hugoDir) {
    hugo.push(await hugoSeconds(hugoDir, tmp));
    await discard(hugoDir);
  }
  const indexed = /finishing the index took ([\d.]+) s/.exec(build.output);
  const first = (await readdir(path.join(contentDir, 'compounds'))).sort()[0] as string;
  const firstName = String(
    parse(await readFile(path.join(contentDir, 'compounds', first, 'compound.yaml'), 'utf8')).name,
  );
  console.error(`— ${label}: weighing pages and search`);
  const row: Row = {
    label,
    compounds,
    validate,
    build,
    searchSeconds: indexed ? Number(indexed[1]) : undefined,
    pages: await countPages(out),
    page: await heaviestPage(out),
    search: await searchBytes(out, firstName),
    // Every part of the index (src/core/lib/search-parts.ts): pagefind, pagefind-2, …
    indexMiB: (await searchIndexBytes(out)) / 1048576,
    sitemap: await sitemapCheck(out),
    lighthouse: compounds < 100 ? await lighthouseOf(out, first) : undefined,
    hugo: hugo.length > 0 ? hugo : undefined,
    astro,
  };
  // After the pages are weighed: the rebuild changes the site in place.
  if (synthetic) {
    row.scoped = await scopedValidation(contentDir);
    row.incremental = await incrementalBuilds(contentDir, out, cache, tmp);
  }
  await discard(cache);
  if (!values.keep) await discard(out);
  return row;
}

const kib = (n: number) => `${(n / 1024).toFixed(1)}`;

const hugoMean = (r: Row) => (r.hugo ? r.hugo.reduce((a, b) => a + b, 0) / r.hugo.length : undefined);
function hugoCell(r: Row): string {
  const mean = hugoMean(r);
  if (!r.hugo || mean === undefined) return '–';
  return `${r.hugo.map((h) => h.toFixed(1)).join(', ')} (${(r.build.seconds / mean).toFixed(1)}×)`;
}
function astroCell(r: Row): string {
  const mean = hugoMean(r);
  if (r.astro === undefined || mean === undefined) return '–';
  return `${r.astro.toFixed(1)} (${(r.astro / mean).toFixed(1)}×)`;
}

function table(rows: Row[]): string {
  const lines = [
    '| data | validate s | validate peak MiB: largest process, whole tree | build s | build peak MiB: largest process, whole tree | search index at the end s | HTML pages | pages/s | index MiB | largest compound page: HTML KiB (gzip) | CSS KiB (gzip) | JS at load: inline B, files | search: KiB fetched to first result (requests) | search on 400 kbps, 400 ms: s to first result | validate --changed s (one compound) | rebuild after one compound changed s: new fee item over the output, into an empty folder; a price over the output | bare Hugo s (build ÷ Hugo) | bare Astro s (÷ Hugo) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.validate.seconds.toFixed(1)} | ${r.validate.peakMiB.toFixed(0)}, ${r.validate.treePeakMiB.toFixed(0)} | ${r.build.seconds.toFixed(1)} | ${r.build.peakMiB.toFixed(0)}, ${r.build.treePeakMiB.toFixed(0)} | ${r.searchSeconds?.toFixed(1) ?? '?'} | ${r.pages} | ${(r.pages / r.build.seconds).toFixed(0)} | ${r.indexMiB.toFixed(1)} | ${kib(r.page.html)} (${kib(r.page.htmlGz)}) | ${kib(r.page.css)} (${kib(r.page.cssGz)}) | ${r.page.js}, ${r.page.jsFiles} | ${kib(r.search.bytes)} (${r.search.requests}) | ${(r.search.slowMs / 1000).toFixed(1)} | ${r.scoped ? r.scoped.seconds.toFixed(1) : '–'} | ${r.incremental ? `${r.incremental.inPlace.seconds.toFixed(1)}, ${r.incremental.intoEmpty.seconds.toFixed(1)}; ${r.incremental.priceOnly.seconds.toFixed(1)}` : '–'} | ${hugoCell(r)} | ${astroCell(r)} |`,
    );
  }
  return lines.join('\n');
}

/** The targets of the scale issue, against the measured rows: 10,000 compounds in under 60 s and 2 GiB, 20,000 in at most 2.1× the time. */
function targets(rows: Row[]): string {
  const at = (n: number) => rows.find((r) => r.label !== 'sample' && r.compounds === n);
  const lines: string[] = [];
  const tenK = at(10000);
  if (tenK) {
    const time = tenK.build.seconds < 60 ? 'met' : 'not met';
    const memory = tenK.build.treePeakMiB < 2048 ? 'met' : 'not met';
    lines.push(
      `- 10,000 compounds: build ${tenK.build.seconds.toFixed(0)} s (target under 60 s: ${time}), peak ${tenK.build.treePeakMiB.toFixed(0)} MiB for the whole process tree (target under 2,048 MiB: ${memory}).`,
    );
    const floor = hugoMean(tenK);
    if (floor !== undefined) {
      const ratio = tenK.build.seconds / floor;
      lines.push(
        `- 10,000 compounds: the build is ${ratio.toFixed(1)}× a bare Hugo site of the same data built in the same run (target at most 5×: ${ratio <= 5 ? 'met' : 'not met'}); whole tree ${tenK.build.treePeakMiB.toFixed(0)} MiB (target at most 2,048 MiB: ${memory}).`,
      );
      if (tenK.astro !== undefined) {
        lines.push(
          `- 10,000 compounds: the same bare site built by this project's Astro ${tenK.astro.toFixed(1)} s, ${(tenK.astro / floor).toFixed(1)}× Hugo: the floor of the chosen stack; the build is ${(tenK.build.seconds / tenK.astro).toFixed(1)}× that floor.`,
        );
      }
    }
    if (tenK.scoped) {
      lines.push(
        `- 10,000 compounds: \`validate --changed\` after a change to one compound ${tenK.scoped.seconds.toFixed(1)} s (target at most 3 s: ${tenK.scoped.seconds <= 3 ? 'met' : 'not met'}), peak ${tenK.scoped.peakMiB.toFixed(0)} MiB.`,
      );
    }
    if (tenK.incremental) {
      const { inPlace, intoEmpty, priceOnly } = tenK.incremental;
      const met = (r: Rebuild) => (r.seconds <= 15 ? 'met' : 'not met');
      lines.push(
        `- 10,000 compounds: rebuild after a new fee item in one compound, with the full build's cache, over its output ${inPlace.seconds.toFixed(1)} s (target at most 15 s: ${met(inPlace)}; ${inPlace.reused} pages reused, ${inPlace.treePeakMiB.toFixed(0)} MiB); into an empty folder ${intoEmpty.seconds.toFixed(1)} s (${intoEmpty.reused} reused, ${intoEmpty.treePeakMiB.toFixed(0)} MiB); then a price in another compound, over the output, the search index kept: ${priceOnly.seconds.toFixed(1)} s (${met(priceOnly)}; ${priceOnly.treePeakMiB.toFixed(0)} MiB).`,
      );
    }
    const twentyK = at(20000);
    if (twentyK) {
      const ratio = twentyK.build.seconds / tenK.build.seconds;
      lines.push(
        `- 20,000 compounds: ${ratio.toFixed(2)}× the build time of 10,000 (target at most 2.1×: ${ratio <= 2.1 ? 'met' : 'not met'}).`,
      );
    }
  }
  for (const r of rows) {
    for (const report of r.lighthouse ?? []) {
      const m = report.metrics;
      const ms = (id: string) => `${((m[id] ?? 0) / 1000).toFixed(1)} s`;
      lines.push(
        `- Lighthouse mobile, ${new URL(report.url).pathname} (${r.label}): performance ${report.scores.performance}; FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${Math.round(m['total-blocking-time'] ?? 0)} ms, CLS ${(m['cumulative-layout-shift'] ?? 0).toFixed(3)}.`,
      );
    }
    const kb = r.search.bytes / 1000;
    if (r.compounds >= 10000) {
      lines.push(
        `- search at ${r.label}: ${kb.toFixed(0)} KB to the first result (target at most 100 KB: ${kb <= 100 ? 'met' : 'not met'}), ${(r.search.slowMs / 1000).toFixed(1)} s on 400 kbps / 400 ms; ${(r.search.allBytes / 1000).toFixed(0)} KB once Pagefind has added the rest.`,
      );
    }
    const { addresses, files, withinLimits } = r.sitemap;
    lines.push(
      `- sitemap of ${r.label}: ${addresses} addresses in ${files} file(s)${files > 1 ? ' under an index' : ''}, each within 50,000 addresses and 50 MB: ${withinLimits ? 'met' : 'not met'}.`,
    );
  }
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

const COUNTIES = [
  ['qitai', '奇台县'],
  ['jimusaer', '吉木萨尔县'],
  ['mulei', '木垒哈萨克自治县'],
] as const;

/**
 * Three synthetic counties, each built on its own as a CI matrix job would, then joined
 * into one portal (scripts/province.ts), and searched across from the portal's root.
 */
async function province(compounds: number, tmp: string): Promise<string> {
  const builds: { slug: string; build: Measured }[] = [];
  for (const [i, [slug, name]] of COUNTIES.entries()) {
    const content = path.join(tmp, `province-${slug}`);
    console.error(`— province: ${name}, ${compounds} compounds`);
    execFileSync(
      process.execPath,
      [
        'scripts/generate-synthetic.ts',
        '--compounds',
        String(compounds),
        '--seed',
        String(i + 1),
        '--out',
        content,
        '--county',
        name,
        '--base-url',
        `https://wuye.example.cn/${slug}/`,
      ],
      { stdio: 'ignore' },
    );
    const build = await buildSite(content, path.join(tmp, `province-site-${slug}`), path.join(tmp, `cache-${slug}`));
    builds.push({ slug, build });
    await discard(content);
  }
  /** Joins the county sites found in `from` into `portal`, searching one way; times the join and a search. */
  const joined = async (portal: string, search: 'merge' | 'index', from: (slug: string) => string) => {
    const join = await measure(
      process.execPath,
      [
        'scripts/province.ts',
        '--move',
        '--search',
        search,
        '--out',
        portal,
        '--name',
        '新疆维吾尔自治区',
        '--base-url',
        'https://wuye.example.cn/',
        ...COUNTIES.map(([slug]) => from(slug)),
      ],
      {},
    );
    return { join, search: await provinceSearch(portal, '博格达小区1号'), bytes: await dirBytes(portal) };
  };
  const merged = path.join(tmp, 'province');
  const indexed = path.join(tmp, 'province-index');
  const merge = await joined(merged, 'merge', (slug) => path.join(tmp, `province-site-${slug}`));
  // The same county sites again, moved into a portal with one index of all of them.
  const index = await joined(indexed, 'index', (slug) => path.join(merged, slug));
  for (const portal of [merged, indexed]) if (!values.keep) await discard(portal);
  const slowest = Math.max(...builds.map((b) => b.build.seconds));
  const kb = (n: number) => (n / 1000).toFixed(0);
  return `\n- three counties of ${compounds.toLocaleString('en')} compounds, each built on its own: ${builds.map((b) => `${b.slug} ${b.build.seconds.toFixed(1)} s (${b.build.treePeakMiB.toFixed(0)} MiB)`).join(', ')}; as parallel CI jobs the slowest, ${slowest.toFixed(1)} s, is the wait. Joining them into one portal (moving the ${(merge.bytes / 2 ** 20).toFixed(0)} MiB of county sites under one folder, reading their open data and writing the root pages): ${merge.join.seconds.toFixed(1)} s. Search across the three from the portal's root, to the first result: Pagefind's multisite merge of the counties' indexes ${kb(merge.search.bytes)} KB in ${merge.search.requests} requests, ${(merge.search.ms / 1000).toFixed(1)} s on this machine; one province index built from the counties' search documents (join ${index.join.seconds.toFixed(1)} s with the index) ${kb(index.search.bytes)} KB in ${index.search.requests} requests, ${(index.search.ms / 1000).toFixed(1)} s.\n`;
}

/** Bytes fetched from loading the portal's /search/?q= until its first result is listed. */
async function provinceSearch(site: string, query: string): Promise<{ bytes: number; requests: number; ms: number }> {
  const server = await serve(site, values.port);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    const requests = requestsOf(page);
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${values.port}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#results a').first().waitFor({ timeout: 120_000 });
    const ms = Date.now() - started;
    const first = [...requests];
    return { bytes: await responseBytes(first), requests: first.length, ms };
  } finally {
    await browser.close();
    server.kill();
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

async function main(): Promise<void> {
  // The search measurement opens the built site in Debian's Chromium.
  execFileSync('bash', [path.join(root, 'scripts', 'ensure-browser.sh')], { stdio: 'inherit' });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'gongshi-bench-'));
  trash = path.join(tmp, 'discarded');
  execFileSync('bash', [path.join(root, 'scripts', 'ensure-hugo.sh')], { stdio: 'inherit' });
  const rows: Row[] = [];
  let provinceLines = '';
  try {
    const sample = await readdir(path.join(root, 'content', 'compounds'));
    rows.push(await run('sample', path.join(root, 'content'), sample.length, tmp));
    for (const n of sizes) {
      await emptyTrash();
      const dir = path.join(tmp, `repo-${n}`, 'content');
      console.error(`— ${n}: generating`);
      execFileSync(process.execPath, ['scripts/generate-synthetic.ts', '--compounds', String(n), '--out', dir], {
        stdio: 'ignore',
      });
      // In a git repository of its own, as a county's data are: `validate --changed` compares with HEAD.
      git(path.dirname(dir), 'init', '-q', '-b', 'main');
      git(path.dirname(dir), 'add', '.');
      git(path.dirname(dir), 'commit', '-q', '-m', 'synthetic');
      rows.push(await run(`synthetic ${n.toLocaleString('en')}`, dir, n, tmp, true));
      if (!values.keep) await discard(path.dirname(dir));
    }
    if (Number(values.province) > 0) provinceLines = await province(Number(values.province), tmp);
  } finally {
    if (!values.keep) await rm(tmp, { recursive: true, force: true });
  }
  const result = `Measured by \`npm run bench\` on ${machine()}.\n\n${table(rows)}\n${targets(rows)}${provinceLines}`;
  console.log(result);
  const doc = path.join(root, 'docs', 'performance.md');
  const previous = existsSync(doc) ? await readFile(doc, 'utf8') : '';
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  const block = `${START}\n${result}${END}`;
  const next =
    previous.includes(START) && previous.includes(END)
      ? previous.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block)
      : `# Performance\n\n${block}\n`;
  await writeFile(doc, next);
  // Biome formats Markdown too: align the table so that `biome check .` stays clean.
  execFileSync(bin('biome'), ['format', '--write', doc], { stdio: 'ignore' });
}

await main();
