/**
 * Hostile and broken input: every case breaks the minimal content set in one
 * way a committee (or an attacker) could, and must give a located Chinese
 * error — file, line, column, message — or load as plain text. Validation
 * never throws. Large inputs are generated here, never committed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadContent, readSourceFile } from '../../src/core/data/load-content.ts';
import { formatProblem, type Problem } from '../../src/core/data/problems.ts';
import { MAX_FILE_BYTES, type SourceFile, validateContent } from '../../src/core/data/validate-content.ts';
import { copyMinimal, MINIMAL, MINIMAL_TODAY, utf8 } from './helpers.ts';

const DIR = 'compounds/ceshi-xiaoqu/';
const FEES = `${DIR}fees.csv`;
const QUARTERS = `${DIR}public-revenue.csv`;
const ITEMS = `${DIR}public-revenue-items.csv`;
const YAML = `${DIR}compound.yaml`;

async function readTree(dir: string, base = ''): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await readTree(dir, relative)));
    else files.push({ path: relative, bytes: await readFile(path.join(dir, relative)) });
  }
  return files;
}

const minimal = await readTree(MINIMAL);
const text = (file: string) => new TextDecoder().decode(minimal.find((f) => f.path === file)?.bytes);
/** The line just after the last line of a file of the minimal set. */
const endLine = (file: string) => text(file).trimEnd().split('\n').length + 1;

type Files = Map<string, Uint8Array>;
interface Case {
  name: string;
  mutate: (files: Files) => void;
  /** `file:line:column` and a part of the expected message, for each error the case must give; [] means it loads. */
  errors: [string, string][];
}

const replace = (files: Files, file: string, from: string | RegExp, to: string) => {
  const before = new TextDecoder().decode(files.get(file));
  const after = before.replace(from, to);
  assert.notEqual(after, before, `${String(from)} not found in ${file}`);
  files.set(file, utf8(after));
};
const set = (files: Files, file: string, body: string | Uint8Array) =>
  files.set(file, typeof body === 'string' ? utf8(body) : body);

function run(mutate: (files: Files) => void, today = MINIMAL_TODAY) {
  const files: Files = new Map(minimal.map((f) => [f.path, f.bytes]));
  mutate(files);
  return validateContent(
    [...files].map(([p, bytes]) => ({ path: p, bytes })),
    { today, mode: 'tree', displayPrefix: 'content/' },
  );
}

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** GB18030 bytes of a string, from a table built with the decoder (Node has no GBK encoder). */
function gbk(textToEncode: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of textToEncode)
    out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return new Uint8Array(out);
}

