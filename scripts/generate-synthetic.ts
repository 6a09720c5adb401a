/**
 * `npm run generate:synthetic -- --compounds N --out DIR [--seed S] [--today YYYY-MM-DD]`:
 * writes a valid synthetic content folder for load tests (scripts/bench.ts).
 *
 * Everything county-wide in content/ (every top-level file and folder except
 * compounds/) is copied as it is; then N compounds are derived from the
 * sample compounds used as templates, round robin: `<template>-<n>` with a
 * numbered name, a jittered location inside Qitai, and five years (20
 * quarters) of public revenue computed in integer fen so that every
 * cross-check holds. The other tables (fees, elevators, …) are copied from the
 * template. Every 25 compounds share a 社区, as in a real county (the sample's
 * 社区 are copied as more numbered ones when N needs them), so that per-社区
 * pages grow as they would, not to thousands of compounds each.
 * A seeded PRNG makes runs identical, so timings are comparable.
 * Build with GONGSHI_CONTENT_DIR=DIR; content/ itself is never touched.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';

const { values } = parseArgs({
  options: {
    compounds: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string', default: '2026-11-20' },
    source: { type: 'string', default: 'content' },
    // One county of a province portal (npm run bench -- --province N): its name and its own address.
    county: { type: 'string' },
    'base-url': { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: generate-synthetic --compounds N --out DIR [--seed S] [--today YYYY-MM-DD]');
  process.exit(2);
}
const count = Number(values.compounds);
if (!Number.isInteger(count) || count < 0) throw new Error(`--compounds must be a whole number: ${values.compounds}`);
const source = path.resolve(values.source);
const out = path.resolve(values.out);
const today = values.today;
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD: ${today}`);

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(Number(values.seed));
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const BOM = '\uFEFF';
const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');

interface Quarter {
  year: number;
  q: number;
}
const label = ({ year, q }: Quarter) => `${year}Q${q}`;
const previousQuarter = ({ year, q }: Quarter): Quarter => (q === 1 ? { year: year - 1, q: 4 } : { year, q: q - 1 });

/** The 20 quarters ending with the last one closed before `today`. */
function quarters(): Quarter[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  let current = previousQuarter({ year: y, q: Math.floor((m - 1) / 3) + 1 });
  const list: Quarter[] = [];
  for (let i = 0; i < 20; i++) {
    list.unshift(current);
    current = previousQuarter(current);
  }
  return list;
}
const QUARTERS = quarters();

/** A day in the first month after the quarter, never after today. */
function publishedOn(quarter: Quarter): string {
  const year = quarter.q === 4 ? quarter.year + 1 : quarter.year;
  const month = quarter.q === 4 ? 1 : quarter.q * 3 + 1;
  const date = `${year}-${pad(month)}-${pad(between(5, 25))}`;
  return date > today ? today : date;
}

const INCOME = ['地面停车费', '临时停车费', '电梯广告', '快递柜场地费', '场地租赁'];
const EXPENSE = ['停车管理劳务费', '增值税及附加', '银行账户管理费及手续费'];

function revenueTables(percent: number): { summary: string; items: string } {
  const summary = [
    '季度,公示日期,收入合计（元）,支出合计（元）,业主分成（元）,企业分成（元）,转入维修资金（元）,期末结余（元）,备注',
  ];
  const items = ['季度,收支类别,项目,金额（元）,说明'];
  let balance = between(0, 5_000_000);
  for (const quarter of QUARTERS) {
    let income = 0;
    let expense = 0;
    const incomeCount = between(2, INCOME.length);
    for (const name of INCOME.slice(0, incomeCount)) {
      const fen = between(20_000, 2_000_000);
      income += fen;
      items.push(`${label(quarter)},收入,${name},${yuan(fen)},`);
    }
    for (const name of EXPENSE.slice(0, between(1, EXPENSE.length))) {
      // Expenses stay below a third of income, so net revenue is positive.
      const fen = between(100, Math.floor(income / (3 * EXPENSE.length)));
      expense += fen;
      items.push(`${label(quarter)},支出,${name},${yuan(fen)},`);
    }
    const net = income - expense;
    const owner = Math.round((net * percent) / 100);
    const company = net - owner;
    const transfer = random() < 0.1 ? Math.min(balance + owner, between(1, 30) * 100_000) : 0;
    balance = balance + owner - transfer;
    const note = transfer > 0 ? '经业委会决议转入专项维修资金' : '';
    summary.push(
      [
        label(quarter),
        publishedOn(quarter),
        yuan(income),
        yuan(expense),
        yuan(owner),
        yuan(company),
        yuan(transfer),
        yuan(balance),
        note,
      ].join(','),
    );
  }
  return { summary: `${BOM + summary.join('\n')}\n`, items: `${BOM + items.join('\n')}\n` };
}

/**
 * County-wide files may name sample compounds (e.g. oversight/evaluations.csv):
 * point each at the first synthetic compound made from that template, which
 * exists whenever N is at least the number of templates.
 */
