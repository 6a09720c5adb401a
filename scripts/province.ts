/**
 * `npm run province -- --out DIR --name 新疆维吾尔自治区 --base-url https://wuye.example.cn/ [--move] [--search merge|index] COUNTY_SITE…`:
 * joins county sites, each already built on its own with a base_url ending in /<county>/,
 * into one province portal: each is copied unchanged under /<county>/, and the root gets
 * the county list, the province dashboard (from the counties' open data), a search across
 * all counties (Pagefind's multisite merge in the browser, or with --search index one index of
 * every county's search documents), the sitemap index, robots.txt and _headers.
 * docs/deployment.md describes the CI matrix that builds the counties and this step.
 */
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { provinceFiles, readCountySite, writeProvinceIndex } from '../src/outputs/province.ts';

const { values, positionals } = parseArgs({
  options: {
    out: { type: 'string' },
    name: { type: 'string' },
    'base-url': { type: 'string' },
    // The county sites are moved, not copied: for CI, whose downloaded artifacts are used once.
    move: { type: 'boolean', default: false },
    // merge (the browser merges the counties' indexes) or index (one index of all counties, built here).
    search: { type: 'string', default: 'merge' },
  },
  allowPositionals: true,
});
const search = values.search;
if (
  !values.out ||
  !values.name ||
  !values['base-url'] ||
  positionals.length === 0 ||
  (search !== 'merge' && search !== 'index')
) {
  console.error(
    'usage: province --out DIR --name 省区名 --base-url https://…/ [--move] [--search merge|index] COUNTY_SITE…',
  );
  process.exit(2);
}
const out = path.resolve(values.out);
const counties = await Promise.all(positionals.map((dir) => readCountySite(path.resolve(dir))));
const slugs = counties.map((c) => c.slug);
const twice = slugs.find((slug, i) => slugs.indexOf(slug) !== i);
if (twice) throw new Error(`two county sites are both served under /${twice}/`);
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const countyHeaders: string[] = [];
for (const [i, county] of counties.entries()) {
  const from = path.resolve(positionals[i] as string);
  countyHeaders.push(await readFile(path.join(from, '_headers'), 'utf8'));
  if (values.move) await rename(from, path.join(out, county.slug));
  else await cp(from, path.join(out, county.slug), { recursive: true });
}
const options = { name: values.name, baseUrl: values['base-url'], search } as const;
if (search === 'index')
  await writeProvinceIndex(
    counties.map((c) => path.join(out, c.slug)),
    out,
  );
for (const file of provinceFiles(options, counties, countyHeaders)) {
  await mkdir(path.dirname(path.join(out, file.path)), { recursive: true });
  await writeFile(path.join(out, file.path), file.text);
}
console.log(
  `${counties.length} county sites joined in ${out}: ${counties.map((c) => `/${c.slug}/ ${c.name} (${c.compounds})`).join(', ')}`,
);