function utf16(body: string): Uint8Array {
  const out = new Uint8Array(2 + body.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < body.length; i++) {
    out[2 + i * 2] = body.charCodeAt(i) & 0xff;
    out[3 + i * 2] = body.charCodeAt(i) >> 8;
  }
  return out;
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>';
/** What a notice's problems say: a link to no web page, and code or markup where Markdown belongs. */
const LINK = '链接只能指向网页';
const MARKUP = '公告只能用 Markdown 书写';

export const CASES: Case[] = [
  {
    name: 'truncated CSV (cut inside a row)',
    mutate: (f) => set(f, FEES, text(FEES).slice(0, text(FEES).indexOf('\n') + 40)),
    errors: [['fees.csv:2:7', '这一行有 6 列，表头有 12 列']],
  },
  {
    name: 'unbalanced quotes',
    mutate: (f) => replace(f, QUARTERS, '"10,000.00"', '"10,000.00'),
    errors: [['public-revenue.csv:2:1', '引号不成对']],
  },
  {
    name: 'semicolon as delimiter',
    mutate: (f) => set(f, ITEMS, text(ITEMS).replaceAll(',', ';')),
    errors: [['public-revenue-items.csv:1:1', '列之间应以英文逗号分隔']],
  },
  {
    name: 'tab as delimiter',
    mutate: (f) => set(f, ITEMS, text(ITEMS).replaceAll(',', '\t')),
    errors: [['public-revenue-items.csv:1:1', '列之间应以英文逗号分隔']],
  },
  {
    name: 'an extra column in a row',
    mutate: (f) => replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', '2026Q1,收入,地面停车费,8000,,多余'),
    errors: [['public-revenue-items.csv:2:6', '这一行有 6 列，表头有 5 列']],
  },
  {
    name: 'a missing column in a row',
    mutate: (f) => replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', '2026Q1,收入,地面停车费'),
    errors: [['public-revenue-items.csv:2:4', '这一行有 3 列，表头有 5 列']],
  },
  {
    name: 'a duplicate quarter',
    mutate: (f) => set(f, QUARTERS, `${text(QUARTERS).trimEnd()}\n2026Q2,2026-07-08,12000,2000,7000,3000,1000,11600\n`),
    errors: [['public-revenue.csv:4:1', '与第 3 行重复']],
  },
  {
    name: 'a negative amount',
    mutate: (f) => replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', '2026Q1,收入,地面停车费,-8000,'),
    errors: [['public-revenue-items.csv:2:4', '金额不能为负数']],
  },
  {
    name: 'an absurd amount (over 1e9 yuan)',
    mutate: (f) => replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', '2026Q1,收入,地面停车费,80000000000,'),
    errors: [['public-revenue-items.csv:2:4', '单项金额不能超过 1,000,000,000 元']],
  },
  {
    name: 'an amount beyond any integer',
    mutate: (f) => replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', `2026Q1,收入,地面停车费,${'9'.repeat(400)},`),
    errors: [['public-revenue-items.csv:2:4', '应为金额（元）']],
  },
  {
    name: 'an impossible date',
    mutate: (f) => replace(f, QUARTERS, '2026Q1,2026-04-10', '2026Q1,2026-02-30'),
    errors: [['public-revenue.csv:2:2', '应为日期']],
  },
  {
    name: 'a future quarter',
    mutate: (f) => set(f, QUARTERS, `${text(QUARTERS).trimEnd()}\n2027Q4,2026-07-08,0,0,0,0,0,11600\n`),
    errors: [['public-revenue.csv:4:1', '季度不能晚于数据生成日期']],
  },
  {
    name: 'unknown community and company',
    mutate: (f) => {
      replace(f, YAML, 'community: dongcheng', 'community: meiyou');
      replace(f, YAML, 'company: ceshi', 'company: meiyou');
    },
    errors: [
      ['compound.yaml:2:12', '找不到这个社区'],
      ['compound.yaml:12:10', '找不到这个物业服务企业'],
    ],
  },
  { name: 'UTF-16 CSV', mutate: (f) => set(f, FEES, utf16(text(FEES))), errors: [['fees.csv:1:1', 'UTF-16']] },
  { name: 'UTF-16 YAML', mutate: (f) => set(f, YAML, utf16(text(YAML))), errors: [['compound.yaml:1:1', 'UTF-16']] },
  {
    name: 'binary (an .xlsx renamed to .csv)',
    mutate: (f) => set(f, FEES, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0xff, 0xfe])),
    errors: [['fees.csv:1:1', '这不是文本文件']],
  },
  {
    name: 'neither UTF-8 nor GBK',
    mutate: (f) => set(f, FEES, new Uint8Array([0x61, 0x80, 0xff, 0xff, 0x0a])),
    errors: [['fees.csv:1:1', '文件编码无法识别']],
  },
  { name: 'empty CSV', mutate: (f) => set(f, FEES, ''), errors: [['fees.csv:1:1', '文件为空或缺少表头']] },
  {
    name: 'CSV with only a BOM',
    mutate: (f) => set(f, FEES, '\uFEFF'),
    errors: [['fees.csv:1:1', '文件为空或缺少表头']],
  },
  { name: 'empty compound.yaml', mutate: (f) => set(f, YAML, ''), errors: [['compound.yaml:1:1', '文件是空的']] },
  {
    name: 'YAML anchor and alias',
    mutate: (f) => set(f, YAML, text(YAML).replace('name: 测试花园', 'name: &n 测试花园\nx_name: *n')),
    errors: [
      ['compound.yaml:1:10', '不支持 YAML 锚点'],
      ['compound.yaml:2:9', '不支持 YAML 别名'],
    ],
  },
  {
    name: 'YAML tags',
    mutate: (f) => replace(f, YAML, 'name: 测试花园', 'name: !!js/function "function () { return 1 }"'),
    errors: [['compound.yaml:1:7', '不支持 YAML 标签']],
  },
  {
    name: 'YAML binary tag',
    mutate: (f) => replace(f, YAML, 'name: 测试花园', 'name: !!binary aGVsbG8='),
    errors: [['compound.yaml:1:7', '不支持 YAML 标签']],
  },
  {
    name: 'YAML duplicate keys',
    mutate: (f) => replace(f, YAML, 'name: 测试花园', 'name: 测试花园\nname: 另一个'),
    errors: [['compound.yaml:2:1', '同一字段写了两次']],
  },
  {
    name: 'YAML billion laughs',
    mutate: (f) =>
      set(
        f,
        YAML,
        `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n${text(YAML)}`,
      ),
    errors: [
      ['compound.yaml:1:7', '不支持 YAML 锚点'],
      ['compound.yaml:2:8', '不支持 YAML 别名'],
    ],
  },
  {
    name: 'folder ../x',
    mutate: (f) => set(f, 'compounds/../x/compound.yaml', text(YAML)),
    errors: [['content/compounds/../x/compound.yaml:1:1', '文件放错了位置']],
  },
  {
    name: 'folder 天山',
    mutate: (f) => set(f, 'compounds/天山/compound.yaml', text(YAML)),
    errors: [['content/compounds/天山:1:1', '小区文件夹名应为小写英文字母']],
  },
  {
    name: 'folder "a b"',
    mutate: (f) => set(f, 'compounds/a b/compound.yaml', text(YAML)),
    errors: [['content/compounds/a b:1:1', '小区文件夹名应为小写英文字母']],
  },
  {
    name: 'executable or unknown file types',
    mutate: (f) => {
      set(f, `${DIR}index.html`, HOSTILE);
      set(f, `${DIR}fees.csv.exe`, 'MZ');
      set(f, 'communities/evil.svg', '<svg onload="alert(1)"/>');
      set(f, 'notices/evil.js', 'alert(1)');
      set(f, 'evil.html', HOSTILE);
    },
    errors: [
      ['content/communities/evil.svg:1:1', '只能放以小写英文标识命名的 .yaml'],
      ['content/evil.html:1:1', 'content/ 下只能有'],
      ['content/notices/evil.js:1:1', '.mdx 公告文件'],
      ['fees.csv.exe:1:1', '小区文件夹中只能有'],
      ['index.html:1:1', '小区文件夹中只能有'],
    ],
  },
  {
    name: 'a file over the size cap',
    mutate: (f) => set(f, ITEMS, new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41)),
    errors: [['public-revenue-items.csv:1:1', '文件太大（5.0 MB）：每个文件不能超过 5.0 MB']],
  },

  // ---------------------------------------------------------------- keys that JavaScript objects treat specially
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'].flatMap(
    (key): Case[] => [
      {
        name: `the key ${key} at the top of every YAML file`,
        mutate: (f) => {
          for (const file of ['site.yaml', 'communities/dongcheng.yaml', 'companies/ceshi.yaml', YAML]) {
            set(f, file, `${text(file).trimEnd()}\n${key}: x\n`);
          }
        },
        errors: [
          [`content/site.yaml:${endLine('site.yaml')}:1`, `实际为「${key}」`],
          [`content/communities/dongcheng.yaml:${endLine('communities/dongcheng.yaml')}:1`, `实际为「${key}」`],
          [`content/companies/ceshi.yaml:${endLine('companies/ceshi.yaml')}:1`, `实际为「${key}」`],
          [`compound.yaml:${endLine(YAML)}:1`, `实际为「${key}」`],
        ],
      },
      {
        name: `the key ${key} nested in a section, a list item and departments.yaml`,
        mutate: (f) => {
          replace(f, YAML, '  grade: 二级', `  grade: 二级\n  ${key}: x`);
          replace(f, YAML, '    - { name: 甲某, role: 主任 }', `    - { name: 甲某, role: 主任, ${key}: x }`);
          replace(f, 'departments.yaml', '- name: 住房和城乡建设局', `- ${key}: x\n  name: 住房和城乡建设局`);
        },
        errors: [
          ['compound.yaml:21:3', `${key}（services.${key}）`],
          ['compound.yaml:51:29', `committee.members.0.${key}`],
          ['content/departments.yaml:2:3', `实际为「${key}」`],
        ],
      },
      {
        name: `a file named ${key} in a compound folder, and a CSV column named ${key}`,
        mutate: (f) => {
          set(f, `${DIR}${key}`, 'x');
          replace(f, ITEMS, /^季度,/, `${key},季度,`);
        },
        errors: [
          [`${key}:1:1`, '小区文件夹中只能有'],
          ['public-revenue-items.csv:1:1', `实际为「${key}」`],
        ],
      },
    ],
  ),
  // ---------------------------------------------------------------- addresses that are not web pages
  ...[
    'javascript:alert(1)',
    'JavaScript://gongshi.example.cn/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://gongshi.example.cn/',
    'https://admin:secret@gongshi.example.cn/',
  ].map(
    (url): Case => ({
      name: `${url} as the site's address and repository`,
      mutate: (f) =>
        set(
          f,
          'site.yaml',
          `${text('site.yaml').replace(/^base_url: .*$/m, `base_url: '${url}'`)}repository_url: '${url}'\n`,
        ),
      errors: [
        ['content/site.yaml:3:11', '网站地址（base_url）'],
        ['content/site.yaml:6:17', '数据仓库地址（repository_url）'],
      ],
    }),
  ),
  ...[
    ['[点这里](javascript:alert(1))', '7:7', LINK],
    ['[点这里]( JAVASCRIPT:alert(1))', '7:8', LINK],
    ['[点这里](java&#115;cript:alert(1))', '7:7', LINK],
    ['[点这里](java&#x73;cript&colon;alert(1))', '7:7', LINK],
    ['[点这里](&#0000106;avascript:alert(1))', '7:7', LINK],
    ['[点这里](javascript\\:alert(1))', '7:7', LINK],
    ['![图](data:image/svg+xml,<svg onload=alert(1)>)', '7:6', LINK],
    ['[点这里][x]\n\n[x]: vbscript:msgbox(1)', '9:6', LINK],
    ['[点这里][x]\n\n[x]:\n  javascript:alert(1)', '10:1', LINK],
    ['[点这里][x]\n\n> [x]: javascript:alert(1)', '9:8', LINK],
    ['[点这里][a]b]\n\n[a\\]b]: javascript:alert(1)', '9:9', LINK],
    ['<javascript:alert(1)>', '7:2', LINK],
    ['<a href="javascript:alert(1)">点这里</a>', '7:1', MARKUP],
    ['<a href=" java\tscript:alert(1)">点这里</a>', '7:1', MARKUP],
    ['<a href={"file:///etc/passwd"}>点这里</a>', '7:9', MARKUP],
    ["{'\\u006aavascript:alert(1)'}", '7:1', MARKUP],
    ["export const u = 'https://x.cn/'", '7:1', MARKUP],
    ["import x from 'node:fs'", '7:1', MARKUP],
    ['<script>alert(1)</script>', '7:1', MARKUP],
    ['<form action="https://x.cn/"><button>提交</button></form>', '7:1', MARKUP],
  ].map(
    ([body, where, message]): Case => ({
      name: `a notice with ${body}`,
      mutate: (f) =>
        set(f, 'notices/lianjie.mdx', `---\ntitle: 链接\ndate: 2026-11-01\nsummary: 测试\n---\n\n${body}\n`),
      errors: [[`content/notices/lianjie.mdx:${where}`, message as string]],
    }),
  ),
  {
    name: 'direction controls written as escapes and references, in keys, frontmatter and notice text',
    mutate: (f) => {
      replace(f, YAML, 'name: 测试花园', 'name: "测试\\u202E园花"');
      replace(f, YAML, '  grade: 二级', '  "grade\\u2066": 二级');
      set(
        f,
        'notices/fangxiang.mdx',
        '---\ntitle: "公告\\u202E"\ndate: 1926-11-01\nsummary: 测试\n---\n\n缴费 &#x202E;元 0001 即可\n',
      );
    },
    errors: [
      ['compound.yaml:1:7', '改变文字显示方向'],
      ['compound.yaml:20:3', '改变文字显示方向'],
      ['content/notices/fangxiang.mdx:2:8', '改变文字显示方向'],
      ['content/notices/fangxiang.mdx:3:7', '应为 1994 年或以后的日期'],
      ['content/notices/fangxiang.mdx:7:4', '改变文字显示方向'],
    ],
  },
  {
    name: 'a line break and an escape character in a file name are shown, not printed',
    mutate: (f) => set(f, `compounds/a\n::error::b/compound.yaml`, text(YAML)),
    errors: [['content/compounds/a⟨U+000A⟩::error::b:1:1', '小区文件夹名']],
  },
  // ---------------------------------------------------------------- dates decades before the compound was built
  {
    name: 'years typed wrong in compound.yaml (built 2015)',
    mutate: (f) => {
      replace(f, YAML, '  since: 2024-03-01', '  since: 1924-03-01');
      replace(f, YAML, '  elected: 2024-04-01', '  elected: 2004-04-01');
      replace(f, YAML, '  since: 2026Q1', '  since: 1996Q1');
    },
    errors: [
      ['compound.yaml:17:10', '应为 2010 年或以后的日期：本小区 2015 年建成'],
      ['compound.yaml:47:12', '选举日期（committee.elected）：应为 2010 年或以后的日期'],
      ['compound.yaml:37:10', '公示起始季度（public_revenue.since）：应为 2010 年或以后'],
    ],
  },
  {
    name: 'years typed wrong in the tables',
    mutate: (f) => {
      replace(f, FEES, ',2024-01-01,', ',1924-01-01,');
      replace(f, `${DIR}elevators.csv`, /,2026-(\d\d)-(\d\d),/, ',2006-$1-$2,');
    },
    errors: [
      ['fees.csv:2:11', '计费起始时间：应为 2010 年或以后的日期'],
      ['elevators.csv:2:5', '最近维保日期：应为 2010 年或以后的日期'],
    ],
  },
  {
    name: 'years typed wrong in the county oversight files',
    mutate: (f) => {
      set(
        f,
        'oversight/blacklist.csv',
        '企业标识,项目负责人,列入原因,列入日期,决定文号,移出日期\nceshi,,拒不整改,1926-08-20,奇住建发〔2026〕21号,\n',
      );
      set(
        f,
        'oversight/evaluations.csv',
        '考评期,小区标识,得分,考评等级,考评日期\n1926H1,ceshi-xiaoqu,91,优秀,2026-02-26\n',
      );
    },
    errors: [
      ['content/oversight/blacklist.csv:2:4', '应为 1994 年或以后的日期'],
      ['content/oversight/evaluations.csv:2:1', '应为 1994 年或以后的日期'],
    ],
  },
  // ---------------------------------------------------------------- controls that reverse how text is shown
  {
    name: 'direction controls in YAML, CSV cells and headers, a notice and a folder name',
    mutate: (f) => {
      replace(f, YAML, 'name: 测试花园', 'name: 测试\u202E园花');
      replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', '2026Q1,收入,地面停车费,8000,\u2067退还\u2069');
      replace(f, FEES, /^收费项目/, '\u202D收费项目');
      set(
        f,
        'notices/fangxiang.mdx',
        '---\ntitle: 公告\ndate: 2026-11-01\nsummary: 测试\n---\n\n缴费 \u202E元 0001\u202C 即可\n',
      );
      set(f, 'compounds/a\u202Eb/compound.yaml', text(YAML));
    },
    errors: [
      ['compound.yaml:1:7', '改变文字显示方向'],
      ['public-revenue-items.csv:2:5', '改变文字显示方向'],
      ['fees.csv:1:1', '请删除后重新输入这段文字；实际为「⟨U+202D⟩收费项目」'],
      ['content/notices/fangxiang.mdx:7:4', '改变文字显示方向'],
      ['content/compounds/a⟨U+202E⟩b:1:1', '小区文件夹名'],
    ],
  },
];

