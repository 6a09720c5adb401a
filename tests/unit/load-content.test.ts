import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import { deserialize } from 'node:v8';
import { type LoadResult, loadContent, readTree, validateShare } from '../../src/core/data/load-content.ts';
import { ContentValidationError, formatProblem, type Problem } from '../../src/core/data/problems.ts';
import { TABLES } from '../../src/core/data/tables.ts';
import { planValidation, validateCompound } from '../../src/core/data/validate-content.ts';
import { type Answered, folderDigest } from '../../src/core/data/validation-cache.ts';
import { t } from '../../src/core/i18n/t.ts';
import {
  type ContentCopy,
  copyMinimal,
  isRunning,
  MINIMAL,
  MINIMAL_TODAY,
  PROJECT_ROOT,
  UNIT_FIXTURES,
  waitUntil,
} from './helpers.ts';

/** A share's answers, as the main process reads them from the bytes validateShare sends. */
const answersTo = (share: Parameters<typeof validateShare>[0]) => deserialize(validateShare(share)) as Answered[];

const Y = 'compounds/ceshi-xiaoqu/compound.yaml';
const FEES = 'compounds/ceshi-xiaoqu/fees.csv';
const QUARTERS = 'compounds/ceshi-xiaoqu/public-revenue.csv';
const ITEMS = 'compounds/ceshi-xiaoqu/public-revenue-items.csv';

