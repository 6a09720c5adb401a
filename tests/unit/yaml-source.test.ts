import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { quickYaml, readYaml } from '../../src/core/data/yaml-source.ts';
import { PROJECT_ROOT, utf8 } from './helpers.ts';

const read = (text: string) => readYaml('compound.yaml', utf8(text));
const errors = (text: string) => read(text).problems.map((p) => [p.line, p.column, p.expected, p.found, p.severity]);

const DOC = `name: 测试花园
community: dongcheng
location: { lat: 44.012, lon: 89.59 }
manager:
  name: 测试员
  phone: "13800000000"
  empty:
  blank: ''
committee:
  members:
    - { name: 甲某, role: 主任 }
    - name: 乙某
      role: 委员
`;

describe('readYaml: data', () => {
  it('reads a mapping as plain data without problems', () => {
    const source = read(DOC);
    assert.deepEqual(source.problems, []);
    assert.deepEqual(source.data, {
      name: '测试花园',
      community: 'dongcheng',
      location: { lat: 44.012, lon: 89.59 },
      manager: { name: '测试员', phone: '13800000000', empty: null, blank: '' },
      committee: {
        members: [
          { name: '甲某', role: '主任' },
          { name: '乙某', role: '委员' },
        ],
      },
    });
  });

  it('uses the YAML 1.2 core schema: dates stay text, yes/no stay text', () => {
    assert.deepEqual(read('d: 2024-03-01\nb: yes\nq: 2025Q3\nt: true\nn: 12\n').data, {
      d: '2024-03-01',
      b: 'yes',
      q: '2025Q3',
      t: true,
      n: 12,
    });
  });

  it('keeps numbers typed with a leading zero as their digits (account tails, phones)', () => {
    assert.deepEqual(read('a: 0123\np: 09947231234\nz: 0\nn: 120\nf: 0.5\n').data, {
      a: '0123',
      p: '09947231234',
      z: 0,
      n: 120,
      f: 0.5,
    });
  });

  it('reads a UTF-8 BOM file and a GBK file (with a warning)', () => {
    assert.deepEqual(readYaml('a.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a: 1\n')])).data, { a: 1 });
    // "name: 测试" in GBK: 测 B2E2, 试 CAD4.
    const gbk = readYaml('a.yaml', new Uint8Array([...utf8('name: '), 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
    assert.deepEqual(gbk.data, { name: '测试' });
    assert.deepEqual(
      gbk.problems.map((p) => [p.label, p.severity]),
      [['文件编码', 'warning']],
    );
  });
});

describe('readYaml: locate', () => {
  const source = read(DOC);
  const cases: [PropertyKey[], { line: number; column: number; found?: string }][] = [
    [['name'], { line: 1, column: 7, found: '测试花园' }],
    [['community'], { line: 2, column: 12, found: 'dongcheng' }],
    [['location', 'lat'], { line: 3, column: 18, found: '44.012' }],
    [['manager', 'name'], { line: 5, column: 9, found: '测试员' }],
    // A quoted value is found as its text, located at its opening quote.
    [['manager', 'phone'], { line: 6, column: 10, found: '13800000000' }],
    [['committee', 'members', 0, 'name'], { line: 11, column: 15, found: '甲某' }],
    [['committee', 'members', 1, 'role'], { line: 13, column: 13, found: '委员' }],
  ];
  for (const [path, expected] of cases) {
    it(`finds ${path.join('.')} at ${expected.line}:${expected.column}`, () => {
      assert.deepEqual(source.locate(path), { found: undefined, ...expected });
    });
  }

  it('a map or list is found at its key and described in words', () => {
    assert.deepEqual(source.locate(['manager']), { line: 4, column: 1, found: '一组字段' });
    assert.deepEqual(source.locate(['committee', 'members']), { line: 10, column: 3, found: '一个列表' });
  });

  it('an empty value is found as nothing', () => {
    assert.equal(source.locate(['manager', 'empty']).found, undefined);
    assert.equal(source.locate(['manager', 'empty']).line, 7);
    assert.deepEqual(source.locate(['manager', 'blank']), { line: 8, column: 10, found: undefined });
  });

  it('a missing key is reported at the deepest key that is there', () => {
    assert.deepEqual(source.locate(['manager', 'since']), { line: 4, column: 1, found: undefined });
    assert.deepEqual(source.locate(['committee', 'members', 5, 'name']), { line: 10, column: 3, found: undefined });
    assert.deepEqual(source.locate(['committee', 'members', 1, 'phone']), { line: 12, column: 7, found: undefined });
    assert.deepEqual(source.locate(['manager', 'phone', 'deeper']), { line: 6, column: 3, found: undefined });
  });

  it('a missing top-level key is reported at the start of the file', () => {
    assert.deepEqual(source.locate(['public_revenue']), { line: 1, column: 1, found: undefined });
    assert.deepEqual(source.locate(['public_revenue', 'since']), { line: 1, column: 1, found: undefined });
  });

  it('the empty path is the whole document', () => {
    assert.deepEqual(source.locate([]), { line: 1, column: 1, found: '一组字段' });
  });
});