/** Every problem names a file in content/, a line and a column, and says what was expected in Chinese. */
function assertLocated(problems: Problem[]) {
  for (const p of problems) {
    assert.match(p.file, /^content\//, formatProblem(p));
    assert.ok(Number.isInteger(p.line) && p.line >= 1, formatProblem(p));
    assert.ok(Number.isInteger(p.column) && p.column >= 1, formatProblem(p));
    assert.match(p.expected, /\p{Script=Han}/u, formatProblem(p));
    assert.doesNotMatch(formatProblem(p), /\n\s+at /, 'no stack trace');
    assert.doesNotMatch(formatProblem(p), /[\u202A-\u202E\u2066-\u2069]/, 'direction controls are shown, not acted on');
  }
}

describe('bad input: each case gives its located Chinese error', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { bundle, problems } = run(c.mutate);
      assertLocated(problems);
      const errors = errorsOf(problems).map(formatProblem);
      assert.ok(errors.length > 0, 'the case must fail');
      assert.equal(bundle, undefined);
      for (const [where, message] of c.errors) {
        assert.ok(
          errors.some((e) => e.includes(`${where} `) && e.includes(message)),
          `expected ${where} … ${message} among:\n${errors.join('\n')}`,
        );
      }
    });
  }
});

describe('bad input that is published as it is', () => {
  it('GBK: a warning that says how to save as UTF-8, and the data loads', () => {
    const { bundle, problems } = run((f) => set(f, ITEMS, gbk(text(ITEMS))));
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.column, p.severity]),
      [[`content/${ITEMS}`, 1, 1, 'warning']],
    );
    assert.match(problems[0]?.expected ?? '', /GBK/);
    assert.equal(bundle?.compounds.find((c) => c.slug === 'ceshi-xiaoqu')?.revenueItems[0]?.item, '地面停车费');
  });

  it('HTML and <script> in text fields are kept as plain text (the pages escape them)', () => {
    const { bundle, problems } = run((f) => {
      replace(f, YAML, 'name: 测试花园', "name: '<script>alert(1)</script>'");
      replace(f, YAML, /address: .*/, "address: '<img src=x onerror=alert(1)>'");
      replace(f, ITEMS, '2026Q1,收入,地面停车费,8000,', `2026Q1,收入,"${HOSTILE}",8000,"${HOSTILE}"`);
    });
    assert.deepEqual(errorsOf(problems).map(formatProblem), []);
    const compound = bundle?.compounds.find((c) => c.slug === 'ceshi-xiaoqu');
    assert.equal(compound?.compound.name, '<script>alert(1)</script>');
    assert.equal(compound?.compound.address, '<img src=x onerror=alert(1)>');
    assert.equal(compound?.revenueItems[0]?.item, HOSTILE);
  });
});