async function renameReferences(templates: string[]): Promise<void> {
  const pattern = new RegExp(`(?<![a-z0-9-])(${templates.join('|')})(?![a-z0-9-])`, 'g');
  const first = new Map(templates.map((slug, i) => [slug, `${slug}-${i + 1}`]));
  for (const entry of await readdir(out, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.(csv|ya?ml|mdx?|json)$/.test(entry.name)) continue;
    if (path.relative(out, file).startsWith(`compounds${path.sep}`)) continue;
    const text = await readFile(file, 'utf8');
    const renamed = text.replace(pattern, (slug) => first.get(slug) ?? slug);
    if (renamed !== text) await writeFile(file, renamed);
  }
}

/** About as many compounds as a 社区 of a county seat looks after. */
const COMPOUNDS_PER_COMMUNITY = 25;

/**
 * `needed` 社区 slugs: the sample's own first, then numbered copies of them
 * (`beicheng-2`, 北城社区2, …) written next to them in communities/.
 */
async function syntheticCommunities(needed: number): Promise<string[]> {
  const folder = path.join(out, 'communities');
  const samples = (await readdir(folder)).filter((n) => n.endsWith('.yaml')).sort();
  const slugs: string[] = [];
  for (let i = 0; i < needed; i++) {
    const file = samples[i % samples.length] as string;
    const copy = Math.floor(i / samples.length) + 1;
    const slug = file.replace(/\.yaml$/, '');
    if (copy === 1) {
      slugs.push(slug);
      continue;
    }
    const doc = parseDocument(await readFile(path.join(folder, file), 'utf8'));
    doc.set('name', `${String(doc.get('name'))}${copy}`);
    await writeFile(path.join(folder, `${slug}-${copy}.yaml`), doc.toString({ lineWidth: 0 }));
    slugs.push(`${slug}-${copy}`);
  }
  return slugs.length > 0 ? slugs : samples.map((f) => f.replace(/\.yaml$/, ''));
}

/** Names the county and its address in site.yaml, when asked: a county of a synthetic province. */
async function setCounty(): Promise<void> {
  if (!values.county && !values['base-url']) return;
  const file = path.join(out, 'site.yaml');
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (values.county) doc.set('county', values.county);
  if (values['base-url']) doc.set('base_url', values['base-url']);
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}

async function main(): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'compounds'), { recursive: true });
  // County-wide data: everything but compounds/, including folders added after this script was written.
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.name === 'compounds') continue;
    await cp(path.join(source, entry.name), path.join(out, entry.name), { recursive: true });
  }
  const templates = (await readdir(path.join(source, 'compounds'), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const templateFiles = new Map<string, Map<string, Buffer>>();
  for (const slug of templates) {
    const dir = path.join(source, 'compounds', slug);
    const files = new Map<string, Buffer>();
    for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name)));
    templateFiles.set(slug, files);
  }
  await renameReferences(templates);
  await setCounty();
  const communities = await syntheticCommunities(Math.ceil(count / COMPOUNDS_PER_COMMUNITY));
  for (let n = 1; n <= count; n++) {
    const template = templates[(n - 1) % templates.length] as string;
    const files = templateFiles.get(template) as Map<string, Buffer>;
    const slug = `${template}-${n}`;
    const dir = path.join(out, 'compounds', slug);
    await mkdir(dir);
    const doc = parseDocument((files.get('compound.yaml') as Buffer).toString('utf8'));
    const name = `${String(doc.get('name'))}${n}号`;
    doc.set('name', name);
    doc.set('community', communities[Math.floor((n - 1) / COMPOUNDS_PER_COMMUNITY)]);
    doc.setIn(['location', 'lat'], Number((43.99 + random() * 0.05).toFixed(5)));
    doc.setIn(['location', 'lon'], Number((89.56 + random() * 0.06).toFixed(5)));
    const writes: Promise<void>[] = [];
    if (doc.has('public_revenue')) {
      doc.setIn(['public_revenue', 'since'], label(QUARTERS[0] as Quarter));
      if (doc.hasIn(['public_revenue', 'account_holder']))
        doc.setIn(['public_revenue', 'account_holder'], `${name}业主委员会`);
      const percent = Number(doc.getIn(['public_revenue', 'owner_share_percent']));
      const { summary, items } = revenueTables(percent);
      writes.push(writeFile(path.join(dir, 'public-revenue.csv'), summary));
      writes.push(writeFile(path.join(dir, 'public-revenue-items.csv'), items));
    }
    writes.push(writeFile(path.join(dir, 'compound.yaml'), doc.toString({ lineWidth: 0 })));
    for (const [file, bytes] of files) {
      if (file === 'compound.yaml' || file.startsWith('public-revenue')) continue;
      writes.push(writeFile(path.join(dir, file), bytes));
    }
    await Promise.all(writes);
  }
  console.log(`${count} synthetic compounds from ${templates.length} templates written to ${out}`);
}

await main();