describe('readYaml: refused constructs', () => {
  it('a duplicate key is reported at the second one and no data is returned', () => {
    const source = read('name: a\ncommunity: x\nname: b\n');
    assert.equal(source.data, undefined);
    assert.deepEqual(errors('name: a\ncommunity: x\nname: b\n'), [
      [3, 1, '同一字段写了两次，请删除其中一个', undefined, 'error'],
    ]);
    assert.deepEqual(source.locate(['name']), { line: 1, column: 1 });
  });

  it('a nested duplicate key is found too', () => {
    assert.deepEqual(errors('manager:\n  name: a\n  name: b\n'), [
      [3, 3, '同一字段写了两次，请删除其中一个', undefined, 'error'],
    ]);
  });

  it('anchors and aliases are refused, each where it is', () => {
    const source = read('a: &x 1\nb: *x\n');
    assert.equal(source.data, undefined);
    assert.deepEqual(errors('a: &x 1\nb: *x\n'), [
      [1, 7, '不支持 YAML 锚点（&名称），请把内容直接写出', '&x', 'error'],
      [2, 4, '不支持 YAML 别名（*名称），请把内容直接写出', '*x', 'error'],
    ]);
  });

  it('an anchor on a map and a merge key are refused', () => {
    const found = read('base: &b\n  k: 1\nother:\n  <<: *b\n').problems.map((p) => p.found);
    assert.ok(found.includes('&b'), JSON.stringify(found));
    assert.ok(found.includes('*b'), JSON.stringify(found));
  });

  it('a custom tag is refused', () => {
    const source = read('a: !secret 1\n');
    assert.equal(source.data, undefined);
    assert.ok(
      source.problems.some((p) => p.expected === '不支持 YAML 标签（以 ! 开头），请删除' && p.found === '!secret'),
      JSON.stringify(source.problems),
    );
  });

  it('a custom tag gives exactly one problem, in Chinese, at the tag', () => {
    assert.deepEqual(errors('a: !secret 1\n'), [[1, 4, '不支持 YAML 标签（以 ! 开头），请删除', '!secret', 'error']]);
  });

  it('the standard !!str tag is allowed', () => {
    const source = read('a: !!str 1\n');
    assert.deepEqual(source.problems, []);
    assert.deepEqual(source.data, { a: '1' });
  });

  it('tab indentation is refused with advice', () => {
    assert.deepEqual(errors('manager:\n\tname: a\n'), [
      [2, 1, '缩进不能用制表符（Tab），请改用空格', undefined, 'error'],
    ]);
  });

  it('a misaligned key is reported as bad indentation', () => {
    assert.deepEqual(errors('a:\n  b: 1\n c: 2\n'), [
      [
        3,
        1,
        '这一行读不懂：常见原因是冒号后面缺少空格、用了中文冒号“：”、括号没有配对，或缩进不对（同一层对齐，下一层多缩进两个空格）',
        undefined,
        'error',
      ],
    ]);
  });

  it('an empty file, or one of only comments, is an error', () => {
    for (const text of ['', '\n\n', '# 只有注释\n']) {
      const source = read(text);
      assert.equal(source.data ?? undefined, undefined);
      assert.deepEqual(
        source.problems.map((p) => [p.file, p.line, p.column, p.label, p.expected, p.severity]),
        [['compound.yaml', 1, 1, 'YAML 格式', '文件是空的', 'error']],
        JSON.stringify(text),
      );
    }
  });

  it('a UTF-16 file is refused before parsing', () => {
    const source = readYaml('a.yaml', new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    assert.equal(source.data, undefined);
    assert.deepEqual(
      source.problems.map((p) => p.label),
      ['文件编码'],
    );
  });
});

describe('readYaml: the quick reading agrees with the exact one', () => {
  const exact = (text: string) => readYaml('compound.yaml', utf8(text), { exact: true });

  /** Every YAML file of the project: the sample content, the templates and the test fixtures. */
  const corpus = ['content', 'src/site/templates', 'tests/unit/fixtures'].flatMap((folder) =>
    readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => readFileSync(path.join(PROJECT_ROOT, folder, file), 'utf8')),
  );

  it('reads every sound file of the project as the exact reading does, and leaves the broken ones to it', () => {
    let sound = 0;
    for (const text of corpus) {
      const reference = exact(text);
      if (reference.problems.length === 0) {
        assert.deepEqual(quickYaml(text), reference.data, text.slice(0, 200));
        sound++;
      } else {
        assert.equal(quickYaml(text), undefined, text.slice(0, 200));
      }
    }
    assert.ok(sound > 20, `${sound} sound files`);
  });

  it('leaves to the exact reading what only it reports, and what it reads otherwise', () => {
    const cases = {
      tab: 'a:\n\tb: 1\n',
      longKey: `${'a'.repeat(1100)}: 1\n`,
      anchor: 'a: &x 1\nb: *x\n',
      tag: 'a: !!str 1\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      twoDocuments: 'a: 1\n---\nb: 2\n',
      duplicate: 'a: 1\n"a": 2\n',
      nullKey: '~: 1\n',
      numberKey: '1: a\n',
      empty: '# only a comment\n',
    };
    for (const [name, text] of Object.entries(cases)) assert.equal(quickYaml(text), undefined, name);
  });

  it('reads scalars as the YAML 1.2 core schema does, digits typed with a leading zero as text', () => {
    const text = [
      'a: ~',
      'b: null',
      'c: NULL',
      'd:',
      'e: nUll',
      'f: True',
      'g: FALSE',
      'h: yes',
      'i: 0759',
      'j: -0759',
      'k: 0o17',
      'l: 0x1F',
      'm: 0b11',
      'n: 1_000',
      'o: +5',
      'p: 1e3',
      'q: .5',
      'r: 00.5',
      's: -.INF',
      't: .NaN',
      'u: 2026-03-01',
      'v: "0759"',
      'w: 12:30',
      'x: 09947231234',
      'y: 1.',
      'z: 123456789012345678901234567890',
    ].join('\n');
    assert.deepEqual(quickYaml(text), exact(text).data);
  });

  it("agrees on thousands of damaged copies of the project's files (fixed seed)", () => {
    let seed = 20261201;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    // What people type by mistake, and what YAML reads in more than one way.
    const inserts = [
      '- ',
      ': ',
      ' ',
      '  ',
      '\n',
      '\t',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '!!str ',
      '!x ',
      '? ',
      '|',
      '>',
      '|-',
      '---',
      '...',
      '%YAML 1.2',
      '0759',
      '-0',
      '0o17',
      '0x1F',
      '0b11',
      '1_000',
      '1e3',
      '.5',
      '.inf',
      '.NaN',
      '~',
      'null',
      'Null',
      'true',
      'True',
      'yes',
      'on',
      '2026-03-01',
      '"\\u4e2d"',
      '"\\q"',
      '\\',
      '@',
      '%',
      '中文',
      '：',
      '０',
      '\u00a0',
      '\r\n',
      '\ufeff',
      '0.50',
      '+5',
      '12:30',
      'a: b: c',
      '- - x',
      '<<: x',
      '__proto__: 1',
    ];
    let agreed = 0;
    for (let i = 0; i < 3000; i++) {
      let text = pick(corpus);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const how = random();
        if (how < 0.4) text = text.slice(0, at) + pick(inserts) + text.slice(at);
        else if (how < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
        else {
          const line = text.lastIndexOf('\n', at) + 1;
          text = text.slice(0, line) + pick(['', ' ', '  ', '\t', '    ']) + text.slice(line).replace(/^ {0,2}/, '');
        }
      }
      const quick = quickYaml(text);
      if (quick === undefined) continue;
      const reference = exact(text);
      assert.deepEqual(reference.problems, [], `the quick reading accepted what the exact one refuses:\n${text}`);
      assert.ok(isDeepStrictEqual(quick, reference.data), `the readings differ:\n${text}`);
      agreed++;
    }
    // The damage must leave enough files readable for the comparison to mean something.
    assert.ok(agreed > 1000, `${agreed} readable copies`);
  });
});