describe('huge input', () => {
  it('a 50 MB CSV is refused by size before it is read', () => {
    const started = performance.now();
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x2c);
    const { problems } = run((f) => set(f, ITEMS, huge));
    assertLocated(problems);
    assert.ok(
      errorsOf(problems).some((p) => p.file === `content/${ITEMS}` && p.expected.includes('文件太大（50.0 MB）')),
    );
    assert.ok(performance.now() - started < 5000, 'refused quickly');
  });

  it('a 100,000-row CSV under the cap is checked row by row without crashing', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `2026Q1,收入,停车费${i},${i % 2 === 0 ? 'abc' : '1'},`);
    const body = `季度,收支类别,项目,金额（元）,说明\n${rows.join('\n')}\n`;
    assert.ok(utf8(body).length < MAX_FILE_BYTES);
    const { problems } = run((f) => set(f, ITEMS, body));
    assertLocated(problems);
    // Row 2 holds item 0, whose amount is not a number.
    assert.ok(errorsOf(problems).some((p) => p.file === `content/${ITEMS}` && p.line === 2 && p.column === 4));
  });
});

describe('garbage never throws', () => {
  it('random bytes in every file give problems, not an exception', () => {
    let seed = 9;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (const file of minimal.map((f) => f.path)) {
      for (let round = 0; round < 5; round++) {
        const bytes = Uint8Array.from({ length: 1 + (random() % 2000) }, () =>
          round % 2 ? random() % 256 : 0x20 + (random() % 0x5f),
        );
        const { problems } = run((f) => set(f, file, bytes));
        assertLocated(problems);
      }
    }
  });
});

