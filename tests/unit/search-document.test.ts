import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { CommunityRecord } from '../../src/core/data/records.ts';
import { directoryKey, matchDirectory } from '../../src/core/lib/name-directory.ts';
import { compoundView } from '../../src/core/model/compound-view.ts';
import { directoryFiles } from '../../src/outputs/name-directory.ts';
import { latinForms, latinWords, searchDocument } from '../../src/outputs/search-document.ts';
import { baseCompound, baseRecord, MINIMAL_TODAY, PROJECT_ROOT } from './helpers.ts';

const community: CommunityRecord = {
  slug: 'dongcheng',
  name: '东城社区',
  address: '奇台县奇台镇东城路1号',
  phone: '0994-7230101',
  hours: '工作日 10:00—19:30',
};

/** The text of an element (its first occurrence) of a search document. */
const attribute = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('searchDocument', () => {
  test('carries the name as the heading, the 社区 and address as meta, and the three filters', () => {
    const { url, html } = searchDocument(compoundView(baseRecord(), MINIMAL_TODAY), community, undefined);
    assert.equal(url, '/c/ceshi-xiaoqu/');
    assert.match(html, /<h1>测试花园<\/h1>/);
    assert.deepEqual(attribute(html, 'data-pagefind-meta'), ['community:东城社区', 'address:奇台县奇台镇东城路10号']);
    assert.deepEqual(attribute(html, 'data-pagefind-filter'), [
      '社区:东城社区',
      '物业服务企业:专业物业服务企业',
      '公示状态:各项按期',
    ]);
    assert.match(html, /<body data-pagefind-body>/);
  });

  test('lists only the parts the compound publishes, with their fee, revenue and service items', () => {
    const record = baseRecord({
      elevators: [],
      revenueItems: [
        { quarter: '2026Q1', kind: '收入', item: '地面停车费', amount: 100000 },
        { quarter: '2026Q2', kind: '收入', item: '地面停车费', amount: 120000 },
      ],
    });
    const { html } = searchDocument(compoundView(record, MINIMAL_TODAY), community, undefined);
    assert.match(html, /<h2>物业收费项目及标准<\/h2><p>[^<]*物业服务费/);
    assert.match(html, /<h2>公共收益收支情况<\/h2><p>地面停车费<\/p>/);
    assert.match(html, /<h2>物业服务内容及标准<\/h2><p>保洁<\/p>/);
    assert.match(html, /<h2>小区物业负责人信息<\/h2><p>测试员<\/p>/);
    // No elevators were published: the word must not make this compound a result for 电梯.
    assert.doesNotMatch(html, /电梯/);
    const withoutRevenue = baseRecord();
    const { public_revenue: _dropped, ...compound } = baseCompound();
    withoutRevenue.compound = compound;
    assert.doesNotMatch(
      searchDocument(compoundView(withoutRevenue, MINIMAL_TODAY), community, undefined).html,
      /公共收益/,
    );
  });

  test('holds no amounts and no phone numbers', () => {
    const { html } = searchDocument(compoundView(baseRecord(), MINIMAL_TODAY), community, undefined);
    assert.doesNotMatch(html, /13800000000|0994-7230003|5,?600\.00/);
  });

  test('escapes what a committee typed', () => {
    const record = baseRecord();
    record.compound = { ...baseCompound(), name: '<b>花园</b> & "院"' };
    const { html } = searchDocument(compoundView(record, MINIMAL_TODAY), community, undefined);
    assert.match(html, /<h1>&lt;b&gt;花园&lt;\/b&gt; &amp; &quot;院&quot;<\/h1>/);
  });

  test('finds every topic of the sample data exactly where the compound page shows it', async () => {
    const { bundle } = await loadContent({
      contentDir: `${PROJECT_ROOT}/content`,
      projectRoot: PROJECT_ROOT,
      today: '2026-11-20',
    });
    assert.ok(bundle);
    const communities = new Map(bundle.communities.map((c) => [c.slug, c]));
    for (const record of bundle.compounds) {
      const view = compoundView(record, bundle.today);
      const { html } = searchDocument(view, communities.get(record.compound.community) as CommunityRecord, undefined);
      assert.equal(html.includes('<h2>电梯</h2>'), record.elevators.length > 0, record.slug);
      assert.equal(html.includes('公共收益'), record.compound.public_revenue !== undefined, record.slug);
    }
  });
});

describe('latinWords', () => {
  test('gives the full pinyin, its syllables, the initials and the slug', () => {
    assert.deepEqual(latinWords('金水湾小区', 'jinshuiwan'), [
      'jinshuiwanxiaoqu',
      'jin',
      'shui',
      'wan',
      'xiao',
      'qu',
      'jswxq',
      'jinshuiwan',
    ]);
    // The joined slug is the full pinyin here: once is enough.
    assert.deepEqual(latinWords('天山花园', 'tianshan-huayuan'), [
      'tianshanhuayuan',
      'tian',
      'shan',
      'hua',
      'yuan',
      'tshy',
      'tianshan',
      'huayuan',
    ]);
  });
});

describe('the name directory files', () => {
  it('find every sample compound by its name, pinyin, initials and slug, first', async () => {
    const result = await loadContent({
      projectRoot: PROJECT_ROOT,
      contentDir: path.join(PROJECT_ROOT, 'content'),
      today: '2026-11-20',
    });
    if (!result.bundle) throw new Error('sample data does not validate');
    const files = directoryFiles(result.bundle);
    for (const { slug, compound } of result.bundle.compounds) {
      const forms = latinForms(compound.name, slug);
      const found = (query: string) => {
        const key = directoryKey(query);
        assert.ok(key, query);
        return matchDirectory(files.get(key) ?? [], query).map((entry) => entry[1]);
      };
      for (const query of [compound.name, slug]) assert.equal(found(query)[0], slug, query);
      // 文化路1号院 and 文化路11号院 share their pinyin: both are listed, the name and slug tell them apart.
      for (const query of [forms.pinyin, forms.initials]) assert.ok(found(query).includes(slug), query);
    }
  });
});