/** The parts of a problem a test checks: [file, line, column, field, label, expected, found, severity]. */
const full = (p: Problem) => [p.file, p.line, p.column, p.field, p.label, p.expected, p.found, p.severity];
/** Only where a problem is: `file:line:column field`. */
const at = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.field}`;

/** Copies the minimal set, applies `mutate`, loads it and cleans up. */
async function loadMutated(mutate: (c: ContentCopy) => Promise<void>, today = MINIMAL_TODAY): Promise<LoadResult> {
  const copy = await copyMinimal();
  try {
    await mutate(copy);
    return await loadContent({ contentDir: copy.contentDir, projectRoot: copy.root, today });
  } finally {
    await copy.dispose();
  }
}

describe('loadContent: the valid minimal set', () => {
  let result: LoadResult;
  before(async () => {
    result = await loadContent({ contentDir: MINIMAL, projectRoot: PROJECT_ROOT, today: MINIMAL_TODAY });
  });

  it('loads with zero problems', () => {
    assert.deepEqual(result.problems, []);
    assert.ok(result.bundle);
  });

  it('returns every record, normalised', () => {
    const bundle = result.bundle;
    assert.ok(bundle);
    assert.equal(bundle.today, '2026-11-05');
    assert.deepEqual(bundle.site, {
      county: '奇台县',
      town: '奇台镇',
      base_url: 'https://gongshi.example.cn/',
      sample_data: true,
      housing_bureau_phone: '0994-7210000',
      service_hotline: '12345',
      price_hotline: '12315',
    });
    assert.deepEqual(
      bundle.communities.map((c) => [c.slug, c.name, c.phone]),
      [['dongcheng', '东城社区', '0994-7230001']],
    );
    assert.deepEqual(
      bundle.companies.map((c) => [c.slug, c.uscc]),
      [['ceshi', '91652325MA00000003']],
    );
    assert.deepEqual(
      bundle.compounds.map((c) => c.slug),
      ['ceshi-xiaoqu', 'laojie'],
    );
    const [ceshi, laojie] = bundle.compounds;
    assert.ok(ceshi && laojie);
    assert.equal(ceshi.compound.manager?.phone, '13800000000');
    assert.equal(ceshi.compound.maintenance_fund?.balance, 123456789);
    assert.deepEqual(
      ceshi.fees.map((f) => [f.item, f.price, f.effective]),
      [
        ['住宅物业服务费', 80, '2024-01-01'],
        ['住宅物业服务费', 85, '2026-12-01'],
        ['地面停车费', 5000, '2024-01-01'],
      ],
    );
    assert.deepEqual(
      ceshi.revenueQuarters.map((q) => [q.quarter, q.income_total, q.owner_share, q.balance]),
      [
        ['2026Q1', 1000000, 560000, 560000],
        ['2026Q2', 1200000, 700000, 1160000],
      ],
    );
    assert.equal(ceshi.revenueItems.length, 6);
    assert.equal(ceshi.elevators.length, 2);
    assert.deepEqual(ceshi.files, [
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/compound.yaml',
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/elevators.csv',
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/fees.csv',
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/public-revenue-items.csv',
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/public-revenue.csv',
    ]);
    assert.deepEqual(laojie.fees, []);
    assert.equal(laojie.compound.committee?.status, 'acting');
  });

  it('one day earlier, the last dates in the set are after today', async () => {
    const earlier = await loadContent({ contentDir: MINIMAL, projectRoot: PROJECT_ROOT, today: '2026-11-04' });
    assert.equal(earlier.bundle, undefined);
    assert.deepEqual(earlier.problems.map(at), [
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/elevators.csv:2:5 last_maintenance',
      'tests/fixtures/minimal/compounds/ceshi-xiaoqu/elevators.csv:3:5 last_maintenance',
    ]);
  });
});

describe('loadContent: YAML problems are located', () => {
  it('a deleted required field names the file, line and field', async () => {
    const { bundle, problems } = await loadMutated((c) => c.edit(Y, /^name: .*\n/m, ''));
    assert.equal(bundle, undefined);
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/compound.yaml',
        1,
        1,
        'name',
        '小区名称',
        '应为一段文字，不能为空',
        undefined,
        'error',
      ],
    ]);
  });

  it('a deleted nested field is reported at its parent key', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, '  phone: 13800000000\n', ''));
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/compound.yaml',
        13,
        1,
        'manager.phone',
        '小区物业负责人信息 › 项目负责人电话',
        '应为电话号码：手机号（11位）、带区号的座机（如 0994-7231234）或 12345 等服务号码',
        undefined,
        'error',
      ],
    ]);
  });

  it('a bad value deep in a flow map is located at the value, with its full label', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, 'date: 2024-04-20', 'date: 2024-04-31'));
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/compound.yaml',
        40,
        37,
        'filings.committee.date',
        '五备案 › 业主委员会成立备案 › 备案日期',
        '应为日期，例如 2026-03-01、2026/3/1 或 2026年3月1日',
        '2024-04-31',
        'error',
      ],
    ]);
  });

  it('an unknown key is reported with its name', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, 'buildings: 6\n', 'buildings: 6\nbuilding_count: 6\n'));
    assert.deepEqual(
      problems.map((p) => [p.line, p.field, p.label, p.expected]),
      [[6, 'building_count', 'building_count', '不认识这个字段，请检查拼写或删除']],
    );
  });

  it('an unknown key is located at the key itself', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, 'buildings: 6\n', 'buildings: 6\nbuilding_count: 6\n'));
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.found]),
      [[6, 1, 'building_count']],
    );
  });

  it('a bank account tail starting with 0 typed without quotes keeps its four digits', async () => {
    const { problems, bundle } = await loadMutated((c) => c.edit(Y, 'account_last4: "1234"', 'account_last4: 0123'));
    assert.deepEqual(problems, []);
    assert.equal(bundle?.compounds[0]?.compound.public_revenue?.account_last4, '0123');
  });
});

describe('loadContent: CSV problems are located', () => {
  it('a non-number in a numeric cell', async () => {
    const { bundle, problems } = await loadMutated((c) => c.edit(FEES, '元/月,50,', '元/月,五十,'));
    assert.equal(bundle, undefined);
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/fees.csv',
        4,
        6,
        'price',
        '收费标准（元）',
        '应为金额（元），最多两位小数，例如 1234.50',
        '五十',
        'error',
      ],
    ]);
  });

  it('a bad item cell gives one problem, not a cascade of wrong totals', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(ITEMS, '2026Q1,收入,电梯广告,2000,', '2026Q1,收入,电梯广告,两千,'),
    );
    assert.deepEqual(problems.map(at), ['content/compounds/ceshi-xiaoqu/public-revenue-items.csv:3:4 amount']);
  });

  it('an unreadable item row of one quarter leaves the other quarters checked', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(ITEMS, '2026Q1,收入,电梯广告,2000,', '2026Q1,收入,电梯广告,两千,');
      await c.edit(QUARTERS, '1000,11600', '1000,12600');
      await c.edit(QUARTERS, '2026Q2,2026-07-08,12000,', '2026Q2,2026-07-08,12500,');
    });
    assert.deepEqual(problems.map(at), [
      'content/compounds/ceshi-xiaoqu/public-revenue-items.csv:3:4 amount',
      'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:3 income_total',
      // The balance chain needs no item: 2026Q1's own balance is given, so 2026Q2's is still checked.
      'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:8 balance',
    ]);
  });

  it('an item row with the wrong number of fields stops every total check', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(ITEMS, '2026Q1,收入,电梯广告,2000,', '2026Q1,收入,电梯广告,2000,,多余');
      await c.edit(QUARTERS, '2026Q2,2026-07-08,12000,', '2026Q2,2026-07-08,12500,');
    });
    assert.deepEqual(problems.map(at), ['content/compounds/ceshi-xiaoqu/public-revenue-items.csv:3:6 ']);
  });

  it('a quarter summary row with a bad cell does not make its items “without a summary row”', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '2026Q1,2026-04-10', '2026Q1,2026-04-31'));
    assert.deepEqual(problems.map(at), ['content/compounds/ceshi-xiaoqu/public-revenue.csv:2:2 published']);
  });

  it('a GBK file is read with a warning only, and the bundle is still made', async () => {
    const gbk = await readFile(path.join(UNIT_FIXTURES, 'broken', ITEMS));
    const { bundle, problems } = await loadMutated((c) => c.write(ITEMS, gbk));
    assert.deepEqual(
      problems.map((p) => [at(p), p.severity]),
      [['content/compounds/ceshi-xiaoqu/public-revenue-items.csv:1:1 ', 'warning']],
    );
    assert.equal(bundle?.compounds[0]?.revenueItems.length, 6);
  });
});

describe('loadContent: files and folders', () => {
  it('an unknown file in a compound folder', async () => {
    const { problems } = await loadMutated((c) => c.write('compounds/ceshi-xiaoqu/Fees.csv', '收费项目\n'));
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/Fees.csv',
        1,
        1,
        '',
        '文件',
        `小区文件夹中只能有：${['compound.yaml', ...TABLES.map((table) => table.file)].join('、')}。请检查文件名（区分大小写）`,
        'Fees.csv',
        'error',
      ],
    ]);
  });

  it('a compound folder name that is not a slug', async () => {
    const { problems } = await loadMutated(async (c) => {
      const yaml = await readFile(path.join(c.contentDir, 'compounds/laojie/compound.yaml'));
      await mkdir(path.join(c.contentDir, 'compounds/Lao_Jie'));
      await c.write('compounds/Lao_Jie/compound.yaml', yaml);
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/Lao_Jie:1:1 ',
          '小区文件夹名应为小写英文字母、数字和连字符（通常用拼音），例如 tianshan-huayuan',
          'Lao_Jie',
        ],
      ],
    );
  });

  it('a plain file among the compound folders is refused like a bad folder', async () => {
    const { problems } = await loadMutated((c) => c.write('compounds/readme.md', '说明'));
    assert.deepEqual(problems.map(at), ['content/compounds/readme.md:1:1 ']);
  });

  it('a compound folder without compound.yaml', async () => {
    const { problems } = await loadMutated((c) => c.remove('compounds/laojie/compound.yaml'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [['content/compounds/laojie/compound.yaml:1:1 ', '缺少这个必需的文件']],
    );
  });

  it('no compounds at all', async () => {
    const { problems } = await loadMutated((c) => c.remove('compounds'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [['content/compounds:1:1 ', 'content/compounds/ 中没有任何小区文件夹']],
    );
  });

  it('a missing site.yaml', async () => {
    const { bundle, problems } = await loadMutated((c) => c.remove('site.yaml'));
    assert.equal(bundle, undefined);
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [['content/site.yaml:1:1 ', '缺少这个必需的文件']],
    );
  });

  it('an unknown entry at the top of content/', async () => {
    const { problems } = await loadMutated((c) => c.write('notes.txt', 'x'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/notes.txt:1:1 ',
          'content/ 下只能有：site.yaml、departments.yaml、communities、companies、compounds、notices、oversight',
          'notes.txt',
        ],
      ],
    );
  });

  it('a file in communities/ that is not <slug>.yaml', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.write('communities/README.md', 'x');
      await c.write('communities/Xi_Cheng.yaml', 'name: x\n');
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.found]),
      [
        ['content/communities/README.md:1:1 ', 'README.md'],
        ['content/communities/Xi_Cheng.yaml:1:1 ', 'Xi_Cheng.yaml'],
      ],
    );
    assert.equal(problems[0]?.expected, 'communities/ 中只能放以小写英文标识命名的 .yaml 文件，例如 dongcheng.yaml');
  });

  it('a .yml file is accepted', async () => {
    const { problems, bundle } = await loadMutated(async (c) => {
      await c.write('communities/xicheng.yml', 'name: 西城社区\naddress: 西城路1号\nphone: 7230009\n');
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      bundle?.communities.map((c) => [c.slug, c.phone]),
      [
        ['dongcheng', '0994-7230001'],
        ['xicheng', '0994-7230009'],
      ],
    );
  });
});

describe('loadContent: checks across fields, rows and files', () => {
  it('an unknown company and community list the known ones', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(Y, 'company: ceshi', 'company: nosuch');
      await c.edit(Y, 'community: dongcheng', 'community: xicheng');
    });
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/compound.yaml',
        2,
        12,
        'community',
        '所属社区',
        '找不到这个社区，应为 content/communities/ 中的文件名之一：dongcheng',
        'xicheng',
        'error',
      ],
      [
        'content/compounds/ceshi-xiaoqu/compound.yaml',
        12,
        10,
        'company',
        '物业服务企业',
        '找不到这个物业服务企业，应为 content/companies/ 中的文件名之一：ceshi',
        'nosuch',
        'error',
      ],
    ]);
  });

  it('a company file with an error does not make its compounds’ reference unknown', async () => {
    const { problems } = await loadMutated((c) => c.edit('companies/ceshi.yaml', 'MA00000003', 'MA00000004'));
    assert.deepEqual(problems.map(at), ['content/companies/ceshi.yaml:2:7 uscc']);
  });

  it('a schema error in compound.yaml does not hide the problems of its CSV files', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(Y, 'phone: 13800000000', 'phone: 138');
      await c.edit(QUARTERS, '1000,11600', '1000,12600');
    });
    assert.deepEqual(problems.map(at), [
      'content/compounds/ceshi-xiaoqu/compound.yaml:15:10 manager.phone',
      'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:8 balance',
    ]);
  });

  it('a duplicate quarter points back at the first', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(
        QUARTERS,
        '2026Q2,2026-07-08,12000,2000,7000,3000,1000,11600\n',
        '2026Q2,2026-07-08,12000,2000,7000,3000,1000,11600\n2026年第二季度,2026-07-09,12000,2000,7000,3000,1000,11600\n',
      ),
    );
    assert.deepEqual(problems.map(full), [
      [
        'content/compounds/ceshi-xiaoqu/public-revenue.csv',
        4,
        1,
        'quarter',
        '季度',
        '与第 3 行重复，请删除其中一行',
        '2026年第二季度',
        'error',
      ],
    ]);
  });

  it('a quarter that has not begun by today', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(QUARTERS, '1000,11600\n', '1000,11600\n2027Q1,2026-10-08,0,0,0,0,0,11600\n'),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:4:1 quarter',
          '季度不能晚于数据生成日期 2026-11-05 所在季度',
          '2027Q1',
        ],
      ],
    );
  });

  it('a quarter published before it ended', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '2026Q2,2026-07-08', '2026Q2,2026-06-29'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [['content/compounds/ceshi-xiaoqu/public-revenue.csv:3:2 published', '应在季度结束（2026-06-30）当天或之后']],
    );
  });

  it('income_total that is not the sum of the items', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '"10,000.00"', '10500'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.label, p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:2:3 income_total',
          '收入合计（元）',
          '合计与明细不符：按 public-revenue-items.csv 中的明细计算应为 10,000.00 元',
          '10500',
        ],
      ],
    );
  });

  it('expense_total that is not the sum of the items', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '12000,2000,', '12000,2500,'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:4 expense_total',
          '合计与明细不符：按 public-revenue-items.csv 中的明细计算应为 2,000.00 元',
        ],
      ],
    );
  });

  it('owner and company shares that do not add up to the net', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '7000,3000', '7000,3500'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:5 owner_share',
          '业主分成与企业分成之和应等于收入减支出（10,000.00 元）',
          '7000',
        ],
      ],
    );
  });

  it('shares that add up but break the agreed percentage', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(QUARTERS, '5600.00,2400.00,0,5600.00', '6000,2000,0,6000');
      await c.edit(QUARTERS, '1000,11600', '1000,12000');
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:2:5 owner_share',
          '按约定的业主分成比例 70% 计算，业主分成应为 5,600.00 元',
        ],
      ],
    );
  });

  it('a balance that does not follow from the previous quarter', async () => {
    const { problems } = await loadMutated((c) => c.edit(QUARTERS, '1000,11600', '1000,12600'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue.csv:3:8 balance',
          '期末结余应为上季度期末结余 + 本季度业主分成 − 转入维修资金 = 11,600.00 元',
          '12600',
        ],
      ],
    );
  });

  it('an item of a quarter without a summary row', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(ITEMS, '2026Q2,支出,停车场保洁,2000,\n', '2026Q2,支出,停车场保洁,2000,\n2025Q4,收入,地面停车费,1,\n'),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/ceshi-xiaoqu/public-revenue-items.csv:8:1 quarter',
          '这个季度在 public-revenue.csv 中没有汇总行，请先在那里添加',
        ],
      ],
    );
  });

  it('revenue tables without an account in compound.yaml', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, /public_revenue:\n(?: {2}.*\n)+/, ''));
    assert.deepEqual(
      problems.map((p) => [at(p), p.label]),
      [['content/compounds/ceshi-xiaoqu/compound.yaml:1:1 public_revenue', '公共收益账户']],
    );
    assert.match(problems[0]?.expected ?? '', /^有公共收益数据时，必须填写公共收益账户/);
  });

  it('dates after today, in YAML and in CSV', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.edit(Y, '  updated: 2026-03-05', '  updated: 2026-12-05');
      await c.edit(Y, 'since: 2026Q1', 'since: 2027Q1');
      await c.edit(FEES, '2026-12-01,2026-10-25', '2026-12-01,2026-11-06');
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/compound.yaml:18:12 manager.updated',
          '日期不能晚于数据生成日期 2026-11-05',
          '2026-12-05',
        ],
        [
          'content/compounds/ceshi-xiaoqu/compound.yaml:37:10 public_revenue.since',
          '季度不能晚于数据生成日期 2026-11-05 所在季度',
          '2027Q1',
        ],
        ['content/compounds/ceshi-xiaoqu/fees.csv:3:12 announced', '日期不能晚于数据生成日期 2026-11-05', '2026-11-06'],
      ],
    );
  });

  it('a compound without a property company keeps all public revenue for its owners', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(
        'compounds/laojie/compound.yaml',
        'management: none\n',
        'management: none\npublic_revenue:\n  account_holder: 东城社区\n  bank: 测试银行\n  account_last4: "0001"\n  owner_share_percent: 70\n  since: 2026Q1\n',
      ),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.label, p.expected, p.found]),
      [
        [
          'content/compounds/laojie/compound.yaml:16:24 public_revenue.owner_share_percent',
          '公共收益账户 › 业主分成比例（%）',
          '没有物业服务企业的小区，公共收益全部归业主，业主分成比例应为 100',
          '70',
        ],
      ],
    );
  });

  it('an established committee cannot have a “not applicable” committee filing', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit(
        Y,
        'committee: { status: filed, date: 2024-04-20, number: QT-YWH-2024-01 }',
        'committee: { status: not_applicable }',
      ),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.label, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/compound.yaml:40:24 filings.committee.status',
          '五备案 › 业主委员会成立备案 › 备案状态',
          'not_applicable',
        ],
      ],
    );
    assert.match(problems[0]?.expected ?? '', /不能是 not_applicable/);
  });

  it('a 社区 acting for the committee cannot have a filed committee filing', async () => {
    const filings =
      'filings:\n  area: { status: filed, date: 1998-06-01, number: QT-QY-1998-01 }\n' +
      '  committee: { status: filed, date: 2024-04-20, number: QT-YWH-2024-09 }\n' +
      '  contract: { status: not_applicable }\n  manager: { status: not_applicable }\n' +
      '  handover: { status: not_applicable }\n  updated: 2026-01-10\n';
    const { problems } = await loadMutated((c) =>
      c.edit('compounds/laojie/compound.yaml', 'committee:\n', `${filings}committee:\n`),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/laojie/compound.yaml:14:24 filings.committee.status',
          '尚未成立业主委员会（社区代行）的小区不能有业主委员会成立备案，应为 not_applicable 或 pending',
        ],
      ],
    );
  });

  it('the committee cannot be filed before it was elected', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, 'date: 2024-04-20', 'date: 2024-03-20'));
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected, p.found]),
      [
        [
          'content/compounds/ceshi-xiaoqu/compound.yaml:40:37 filings.committee.date',
          '业主委员会成立备案日期不能早于选举日期',
          '2024-03-20',
        ],
      ],
    );
  });

  it('today itself is not after today', async () => {
    const { problems } = await loadMutated((c) => c.edit(Y, '  updated: 2026-03-05', '  updated: 2026-11-05'));
    assert.deepEqual(problems, []);
  });

  it('utility amount and per-household share are recomputed', async () => {
    const header = '计费月份,类别,分摊范围,用量,单位,单价（元）,金额（元）,分摊户数,每户分摊（元）,公示日期';
    const { problems } = await loadMutated((c) =>
      c.write(
        'compounds/ceshi-xiaoqu/utility-split.csv',
        `${header}\n2026-09,电,楼道照明,1250.5,千瓦时,0.5613,701.91,320,2.19,2026-10-08\n2026-09,水,二次供水,100,吨,3.5,350,10,3.00,2026-10-08\n`,
      ),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/ceshi-xiaoqu/utility-split.csv:3:9 per_household',
          '每户分摊应为金额 ÷ 分摊户数 = 35.00 元',
        ],
      ],
    );
  });

  it('duplicate maintenance fund uses, and one dated after today', async () => {
    const header = '使用日期,使用项目,金额（元）,审批情况,备注';
    const { problems } = await loadMutated((c) =>
      c.write(
        'compounds/ceshi-xiaoqu/maintenance-fund.csv',
        `${header}\n2025-05-01,屋面防水,"12,000",业主大会表决通过,\n2025/5/1,屋面防水,12000.00,业主大会表决通过,重复\n2026-11-06,外墙,1,业主大会表决通过,\n`,
      ),
    );
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        ['content/compounds/ceshi-xiaoqu/maintenance-fund.csv:3:1 date', '与第 2 行重复，请删除其中一行'],
        ['content/compounds/ceshi-xiaoqu/maintenance-fund.csv:4:1 date', '日期不能晚于数据生成日期 2026-11-05'],
      ],
    );
  });
});

describe('loadContent: the safety registers', () => {
  it('a visit to an elevator not in elevators.csv, a hazard fixed before it was found, a test without its result', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.write(
        'compounds/ceshi-xiaoqu/elevator-maintenance.csv',
        '电梯注册代码,维保日期,维保单位,维保单编号\n31106523252015000001,2026-10-22,测试电梯公司,W-1\n31106523252015000099,2026-10-23,测试电梯公司,W-2\n',
      );
      await c.write(
        'compounds/ceshi-xiaoqu/fire-hazards.csv',
        '发现日期,部位,隐患,整改措施,整改期限,责任人,整改完成日期\n2026-09-10,车库,通道堵塞,清理,2026-09-30,项目经理,2026-09-01\n',
      );
      await c.write(
        'compounds/ceshi-xiaoqu/water-supply.csv',
        '日期,类别,实施单位,报告编号,检测结果\n2026-05-16,水质检测,疾控中心,SZ-1,\n',
      );
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        // Each file's own problems first, then the check across files.
        ['content/compounds/ceshi-xiaoqu/fire-hazards.csv:2:7 fixed_on', '不能早于发现日期'],
        ['content/compounds/ceshi-xiaoqu/water-supply.csv:2:5 result', '水质检测要填写检测结果：合格或不合格'],
        [
          'content/compounds/ceshi-xiaoqu/elevator-maintenance.csv:3:1 register_number',
          '电梯表（elevators.csv）中没有这个注册代码：维保记录要对应一部已登记的电梯',
        ],
      ],
    );
  });
});

describe('loadContent: the maintenance fund’s yearly account', () => {
  it('a closing balance that does not reconcile, and a year that does not open with the last one’s closing', async () => {
    const { problems } = await loadMutated(async (c) => {
      await c.write(
        'compounds/ceshi-xiaoqu/maintenance-fund.csv',
        '使用日期,使用项目,金额（元）,审批情况\n2025-05-01,屋面防水,12000.00,业主大会表决通过\n',
      );
      await c.write(
        'compounds/ceshi-xiaoqu/maintenance-fund-inflows.csv',
        '入账日期,类别,金额（元）\n2025-03-31,利息,500.00\n2025-06-30,补交,1000.00\n',
      );
      await c.write(
        'compounds/ceshi-xiaoqu/maintenance-fund-years.csv',
        '年度,年初余额（元）,年末余额（元）\n2024,100000.00,100000.00\n2025,100000.00,90000.00\n2026,89500.00,89500.00\n',
      );
    });
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/compounds/ceshi-xiaoqu/maintenance-fund-years.csv:3:3 closing',
          '年末余额应为年初余额 100,000.00 元 + 当年入账 1,500.00 元 − 当年使用 12,000.00 元 = 89,500.00 元',
        ],
        // The typed closing of 2025 is what 2026 must open with, right or wrong.
        [
          'content/compounds/ceshi-xiaoqu/maintenance-fund-years.csv:4:2 opening',
          '应与2025年的年末余额 90,000.00 元相同',
        ],
      ],
    );
  });
});

describe('loadContent: a fixture with mistakes in many files', () => {
  const BROKEN = path.join(UNIT_FIXTURES, 'broken');
  const B = 'tests/unit/fixtures/broken';
  let result: LoadResult;
  before(async () => {
    result = await loadContent({ contentDir: BROKEN, projectRoot: PROJECT_ROOT, today: '2026-11-05' });
  });

  it('reports every problem across every file in one run', () => {
    assert.equal(result.bundle, undefined);
    assert.deepEqual(result.problems.map(at).sort(), [
      `${B}/communities/xicheng.yaml:3:8 phone`,
      `${B}/companies/huaxia.yaml:2:7 uscc`,
      `${B}/compounds/Lao_Jie:1:1 `,
      `${B}/compounds/ceshi-xiaoqu/compound.yaml:12:10 company`,
      `${B}/compounds/ceshi-xiaoqu/compound.yaml:18:12 manager.updated`,
      `${B}/compounds/ceshi-xiaoqu/elevators.csv:2:7 next_inspection`,
      `${B}/compounds/ceshi-xiaoqu/elevators.csv:3:5 last_maintenance`,
      `${B}/compounds/ceshi-xiaoqu/fees.csv:3:6 price`,
      `${B}/compounds/ceshi-xiaoqu/fees.csv:4:11 effective`,
      `${B}/compounds/ceshi-xiaoqu/public-revenue-items.csv:1:1 `,
      `${B}/compounds/ceshi-xiaoqu/public-revenue.csv:2:3 income_total`,
      `${B}/compounds/ceshi-xiaoqu/public-revenue.csv:3:8 balance`,
      `${B}/compounds/ceshi-xiaoqu/readme.txt:1:1 `,
      `${B}/compounds/ceshi-xiaoqu/utility-split.csv:2:7 amount`,
      `${B}/compounds/laojie/compound.yaml:11:1 committee.acting_since`,
      `${B}/compounds/laojie/compound.yaml:1:1 name`,
      `${B}/compounds/laojie/compound.yaml:5:13 households`,
      `${B}/compounds/xinyuan/compound.yaml:3:1 `,
      `${B}/notes.txt:1:1 `,
      `${B}/site.yaml:3:11 base_url`,
    ]);
  });

  it('only the GBK file is a warning; the build error lists the 19 errors', () => {
    assert.deepEqual(result.problems.filter((p) => p.severity === 'warning').map(at), [
      `${B}/compounds/ceshi-xiaoqu/public-revenue-items.csv:1:1 `,
    ]);
    const error = new ContentValidationError(result.problems);
    assert.equal(error.problems.length, 19);
    assert.equal(error.message.split('\n')[0], t('problem.summary', { count: 19 }));
    assert.equal(error.message.split('\n').length, 20);
  });

  test('formatted messages', (t) => {
    t.assert.snapshot(result.problems.map(formatProblem));
  });
});

describe('loadContent in several processes', () => {
  // The build spreads the compound folders over the cores once there are hundreds; here the processes are forced.
  const load = (contentDir: string, processes: number) =>
    loadContent({ contentDir, projectRoot: PROJECT_ROOT, today: '2026-11-20', processes });

  it('gives the sample data the very same bundle as one process, compounds in the same order', async () => {
    const content = path.join(PROJECT_ROOT, 'content');
    const [one, two, three] = await Promise.all([load(content, 1), load(content, 2), load(content, 3)]);
    assert.ok(one.bundle && one.bundle.compounds.length > 3);
    assert.deepEqual(two, one);
    assert.deepEqual(three, one);
  });

  it('reports every problem of a broken set in the same order as one process', async () => {
    const broken = path.join(UNIT_FIXTURES, 'broken');
    const [one, two] = await Promise.all([load(broken, 1), load(broken, 2)]);
    assert.ok(one.problems.filter((p) => p.file.includes('/compounds/')).length > 1);
    assert.equal(two.bundle, undefined);
    assert.deepEqual(two.problems, one.problems);
  });

  it('keeps what the processes validated under the keys a later run looks for', async () => {
    const content = path.join(PROJECT_ROOT, 'content');
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gongshi-processes-'));
    try {
      const options = { contentDir: content, projectRoot: PROJECT_ROOT, today: '2026-11-20', cacheDir };
      const first = await loadContent({ ...options, processes: 2 });
      const again = await loadContent({ ...options, processes: 2 });
      assert.equal(first.cachedCompounds, undefined);
      assert.equal(again.cachedCompounds, again.bundle?.compounds.length);
      assert.deepEqual(again, { ...first, cachedCompounds: again.cachedCompounds });
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('validates in a process the files it reads from disk, when they are those first read', () => {
    const content = path.join(PROJECT_ROOT, 'content');
    const plan = planValidation(readTree(content), { today: '2026-11-20', mode: 'tree' });
    const job = plan.compounds[0];
    assert.ok(job);
    // The process is sent names, not bytes: what it validates is what it reads.
    const named = { ...job, files: job.files.map(([name, file]) => [name, { ...file, bytes: new Uint8Array() }]) };
    const share = {
      jobs: [named as typeof job],
      digests: [folderDigest(job)],
      context: plan.context,
      contentDir: content,
    };
    const [answer] = answersTo(share);
    assert.ok(answer && 'result' in answer && answer.result.record);
    assert.deepEqual(answer.result, validateCompound(job, plan.context));
  });

  it('leaves a folder changed, gone or turned into a link since it was read to the process that read it', async () => {
    const copy = await copyMinimal();
    try {
      const plan = planValidation(readTree(copy.contentDir), { today: MINIMAL_TODAY, mode: 'tree' });
      const job = plan.compounds.find((j) => j.slug === 'ceshi-xiaoqu');
      assert.ok(job);
      const share = { jobs: [job], digests: [folderDigest(job)], context: plan.context, contentDir: copy.contentDir };
      assert.ok('result' in (answersTo(share)[0] ?? {}));
      await copy.write(FEES, `${await readFile(path.join(copy.contentDir, FEES), 'utf8')}\n`);
      assert.deepEqual(answersTo(share), [{ changed: true }]);
      await copy.remove(FEES);
      assert.deepEqual(answersTo(share), [{ changed: true }]);
      await symlink(path.join(copy.root, 'elsewhere.csv'), path.join(copy.contentDir, FEES));
      assert.deepEqual(answersTo(share), [{ changed: true }]);
    } finally {
      await copy.dispose();
    }
  });
});

describe('loadContent when a validation process does not do its part', () => {
  const content = path.join(PROJECT_ROOT, 'content');
  let root = '';
  /**
   * A project root whose validation process answers with `answer`, a function of the share it is sent
   * that returns the answers about its folders,
   * and whose process that reads the received dates is the real one, after `beforeReceived` has run.
   */
  const projectWith = async (name: string, answer: string, beforeReceived = '') => {
    const project = path.join(root, name);
    await mkdir(path.join(project, 'src/core/data'), { recursive: true });
    await writeFile(path.join(project, 'package.json'), '{ "type": "module" }');
    const module = JSON.stringify(new URL('../../src/core/lib/run-process.ts', import.meta.url).href);
    await writeFile(
      path.join(project, 'src/core/data/validation-process.ts'),
      // The answers serialised, as the real process sends them (validateShare).
      `import { serialize } from 'node:v8'; import { answerParent } from ${module};
      answerParent((share) => serialize((${answer})(share)));`,
    );
    // Imported first, so it runs before the real process listens.
    await writeFile(path.join(project, 'src/core/data/before-received.mjs'), beforeReceived);
    const received = JSON.stringify(new URL('../../src/core/data/received-process.ts', import.meta.url).href);
    await writeFile(
      path.join(project, 'src/core/data/received-process.ts'),
      `import './before-received.mjs'; import ${received};`,
    );
    return project;
  };
  const load = (projectRoot: string, processes: number) =>
    loadContent({ contentDir: content, projectRoot, today: '2026-11-20', processes });
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gongshi-process-roots-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('validates here, from what it read, every folder a process says has changed', async () => {
    const project = await projectWith('all-changed', '({ jobs }) => jobs.map(() => ({ changed: true }))');
    const [one, two] = await Promise.all([load(project, 1), load(project, 2)]);
    assert.ok(one.bundle && one.bundle.compounds.length > 3);
    assert.deepEqual(two, one);
  });

  it('keeps in the cache what it validated here for a process that said its folders changed', async () => {
    const project = await projectWith('all-changed-cached', '({ jobs }) => jobs.map(() => ({ changed: true }))');
    const cacheDir = path.join(root, 'all-changed-cache');
    // The cache is kept under the digest of the program, the lockfile included.
    await writeFile(path.join(project, 'package-lock.json'), '{}');
    const options = { contentDir: content, projectRoot: project, today: '2026-11-20', processes: 2, cacheDir };
    const first = await loadContent(options);
    const again = await loadContent(options);
    assert.equal(first.cachedCompounds, undefined);
    assert.equal(again.cachedCompounds, again.bundle?.compounds.length);
    assert.deepEqual(again, { ...first, cachedCompounds: again.cachedCompounds });
  });

  it('reads the received dates once a process has run out of folders, while another still validates', async () => {
    const lock = path.join(root, 'overlap-first');
    const started = path.join(root, 'received-started');
    // The process that takes the lock answers only once the read has started: left until every folder
    // is validated, the read would never start, and the process fails after 20 s.
    const project = await projectWith(
      'overlap',
      `({ jobs }) => {
        const fs = process.getBuiltinModule('node:fs');
        const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
        try {
          fs.mkdirSync(${JSON.stringify(lock)});
        } catch {
          return jobs.map(() => ({ changed: true }));
        }
        for (const until = Date.now() + 20_000; !fs.existsSync(${JSON.stringify(started)}); sleep(10)) {
          if (Date.now() > until) throw new Error('the received dates were not read while this process worked');
        }
        return jobs.map(() => ({ changed: true }));
      }`,
      `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(started)}, '');`,
    );
    const [one, two] = await Promise.all([load(project, 1), load(project, 2)]);
    assert.ok(one.bundle?.compounds.every((record) => record.received?.source === 'git'));
    assert.deepEqual(two, one);
  });

  it('fails in Chinese, naming the folders and the cause, when a process is killed', async () => {
    const project = await projectWith('killed', "() => process.kill(process.pid, 'SIGKILL')");
    await assert.rejects(load(project, 2), (error: Error) => {
      assert.match(error.message, /^校验 compounds\/\S+( … compounds\/\S+)? 这些小区文件夹的进程没有完成/);
      assert.match(
        error.message,
        /was killed \(SIGKILL; most often by the system, short of memory\) before it answered/,
      );
      return true;
    });
  });

  it('stops a process that answers nothing in time and fails in Chinese, naming the folders', {
    timeout: 60_000,
  }, async () => {
    const pidFile = path.join(root, 'hung-pid');
    const project = await projectWith(
      'hung',
      `() => { process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); for (;;); }`,
    );
    // 0.05 minutes: 3 s, time enough for the process to start and say who it is on a busy machine.
    const hung = loadContent({
      contentDir: content,
      projectRoot: project,
      today: '2026-11-20',
      processes: 2,
      answerWithin: 0.05,
    });
    await assert.rejects(hung, (error: Error) => {
      assert.match(
        error.message,
        /^校验 compounds\/\S+( … compounds\/\S+)? 这些小区文件夹的进程 0\.05 分钟没有答复，已被停止，校验因此中止。多半是其中某个文件让校验卡住了/,
      );
      return true;
    });
    const pid = Number(await readFile(pidFile, 'utf8'));
    assert.ok(pid > 0);
    await waitUntil(() => !isRunning(pid));
  });

  it('fails when a process answers with something other than its answers', async () => {
    const project = await projectWith('not-answers', "() => 'done'");
    await assert.rejects(load(project, 2), /the validation process answered for none of \d+ compound folders/);
  });

  it('fails when a process answers for fewer folders than it was sent', async () => {
    const project = await projectWith('short', '({ jobs }) => jobs.slice(1).map(() => ({ changed: true }))');
    await assert.rejects(load(project, 2), /the validation process answered for \d+ of \d+ compound folders/);
  });

  it('stops the other processes once one has failed', async () => {
    const lock = path.join(root, 'first');
    const pidFile = path.join(root, 'waiting-pid');
    // The process that takes the lock says who it is and waits (ten minutes, were it not stopped); the
    // other fails once it knows that, so the waiting one is always there to be stopped.
    const project = await projectWith(
      'one-fails',
      `() => {
        const fs = process.getBuiltinModule('node:fs');
        const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
        try {
          fs.mkdirSync(${JSON.stringify(lock)});
        } catch {
          while (!fs.existsSync(${JSON.stringify(pidFile)})) sleep(10);
          throw new Error('bad share');
        }
        fs.writeFileSync(${JSON.stringify(`${pidFile}.partial`)}, String(process.pid));
        fs.renameSync(${JSON.stringify(`${pidFile}.partial`)}, ${JSON.stringify(pidFile)});
        sleep(600_000);
      }`,
    );
    await assert.rejects(load(project, 2), /bad share/);
    const pid = Number(await readFile(pidFile, 'utf8'));
    assert.ok(pid > 0);
    await waitUntil(() => !isRunning(pid));
  });
});

test('readTree reads every file whole, small ones into shared slabs and large ones on their own', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-slabs-'));
  try {
    // Each file's bytes tell it from the others: a part of a slab handed out twice, or past a file's end, shows.
    const seeds = new Map<string, number>();
    const bytesOf = (name: string, size: number) => {
      if (!seeds.has(name)) seeds.set(name, seeds.size + 1);
      const seed = seeds.get(name) ?? 0;
      return Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + seed * 31) % 251));
    };
    // 20 files of 1.9 MB fill more than one 32 MB slab; the 3 MB file is read on its own.
    const sizes: [string, number][] = [
      ['empty.csv', 0],
      ['a.csv', 1],
      ['big.csv', 3 * 1024 * 1024],
      ...Array.from({ length: 20 }, (_, i): [string, number] => [`part-${String(i).padStart(2, '0')}.csv`, 1_900_000]),
    ];
    for (const [name, size] of sizes) await writeFile(path.join(dir, name), bytesOf(name, size));
    const read = new Map(readTree(dir).map((file) => [file.path, file]));
    assert.equal(read.size, sizes.length);
    for (const [name, size] of sizes) {
      const file = read.get(name);
      assert.equal(file?.bytes.length, size, name);
      assert.ok(Buffer.from(file.bytes).equals(bytesOf(name, size)), name);
      // Small files share slabs; the large one, and the empty one, have buffers of their own.
      const inSlab = file.bytes.buffer.byteLength === 32 * 1024 * 1024;
      assert.equal(inSlab, size > 0 && size < 2 * 1024 * 1024, name);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
