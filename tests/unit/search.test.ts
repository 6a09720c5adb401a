import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DirectoryEntry,
  directoryKey,
  entryKeys,
  matchDirectory,
  squash,
} from '../../src/core/lib/name-directory.ts';
import { nearQueries, rankByTitle, titleTier, withEveryKnownWord } from '../../src/core/lib/search-rank.ts';
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

describe('the name directory', () => {
  it('files a word under its first Chinese character, or its first two Latin letters or digits', () => {
    assert.equal(directoryKey('金水湾小区'), 'u91d1');
    assert.equal(directoryKey(' Jin-shui'), 'ji');
    assert.equal(directoryKey('１号院'), '1u53f7');
    assert.equal(directoryKey('j'), undefined);
    assert.equal(directoryKey('  '), undefined);
    assert.equal(squash('天山 花园·二期'), '天山花园二期');
  });

  it('lists a compound under its name and each Latin word that starts differently', () => {
    assert.deepEqual(entryKeys('金水湾小区', ['jinshuiwanxiaoqu', 'jswxq', 'jinshuiwan']), {
      byName: 'u91d1',
      byLatin: ['ji', 'js'],
    });
  });

  const entries: DirectoryEntry[] = [
    ['博格达小区10号', 'b10', '北城社区', '', 'bogedaxiaoquhao bgdxqh bogedaxiaoqu10'],
    ['博格达小区1号', 'b1', '北城社区', '', 'bogedaxiaoquhao bgdxqh bogedaxiaoqu1'],
    ['博格达小区', 'b', '北城社区', '', 'bogedaxiaoqu bgdxq bogedaxiaoqu'],
    ['博物馆家属院', 'bw', '南门社区', '', 'bowuguanjiashuyuan bwgjsy bowuguan'],
  ];

  it('puts the name that is the query first, then names that start with it, shortest first', () => {
    assert.deepEqual(
      matchDirectory(entries, '博格达小区1号').map((e) => e[1]),
      ['b1'],
    );
    assert.deepEqual(
      matchDirectory(entries, '博格达').map((e) => e[1]),
      ['b', 'b1', 'b10'],
    );
    assert.deepEqual(
      matchDirectory(entries, 'bgd').map((e) => e[1]),
      ['b', 'b1', 'b10'],
    );
    assert.deepEqual(
      matchDirectory(entries, 'bowuguan').map((e) => e[1]),
      ['bw'],
    );
    assert.deepEqual(matchDirectory(entries, '格达'), []);
  });
});

describe('nearQueries', () => {
  it('leaves out each word in turn, and splits one Chinese word of three or more characters', () => {
    assert.deepEqual(nearQueries(['金水', '弯', '小区']), ['弯 小区', '金水 小区', '金水 弯']);
    assert.deepEqual(nearQueries(['金水弯']), ['水 弯', '金 弯', '金 水']);
  });

  it('has nothing to offer for a single word', () => {
    assert.deepEqual(nearQueries(['jinshw']), []);
    assert.deepEqual(nearQueries(['金水']), []);
    assert.deepEqual(nearQueries([]), []);
  });
});

describe('withEveryKnownWord', () => {
  const ids = (...list: string[]) => list.map((id) => ({ id }));
  it('keeps the results that hold every word some merged index knows', () => {
    // 天山 物业 over parts: the parts without 天山 left it out and answered with every 物业.
    const results = ids('tianshan', 'a', 'b');
    assert.deepEqual(withEveryKnownWord(results, [ids('tianshan'), ids('tianshan', 'a', 'b', 'c')]), ids('tianshan'));
  });

  it('leaves out a word no index knows, as one index does', () => {
    assert.deepEqual(withEveryKnownWord(ids('a', 'b'), [[], ids('a', 'b')]), ids('a', 'b'));
    assert.deepEqual(withEveryKnownWord(ids('a'), [ids('b'), ids('a')]), []);
  });
});
