/**
 * The search index in parts (src/core/lib/search-parts.ts): how many parts, which part indexes a
 * compound, and where each part is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PART_SIZE,
  searchPartCount,
  searchPartFolder,
  searchPartFoldersAmong,
  searchPartMembers,
  searchPartOf,
  searchPartsInUse,
} from '../../src/core/lib/search-parts.ts';

test('a county of up to one part size has one part, at /pagefind/ as before', () => {
  assert.equal(searchPartCount(0, PART_SIZE), 1);
  assert.equal(searchPartCount(17, PART_SIZE), 1);
  assert.equal(searchPartCount(PART_SIZE, PART_SIZE), 1);
  assert.equal(searchPartCount(PART_SIZE + 1, PART_SIZE), 2);
  assert.equal(searchPartCount(10_000, 2500), 4);
  assert.deepEqual([0, 1, 2, 9].map(searchPartFolder), ['pagefind', 'pagefind-2', 'pagefind-3', 'pagefind-10']);
  // Read back from a built site's folders, in order; nothing else that starts alike.
  const names = ['pagefind-10', 'data', 'pagefind', 'pagefind-1', 'pagefinder', 'pagefind-2'];
  assert.deepEqual(searchPartFoldersAmong(names), ['pagefind', 'pagefind-2', 'pagefind-10']);
});

test('GONGSHI_SEARCH_PART_SIZE sets the part size, and must be a whole number', () => {
  const saved = process.env.GONGSHI_SEARCH_PART_SIZE;
  try {
    process.env.GONGSHI_SEARCH_PART_SIZE = '6';
    assert.equal(searchPartCount(17), 3);
    delete process.env.GONGSHI_SEARCH_PART_SIZE;
    assert.equal(searchPartCount(17), 1);
    for (const bad of ['0', '2.5', 'many']) {
      process.env.GONGSHI_SEARCH_PART_SIZE = bad;
      assert.throws(() => searchPartCount(17), new RegExp(`GONGSHI_SEARCH_PART_SIZE .*found ${bad}`));
    }
  } finally {
    if (saved === undefined) delete process.env.GONGSHI_SEARCH_PART_SIZE;
    else process.env.GONGSHI_SEARCH_PART_SIZE = saved;
  }
});

test("a compound's part depends on its address alone, and the parts are near equal", () => {
  const urls = Array.from({ length: 10_000 }, (_, i) => `/c/xiaoqu-${i}/`);
  const sizes = [0, 0, 0, 0];
  for (const url of urls) {
    const part = searchPartOf(url, 4);
    assert.equal(searchPartOf(url, 4), part);
    sizes[part] = (sizes[part] ?? 0) + 1;
  }
  // Within 5 % of a quarter each.
  for (const size of sizes) assert.ok(Math.abs(size - 2500) < 125, `parts of ${sizes.join(', ')}`);
});

test('only the parts some compound falls in are written and merged; no compounds, the first part', () => {
  const saved = process.env.GONGSHI_SEARCH_PART_SIZE;
  try {
    // 17 compounds in parts of one: 17 parts by count, and the hash leaves some of them empty.
    process.env.GONGSHI_SEARCH_PART_SIZE = '1';
    const urls = Array.from({ length: 17 }, (_, i) => `/c/xiaoqu-${i}/`);
    const used = searchPartsInUse(urls);
    assert.deepEqual(
      used,
      [...new Set(urls.map((url) => searchPartOf(url, 17)))].sort((a, b) => a - b),
    );
    assert.ok(used.length < 17, `${used.length} of 17 parts in use`);
    assert.deepEqual(searchPartsInUse([]), [0]);
    // Each page is in the part that indexes it, once, in the order of `urls`.
    const members = searchPartMembers(urls);
    assert.deepEqual([...members.keys()], used);
    for (const [part, positions] of members) {
      assert.deepEqual(
        positions,
        urls.flatMap((url, i) => (searchPartOf(url, 17) === part ? [i] : [])),
      );
    }
    assert.deepEqual([...searchPartMembers([])], [[0, []]]);
  } finally {
    if (saved === undefined) delete process.env.GONGSHI_SEARCH_PART_SIZE;
    else process.env.GONGSHI_SEARCH_PART_SIZE = saved;
  }
});
