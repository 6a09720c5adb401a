/**
 * The floor the bench compares the build with: a bare Hugo site of the same
 * data, one page per compound with its name, address, fee table and quarterly
 * revenue table, and Hugo's own home and section lists. Debian's `hugo`
 * package (scripts/ensure-hugo.sh). The data are read here, before Hugo is
 * timed: the comparison is of the site generators, not of reading CSV.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import Papa from 'papaparse';

const CONFIG = `baseURL = "https://example.cn/"
languageCode = "zh-cn"
title = "bare"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`;

const SINGLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1><p>{{ .Params.address }}</p>
<h2>收费</h2><table>{{ range .Params.fees }}<tr>{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</table>
<h2>公共收益</h2><table>{{ range .Params.quarters }}<tr>{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</table>
</body></html>
`;

const LIST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`;

/** The rows of a CSV file below its header, or none if the compound has no such file. */
async function rows(file: string): Promise<string[][]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim()).data.slice(1);
}

/** Writes the Hugo project for a content folder into `dir`; returns how many pages it has. */
export async function writeHugoSite(contentDir: string, dir: string): Promise<number> {
  await mkdir(path.join(dir, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(dir, 'content', 'c'), { recursive: true });
  await writeFile(path.join(dir, 'hugo.toml'), CONFIG);
  await writeFile(path.join(dir, 'layouts', '_default', 'single.html'), SINGLE);
  await writeFile(path.join(dir, 'layouts', '_default', 'list.html'), LIST);
  const slugs = await readdir(path.join(contentDir, 'compounds'));
  for (const slug of slugs) {
    const folder = path.join(contentDir, 'compounds', slug);
    const compound = load(await readFile(path.join(folder, 'compound.yaml'), 'utf8')) as {
      name: string;
      address: string;
    };
    const front = {
      title: compound.name,
      address: compound.address,
      fees: await rows(path.join(folder, 'fees.csv')),
      quarters: await rows(path.join(folder, 'public-revenue.csv')),
    };
    // Hugo reads JSON front matter as is: the data need no escaping for YAML or TOML.
    await writeFile(path.join(dir, 'content', 'c', `${slug}.md`), `${JSON.stringify(front)}\n`);
  }
  return slugs.length;
}
