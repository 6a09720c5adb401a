/**
 * The printable pages made outside Astro (src/outputs/print/): which pages there are
 * for a 社区, what they hold, and that a committee's text stays text. How
 * they print (one A4 page each, the QR code scanning) is tested on real PDFs
 * in tests/e2e/print.spec.ts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { provideValidatedContent } from '../../src/core/data/content-bundle.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { ContentBundle } from '../../src/core/data/records.ts';
import { communityPrintPages, printUnits } from '../../src/outputs/print/print-pages.ts';
import { compoundUrl } from '../../src/outputs/print/print-view.ts';
import { olderBrowserTargets, printStylesheet } from '../../src/outputs/print/stylesheet.ts';
import { PROJECT_ROOT } from './helpers.ts';

let bundle: ContentBundle;

before(async () => {
  const result = await loadContent({
    contentDir: path.join(PROJECT_ROOT, 'content'),
    projectRoot: PROJECT_ROOT,
    today: '2026-11-20',
  });
  if (!result.bundle) throw new Error('the sample content does not validate');
  bundle = result.bundle;
  provideValidatedContent(result);
});

describe('the printable pages of a 社区', () => {
  it('are each compound’s notice and board, then the two pages that print them all', async () => {
    for (const community of await printUnits()) {
      const slugs = bundle.compounds.filter((r) => r.compound.community === community.slug).map((r) => r.slug);
      const paths = (await communityPrintPages(community, '/_astro/print.css')).map((p) => p.path).sort();
      const expected = [
        ...slugs.flatMap((slug) => [`/c/${slug}/notice/`, `/c/${slug}/board/`]),
        `/shequ/${community.slug}/notices/`,
        `/shequ/${community.slug}/boards/`,
      ].sort();
      assert.deepEqual(paths, expected, community.slug);
    }
  });

  it('carry the compound’s address in the QR code, the canonical link and the stylesheet', async () => {
    const [community] = await printUnits();
    if (!community) throw new Error('no sample 社区');
    const pages = await communityPrintPages(community, '/_astro/print.abc.css');
    for (const page of pages.filter((p) => p.path.startsWith('/c/'))) {
      const slug = page.path.split('/')[2] ?? '';
      assert.match(page.html, new RegExp(`data-qr-url="${compoundUrl(bundle.site.base_url, slug)}"`));
      assert.match(
        page.html,
        new RegExp(`<link rel="canonical" href="${new URL(page.path, bundle.site.base_url).href}">`),
      );
      assert.match(page.html, /<link rel="stylesheet" href="\/_astro\/print\.abc\.css">/);
      assert.doesNotMatch(page.html, /<script/);
    }
    const all = pages.find((p) => p.path === `/shequ/${community.slug}/notices/`);
    const count = bundle.compounds.filter((r) => r.compound.community === community.slug).length;
    assert.equal(all?.html.match(/<article class="sheet notice"/g)?.length, count);
  });

  it('write a committee’s text as text, never as markup', async () => {
    const [community] = await printUnits();
    const record = bundle.compounds.find((r) => r.compound.community === community?.slug);
    if (!community || !record) throw new Error('no sample compound');
    const name = record.compound.name;
    record.compound.name = '<img src=x onerror=alert(1)>花园';
    try {
      const page = (await communityPrintPages(community, '/p.css')).find((p) => p.path === `/c/${record.slug}/notice/`);
      assert.match(page?.html ?? '', /&lt;img src=x onerror=alert\(1\)&gt;花园/);
      assert.doesNotMatch(page?.html ?? '', /<img/);
    } finally {
      record.compound.name = name;
    }
  });
});

describe('the printed pages’ stylesheet', () => {
  it('is written for the older phones: no range media queries, the narrow layouts still there', () => {
    assert.deepEqual(olderBrowserTargets(), {
      chrome: 87 << 16,
      ios_saf: 14 << 16,
      safari: 14 << 16,
      firefox: 78 << 16,
      edge: 88 << 16,
    });
    const { css } = printStylesheet(PROJECT_ROOT);
    const queries = [...css.matchAll(/@media[^{]*/g)].map(([query]) => query);
    assert.ok(
      queries.some((query) => query.includes('max-width:40rem')),
      queries.join('\n'),
    );
    assert.deepEqual(
      queries.filter((query) => /\((?:width|height)\s*[<>=]/.test(query)),
      [],
    );
  });
});
