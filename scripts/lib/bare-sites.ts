/**
 * The floors the bench compares the build with: bare sites of the same data,
 * one page per compound with its name, address, fee table and quarterly
 * revenue table, and a home page listing them. One is built by Debian's `hugo`
 * package (scripts/ensure-hugo.sh), the target's yardstick; the other by this
 * project's own Astro, the floor of the chosen stack, so that the distance to
 * the target splits into what Astro itself costs and what this build adds.
 * The data are read here, before either is timed: the comparison is of the
 * site generators, not of reading CSV.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import Papa from 'papaparse';

/** What a bare page shows of one compound. */
export interface BarePage {
  slug: string;
  title: string;
  address: string;
  fees: string[][];
  quarters: string[][];
}

/** The rows of a CSV file below its header, or none if the compound has no such file. */
async function rows(file: string): Promise<string[][]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim()).data.slice(1);
}

/** Every compound of a content folder, as the bare pages show it. */
export async function barePages(contentDir: string): Promise<BarePage[]> {
  const pages: BarePage[] = [];
  for (const slug of await readdir(path.join(contentDir, 'compounds'))) {
    const folder = path.join(contentDir, 'compounds', slug);
    const compound = load(await readFile(path.join(folder, 'compound.yaml'), 'utf8')) as {
      name: string;
      address: string;
    };
    pages.push({
      slug,
      title: compound.name,
      address: compound.address,
      fees: await rows(path.join(folder, 'fees.csv')),
      quarters: await rows(path.join(folder, 'public-revenue.csv')),
    });
  }
  return pages;
}

const HUGO_CONFIG = `baseURL = "https://example.cn/"
languageCode = "zh-cn"
title = "bare"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`;

const HUGO_SINGLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1><p>{{ .Params.address }}</p>
<h2>收费</h2><table>{{ range .Params.fees }}<tr>{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</table>
<h2>公共收益</h2><table>{{ range .Params.quarters }}<tr>{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</table>
</body></html>
`;

const HUGO_LIST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`;

/** Writes the Hugo project of the bare pages into `dir`. */
export async function writeHugoSite(pages: readonly BarePage[], dir: string): Promise<void> {
  await mkdir(path.join(dir, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(dir, 'content', 'c'), { recursive: true });
  await writeFile(path.join(dir, 'hugo.toml'), HUGO_CONFIG);
  await writeFile(path.join(dir, 'layouts', '_default', 'single.html'), HUGO_SINGLE);
  await writeFile(path.join(dir, 'layouts', '_default', 'list.html'), HUGO_LIST);
  for (const { slug, ...front } of pages) {
    // Hugo reads JSON front matter as is: the data need no escaping for YAML or TOML.
    await writeFile(path.join(dir, 'content', 'c', `${slug}.md`), `${JSON.stringify(front)}\n`);
  }
}

/** The bare pages' data, read by both routes from this file: the read Hugo's front matter costs it. */
const ASTRO_DATA = 'pages.json';

const astroCompound = (data: string) => `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(data)}, 'utf8'));
  return pages.map((page) => ({ params: { slug: page.slug }, props: page }));
}
const { title, address, fees, quarters } = Astro.props;
---
<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><p>{address}</p>
<h2>收费</h2><table>{fees.map((row) => <tr>{row.map((cell) => <td>{cell}</td>)}</tr>)}</table>
<h2>公共收益</h2><table>{quarters.map((row) => <tr>{row.map((cell) => <td>{cell}</td>)}</tr>)}</table>
</body></html>
`;

const astroList = (data: string) => `---
import { readFileSync } from 'node:fs';
const pages = JSON.parse(readFileSync(${JSON.stringify(data)}, 'utf8'));
---
<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body>
<ul>{pages.map((page) => <li><a href={\`/c/\${page.slug}/\`}>{page.title}</a></li>)}</ul></body></html>
`;

/**
 * Writes the Astro project of the bare pages into `dir` (built with `astro build --root <dir>`). It uses
 * this project's Astro through a link to `nodeModules`: the same version, no install.
 */
export async function writeAstroSite(pages: readonly BarePage[], dir: string, nodeModules: string): Promise<void> {
  await mkdir(path.join(dir, 'src', 'pages', 'c'), { recursive: true });
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(path.join(dir, 'astro.config.mjs'), "export default { site: 'https://example.cn/' };\n");
  const data = path.resolve(dir, ASTRO_DATA);
  await writeFile(data, JSON.stringify(pages));
  await writeFile(path.join(dir, 'src', 'pages', 'c', '[slug].astro'), astroCompound(data));
  await writeFile(path.join(dir, 'src', 'pages', 'index.astro'), astroList(data));
}
