import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankByTitle, titleTier } from '../../src/core/lib/search-rank.ts';
import { chineseWords, segmentQuery } from '../../src/core/lib/segment.ts';

describe('rankByTitle', () => {
  const results = [{ title: '文化路11号院' }, { title: '文化路1号院' }, { title: '棉麻小区' }];

  it('puts the compound whose name is the query first, not a neighbour with a similar number', () => {
    assert.deepEqual(
      rankByTitle(results, '文化路1号院').map((r) => r.title),
      ['文化路1号院', '文化路11号院', '棉麻小区'],
    );
    assert.deepEqual(
      rankByTitle(results, '文化路11号院').map((r) => r.title),
      ['文化路11号院', '文化路1号院', '棉麻小区'],
    );
  });

  it('keeps Pagefind’s order when no title matches, and ignores spaces and full-width digits', () => {
    assert.deepEqual(rankByTitle(results, '停车费'), results);
    assert.equal(titleTier('文化路1号院', ' 文化路１号院 '), 0);
    assert.equal(titleTier('文化路11号院', '文化路'), 1);
  });
});

describe('segmentQuery (browsers without Intl.Segmenter)', () => {
  const vocabulary = new Set(['天山', '花园', '公共', '收益', '文化', '停车费']);

  it('splits a Chinese query into the longest known words', () => {
    assert.equal(segmentQuery('天山花园', vocabulary), '天山 花园');
    assert.equal(segmentQuery('停车费', vocabulary), '停车费');
    assert.equal(segmentQuery('公共收益 天山', vocabulary), '公共 收益 天山');
  });

  it('keeps digits and Latin text, and unknown characters one by one', () => {
    assert.equal(segmentQuery('文化路1号院', vocabulary), '文化 路 1 号 院');
    assert.equal(segmentQuery('AB栋', vocabulary), 'AB 栋');
  });

  it('agrees with ICU’s segmentation for the words it was given', () => {
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    const words = new Set(chineseWords('天山花园 公共收益', segmenter));
    assert.ok(words.size >= 2);
    const icu = [...segmenter.segment('天山花园')].map((s) => s.segment).join(' ');
    assert.equal(segmentQuery('天山花园', words), icu);
  });
});
