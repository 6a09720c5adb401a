/**
 * The all-clear is true at the size of a prefecture's county, not only on the
 * sample compounds: 400 synthetic compounds, 16 社区 (scripts/generate-synthetic.ts,
 * derived from the sample, so every kind of finding recurs) are built, and
 * every compound page, the /c/ index, the map's points, the home page's count
 * and the open lists are read from the files the build wrote. The page's own
 * evidence decides: a part marked 未公示 or an open finding rules out the all-clear.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { OPEN_LISTS } from '../../src/core/model/dashboard.ts';
import { buildSite } from './build-site.ts';

/** Enough for every template to recur two dozen times in different 社区, small enough to build in seconds. */
const SIZE = 400;
const OPEN = /data-level="(?:missing|overdue|stale|breach|warning)"|class="not-published"/;

/** Whether a compound page claims all clear, and whether any part of it shows something open. */
function verdict(html: string): { allClear: boolean; open: boolean } {
  const parts = html.split('<section class="section"').slice(1);
  return { allClear: html.includes('class="summary-ok"'), open: parts.some((part) => OPEN.test(part)) };
}

test(`on ${SIZE} synthetic compounds, no page, list, map point or count shows the all-clear while anything is open`, async () => {
  // Generating and building the synthetic county on a busy two-core machine.
  test.setTimeout(300_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-synthetic-'));
  try {
    const content = path.join(root, 'content');
    const site = path.join(root, 'site');
    const generated = spawnSync(
      process.execPath,
      ['scripts/generate-synthetic.ts', '--compounds', String(SIZE), '--out', content],
      { encoding: 'utf8' },
    );
    expect(generated.status, generated.stderr).toBe(0);
    const built = buildSite(content, site, path.join(root, 'cache'));
    expect(built.status, built.stderr).toBe(0);

    const slugs = (await readdir(path.join(site, 'c'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(slugs.length).toBe(SIZE);
    const clear = new Set<string>();
    const contradictions: string[] = [];
    for (const slug of slugs) {
      const page = verdict(await readFile(path.join(site, 'c', slug, 'index.html'), 'utf8'));
      if (page.allClear === page.open) contradictions.push(slug);
      if (page.allClear) clear.add(slug);
    }
    expect(contradictions).toEqual([]);
    expect(clear.size, 'some compounds are all clear').toBeGreaterThan(0);
    expect(clear.size, 'some are not').toBeLessThan(slugs.length);

    const index = await readFile(path.join(site, 'c', 'index.html'), 'utf8');
    for (const card of index.split('<li class="card">').slice(1)) {
      const slug = /href="\/c\/([^/"]+)\/"/.exec(card)?.[1] ?? '';
      expect(card.includes('data-level="ok"'), `/c/: ${slug}`).toBe(clear.has(slug));
    }
    const points = JSON.parse(await readFile(path.join(site, 'map', 'points.json'), 'utf8')) as {
      slug: string;
      status: string;
    }[];
    expect(points.filter((p) => (p.status === 'current') !== clear.has(p.slug)).map((p) => p.slug)).toEqual([]);
    const home = await readFile(path.join(site, 'index.html'), 'utf8');
    expect(home).toMatch(new RegExp(`<dt>公示全部按期</dt>\\s*<dd>${clear.size}/${SIZE}</dd>`));
    for (const list of OPEN_LISTS) {
      const html = await readFile(path.join(site, 'dashboard', list, 'index.html'), 'utf8');
      const listed = [...html.matchAll(/href="\/c\/([^/"]+)\/"/g)].map((m) => m[1] ?? '');
      expect(
        listed.filter((slug) => clear.has(slug)),
        list,
      ).toEqual([]);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