describe('links and special files in content/', () => {
  const SECRET = 'root:x:0:0:a line that must never be read';

  it('are refused by name, with nothing read from them, whatever they point to', async () => {
    const copy = await copyMinimal();
    const outside = await mkdtemp(path.join(tmpdir(), 'gongshi-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.csv'), `${SECRET}\n`);
      await mkdir(path.join(outside, 'folder'));
      await writeFile(path.join(outside, 'folder', 'compound.yaml'), `${SECRET}\n`);
      const inside = (file: string) => path.join(copy.contentDir, file);
      await rm(inside(FEES));
      await symlink(path.join(outside, 'secret.csv'), inside(FEES));
      await symlink(path.join(outside, 'folder'), inside('compounds/linked'));
      await mkdir(inside('notices'));
      await symlink(path.join(outside, 'secret.csv'), inside('notices/linked.mdx'));
      // A pipe: opening it to read would wait for a writer forever.
      assert.equal(spawnSync('mkfifo', [inside(`${DIR}maintenance-fund.csv`)]).status, 0);

      const { bundle, problems } = await loadContent({
        contentDir: copy.contentDir,
        projectRoot: copy.root,
        today: MINIMAL_TODAY,
      });
      assert.equal(bundle, undefined);
      assertLocated(problems);
      const errors = errorsOf(problems).map(formatProblem);
      for (const [where, message] of [
        [`content/${FEES}:1:1`, '不能是符号链接'],
        ['content/compounds/linked:1:1', '不能是符号链接'],
        ['content/notices/linked.mdx:1:1', '不能是符号链接'],
        [`content/${DIR}maintenance-fund.csv:1:1`, '不是普通文件'],
      ] as const) {
        assert.ok(
          errors.some((e) => e.startsWith(`${where} `) && e.includes(message)),
          `${where} ${message}:\n${errors.join('\n')}`,
        );
      }
      assert.ok(!errors.join('\n').includes('root:x'), 'the linked file is never quoted');
    } finally {
      await copy.dispose();
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('the content folder itself, replaced by a link, is refused before anything is read', async () => {
    const copy = await copyMinimal();
    try {
      const linked = path.join(copy.root, 'linked-content');
      await symlink(copy.contentDir, linked);
      const { bundle, problems } = await loadContent({
        contentDir: linked,
        projectRoot: copy.root,
        today: MINIMAL_TODAY,
      });
      assert.equal(bundle, undefined);
      assert.deepEqual(problems.map(formatProblem), [
        'linked-content:1:1 文件：不能是符号链接（指向别处文件的快捷方式），本站不会读取它指向的内容。请把文件本身放在这里',
      ]);
    } finally {
      await copy.dispose();
    }
  });

  it('a file given on its own to the command-line checker is refused the same way', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-loose-'));
    try {
      await writeFile(path.join(dir, 'secret'), SECRET);
      await symlink(path.join(dir, 'secret'), path.join(dir, 'fees.csv'));
      assert.deepEqual(readSourceFile(path.join(dir, 'fees.csv'), 'fees.csv'), {
        path: 'fees.csv',
        bytes: new Uint8Array(),
        special: 'symlink',
      });
      assert.equal(new TextDecoder().decode(readSourceFile(path.join(dir, 'secret'), 'secret').bytes), SECRET);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
