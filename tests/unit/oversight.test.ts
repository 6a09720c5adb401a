/**
 * content/oversight/: the credit scale, ratings, actions, blacklist and
 * evaluations; the evaluation rule of the compliance engine; the dashboard lists.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type LoadResult, loadContent } from '../../src/core/data/load-content.ts';
import type { Problem } from '../../src/core/data/problems.ts';
import { evaluateCompound, RULES } from '../../src/core/model/compliance.ts';
import { dashboard, listView } from '../../src/core/model/dashboard.ts';
import { companyListing, currentRating, rankedEvaluations } from '../../src/core/model/oversight.ts';
import { quartersOfHalf, rateOf, sumWorkOrders, workOrdersIn } from '../../src/core/model/work-orders.ts';
import { evaluationDeadline, lastDueHalfYear } from '../../src/core/rules/evaluation.ts';
import { blacklistEntrySchema } from '../../src/core/schemas/blacklist.ts';
import { type CreditRecord, creditScore } from '../../src/core/schemas/credit-record.ts';
import { evaluationSchema } from '../../src/core/schemas/evaluation.ts';
import { parseHalfYear } from '../../src/core/schemas/half-year.ts';
import { gradeForScore, ratingScaleSchema } from '../../src/core/schemas/rating.ts';
import { baseRecord, type ContentCopy, copyMinimal, MINIMAL_TODAY } from './helpers.ts';

const SCALE = `basis: 评定办法
grades:
  - { grade: AAA, min: 90, max: 100 }
  - { grade: AA, min: 80, max: 89 }
  - { grade: A, min: 70, max: 79 }
  - { grade: B, min: 60, max: 69 }
  - { grade: C, min: 0, max: 59, blacklist: true }
`;
const RATINGS_HEAD = '评定期,企业标识,得分,信用等级,公布日期\n';
const EVALUATIONS_HEAD = '考评期,小区标识,得分,考评等级,考评日期\n';

async function loadWith(mutate: (c: ContentCopy) => Promise<void>, today = MINIMAL_TODAY): Promise<LoadResult> {
  const copy = await copyMinimal();
  try {
    await mkdir(path.join(copy.contentDir, 'oversight'));
    await mutate(copy);
    return await loadContent({ contentDir: copy.contentDir, projectRoot: copy.root, today });
  } finally {
    await copy.dispose();
  }
}
const at = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.field}`;

describe('half-years', () => {
  it('reads the usual spellings', () => {
    assert.equal(parseHalfYear('2025H2'), '2025H2');
    assert.equal(parseHalfYear('２０２５－ｈ１'), '2025H1');
    assert.equal(parseHalfYear('2025年下半年'), '2025H2');
    assert.equal(parseHalfYear('2025年上半年'), '2025H1');
    assert.equal(parseHalfYear('2025Q3'), undefined);
  });
  it('an evaluation is due by the end of the quarter after its half-year', () => {
    assert.equal(evaluationDeadline('2026H1'), '2026-09-30');
    assert.equal(evaluationDeadline('2025H2'), '2026-03-31');
    assert.equal(lastDueHalfYear('2026-09-30'), '2025H2');
    assert.equal(lastDueHalfYear('2026-10-01'), '2026H1');
  });
});

describe('schemas', () => {
  it('the scale: grades with bands; gradeForScore finds the band', () => {
    const scale = ratingScaleSchema.parse({
      basis: 'x',
      grades: [
        { grade: 'A', min: 60, max: 100 },
        { grade: 'C', min: 0, max: 59, blacklist: true },
      ],
    });
    assert.equal(gradeForScore(scale, 60)?.grade, 'A');
    assert.equal(gradeForScore(scale, 59)?.grade, 'C');
    assert.equal(gradeForScore(scale, 59)?.blacklist, true);
    assert.equal(scale.grades[0]?.blacklist, false);
  });
  it('a blacklist entry cannot be lifted before it was listed', () => {
    const row = { company: 'x', reason: 'r', date: '2026-02-01', decision: 'd' };
    assert.equal(blacklistEntrySchema.safeParse({ ...row, lifted: '2026-03-01' }).success, true);
    assert.equal(blacklistEntrySchema.safeParse({ ...row, lifted: '2026-01-01' }).success, false);
  });
  it('an evaluation has a score of 0–100 and a known grade', () => {
    const row = { period: '2026年上半年', compound: 'x', score: '88', grade: '良好', date: '2026-08-01' };
    assert.equal(evaluationSchema.parse(row).period, '2026H1');
    assert.equal(evaluationSchema.safeParse({ ...row, score: '101' }).success, false);
    assert.equal(evaluationSchema.safeParse({ ...row, grade: '很好' }).success, false);
  });
});

describe('content/oversight/', () => {
  it('is optional: no folder, no ratings, no evaluation findings', async () => {
    const { bundle, problems } = await loadWith((c) => c.remove('oversight'));
    assert.deepEqual(problems, []);
    assert.deepEqual(bundle?.oversight.ratings, []);
    assert.equal(bundle?.oversight.evaluations, undefined);
    for (const record of bundle?.compounds ?? []) {
      assert.deepEqual(
        evaluateCompound(record, MINIMAL_TODAY).filter((f) => f.section === 'evaluation'),
        [],
      );
    }
  });

  it('refuses a rating or a commendation that contradicts a blacklisting, naming both rows', async () => {
    const { problems } = await loadWith(async (c) => {
      await c.write('oversight/rating-scale.yaml', SCALE);
      await c.write(
        'oversight/ratings.csv',
        `${RATINGS_HEAD}2025H2,ceshi,93,AAA,2026-01-20\n2026H1,ceshi,52,C,2026-07-20\n`,
      );
      await c.write(
        'oversight/blacklist.csv',
        '企业标识,项目负责人,列入原因,列入日期,决定文号,移出日期\nceshi,,拒不整改,2025-08-01,文1,2026-02-01\n',
      );
      await c.write(
        'oversight/actions.csv',
        '类别,企业标识,项目负责人,日期,事由,文号\n表彰,ceshi,,2026-01-25,成效显著,文2\n表彰,ceshi,,2026-03-01,成效显著,文3\n',
      );
    }, '2026-11-05');
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        [
          'content/oversight/ratings.csv:2:4 grade',
          '公布评级时该企业仍在黑名单上，见 content/oversight/blacklist.csv 第 2 行（2025年8月1日列入）：评为 AAA 与黑名单矛盾。请核对评级或黑名单的列入、移出日期',
        ],
        [
          'content/oversight/actions.csv:2:1 kind',
          '表彰之日被表彰的企业或项目负责人仍在黑名单上，见 content/oversight/blacklist.csv 第 2 行（2025年8月1日列入）。请核对表彰日期或黑名单的列入、移出日期',
        ],
      ],
    );
  });

  it('loads valid files', async () => {
    const { bundle, problems } = await loadWith(async (c) => {
      await c.write('oversight/rating-scale.yaml', SCALE);
      await c.write(
        'oversight/ratings.csv',
        `${RATINGS_HEAD}2026H1,ceshi,52,C,2026-07-20\n2025H2,ceshi,83,AA,2026-01-20\n`,
      );
      await c.write(
        'oversight/blacklist.csv',
        '企业标识,项目负责人,列入原因,列入日期,决定文号,移出日期\nceshi,,拒不整改,2026-08-01,文1,\n',
      );
      await c.write(
        'oversight/actions.csv',
        '类别,企业标识,项目负责人,日期,事由,文号\n通报批评,ceshi,,2026-04-01,差,文2\n',
      );
      await c.write('oversight/evaluations.csv', `${EVALUATIONS_HEAD}2026H1,ceshi-xiaoqu,80,良好,2026-08-01\n`);
    });
    assert.deepEqual(problems, []);
    assert.ok(bundle);
    assert.equal(currentRating(bundle.oversight, 'ceshi')?.grade, 'C');
    assert.equal(companyListing(bundle.oversight, 'ceshi', MINIMAL_TODAY)?.decision, '文1');
    assert.equal(companyListing(bundle.oversight, 'ceshi', '2026-07-31'), undefined);
    const ceshi = bundle.compounds.find((r) => r.slug === 'ceshi-xiaoqu');
    const laojie = bundle.compounds.find((r) => r.slug === 'laojie');
    assert.deepEqual(
      ceshi?.evaluations?.map((e) => e.period),
      ['2026H1'],
    );
    assert.deepEqual(laojie?.evaluations, []);
  });

  it('a grade that does not match its score band, an unknown grade, company or compound, a duplicate', async () => {
    const { bundle, problems } = await loadWith(async (c) => {
      await c.write('oversight/rating-scale.yaml', SCALE);
      await c.write(
        'oversight/ratings.csv',
        `${RATINGS_HEAD}2026H1,ceshi,85,AAA,2026-07-20\n2026H1,ceshi,85,AA,2026-07-20\n2025H2,nosuch,95,AAA,2026-01-20\n2025H2,ceshi,95,S,2026-01-20\n`,
      );
      await c.write('oversight/evaluations.csv', `${EVALUATIONS_HEAD}2026H1,nosuch,80,良好,2026-08-01\n`);
    });
    assert.equal(bundle, undefined);
    assert.deepEqual(
      problems.map((p) => [at(p), p.expected]),
      [
        ['content/oversight/ratings.csv:2:4 grade', '得分 85 属于 AA 级（80–89 分），信用等级应为 AA'],
        [
          'content/oversight/ratings.csv:4:2 company',
          `找不到这个物业服务企业，应为 content/companies/ 中的文件名之一：ceshi`,
        ],
        ['content/oversight/ratings.csv:5:4 grade', '应为评定标准中的等级之一：AAA、AA、A、B、C'],
        ['content/oversight/ratings.csv:3:2 company', '与第 2 行重复，请删除其中一行'],
        [
          'content/oversight/evaluations.csv:2:2 compound',
          '找不到这个小区，应为 content/compounds/ 中的文件夹名之一：ceshi-xiaoqu、laojie',
        ],
      ],
    );
  });

  it('overlapping bands, ratings without a scale, an unknown file', async () => {
    const overlap = await loadWith((c) =>
      c.write(
        'oversight/rating-scale.yaml',
        'basis: x\ngrades:\n  - { grade: A, min: 50, max: 100 }\n  - { grade: C, min: 0, max: 60 }\n',
      ),
    );
    assert.deepEqual(
      overlap.problems.map((p) => [at(p), p.expected]),
      [['content/oversight/rating-scale.yaml:3:5 grades.0', '等级 A 与 C 的得分区间重叠，每个得分只能属于一个等级']],
    );
    const noScale = await loadWith(async (c) => {
      await c.write('oversight/ratings.csv', `${RATINGS_HEAD}2026H1,ceshi,85,AA,2026-07-20\n`);
      await c.write('oversight/notes.txt', 'x');
    });
    assert.deepEqual(
      noScale.problems.map((p) => at(p)),
      ['content/oversight/notes.txt:1:1 ', 'content/oversight/rating-scale.yaml:1:1 '],
    );
  });
});

describe('rule evaluation', () => {
  const rule = RULES.find((r) => r.key === 'evaluation.held');
  const evaluation = (period: string) => ({
    period,
    compound: 'x',
    score: 80,
    grade: '良好' as const,
    date: '2026-01-10',
  });
  it('moving the build date moves a compound into the overdue list', () => {
    const record = baseRecord({ evaluations: [evaluation('2025H2')] });
    // 2026H1 has ended but is due only by 2026-09-30.
    assert.deepEqual(
      rule?.evaluate(record, '2026-09-30').map((f) => [f.level, f.text]),
      [['due', '2026年上半年的综合考评应于 2026年9月30日 前完成']],
    );
    assert.deepEqual(
      rule?.evaluate(record, '2026-10-01').map((f) => [f.level, f.text]),
      [['overdue', '2026年上半年的综合考评未公布（应于 2026年9月30日 前完成）']],
    );
    const withLatest = baseRecord({ evaluations: [evaluation('2025H2'), evaluation('2026H1')] });
    assert.deepEqual(rule?.evaluate(withLatest, '2026-10-01'), []);
  });
  it('feeds the dashboard list', () => {
    const late = baseRecord({ slug: 'late', evaluations: [evaluation('2025H2')] });
    const done = baseRecord({ slug: 'done', evaluations: [evaluation('2025H2'), evaluation('2026H1')] });
    const community = { slug: late.compound.community, name: '测试社区', address: 'x', phone: '12345' };
    const before = dashboard([late, done], [community], '2026-09-30');
    assert.deepEqual(before.county.lists['evaluation-overdue'], []);
    const after = dashboard([late, done], [community], '2026-10-01');
    assert.deepEqual(
      after.county.lists['evaluation-overdue'].map((r) => r.slug),
      ['late'],
    );
    assert.deepEqual(
      after.communities[0]?.lists['evaluation-overdue'].map((r) => r.slug),
      ['late'],
    );
  });
  it('gives a list page what it shows, and nothing it does not (its props are its cache key)', () => {
    const late = baseRecord({ slug: 'late', evaluations: [evaluation('2025H2')] });
    const done = baseRecord({ slug: 'done', evaluations: [evaluation('2025H2'), evaluation('2026H1')] });
    const community = { slug: late.compound.community, name: '测试社区', address: 'x', phone: '12345' };
    const board = dashboard([late, done], [community], '2026-10-01');
    const view = listView(board, 'evaluation-overdue');
    assert.equal(view.count, 1);
    assert.deepEqual(
      view.areas.map((a) => [a.slug, a.name, a.rows.map((r) => [r.slug, r.name, r.findings.map((f) => f.level)])]),
      [[community.slug, '测试社区', [['late', late.compound.name, ['overdue']]]]],
    );
    // The same list a day before it fell due has no row: a different view, so a different page key.
    const before = listView(dashboard([late, done], [community], '2026-09-30'), 'evaluation-overdue');
    assert.deepEqual(
      before.areas.map((a) => a.rows.length),
      [0],
    );
    // A change the list does not show (the other compound's fees) leaves its view as it was.
    const repriced = { ...done, fees: [] };
    assert.deepEqual(listView(dashboard([late, repriced], [community], '2026-10-01'), 'evaluation-overdue'), view);
  });
  it('ranks evaluations by score, equal scores sharing a rank', () => {
    const rows = [
      { ...evaluation('2026H1'), compound: 'a', score: 80 },
      { ...evaluation('2026H1'), compound: 'b', score: 90 },
      { ...evaluation('2026H1'), compound: 'c', score: 80 },
      { ...evaluation('2025H2'), compound: 'd', score: 99 },
    ];
    assert.deepEqual(
      rankedEvaluations(rows, '2026H1').map((r) => [r.compound, r.rank]),
      [
        ['b', 1],
        ['a', 2],
        ['c', 2],
      ],
    );
  });
});

describe('12345 work orders', () => {
  const HEAD =
    '统计季度,小区标识,受理量,物业服务,物业收费,设施设备维修,环境卫生,安全隐患,其他,按时响应量,按时办结量,回访量,满意量\n';

  it('counts that do not add up, an unknown compound, a repeated quarter and one not begun: each located', async () => {
    const result = await loadWith((c) =>
      c.write(
        'oversight/work-orders-12345.csv',
        `${HEAD}2026Q3,ceshi-xiaoqu,5,1,1,1,1,1,1,5,4,4,5\n2026Q3,nosuch,1,1,0,0,0,0,0,1,1,1,1\n2026Q2,ceshi-xiaoqu,2,2,0,0,0,0,0,2,2,2,2\n2026Q2,ceshi-xiaoqu,2,2,0,0,0,0,0,2,2,2,2\n2027Q1,ceshi-xiaoqu,0,0,0,0,0,0,0,0,0,0,0\n`,
      ),
    );
    assert.deepEqual(
      result.problems.map((p) => [at(p), p.expected]),
      [
        ['content/oversight/work-orders-12345.csv:2:3 total', '应等于各类工单数之和 6'],
        ['content/oversight/work-orders-12345.csv:2:13 satisfied', '不能多于回访量 4'],
        [
          'content/oversight/work-orders-12345.csv:3:2 compound',
          '找不到这个小区，应为 content/compounds/ 中的文件夹名之一：ceshi-xiaoqu、laojie',
        ],
        ['content/oversight/work-orders-12345.csv:6:1 quarter', '季度不能晚于数据生成日期 2026-11-05 所在季度'],
        ['content/oversight/work-orders-12345.csv:5:2 compound', '与第 4 行重复，请删除其中一行'],
      ],
    );
  });

  it('reach the compound’s record, oldest first, and add up with rates rounded down', async () => {
    const result = await loadWith((c) =>
      c.write(
        'oversight/work-orders-12345.csv',
        `${HEAD}2026Q2,ceshi-xiaoqu,3,1,0,2,0,0,0,3,2,2,1\n2026Q1,ceshi-xiaoqu,0,0,0,0,0,0,0,0,0,0,0\n`,
      ),
    );
    const record = result.bundle?.compounds[0];
    assert.deepEqual(
      record?.workOrders?.map((w) => w.quarter),
      ['2026Q1', '2026Q2'],
    );
    const sum = sumWorkOrders(workOrdersIn(record ? [record] : [], quartersOfHalf('2026H1')));
    assert.deepEqual(
      [sum.total, sum.byCategory.repairs, rateOf(sum.closed_on_time, sum.total), rateOf(0, 0)],
      [3, 2, 66, undefined],
    );
  });
});

describe('credit files', () => {
  const HEAD = '企业标识,项目负责人备案编号,记录日期,类别,事项,分值,依据文件,有效期至\n';
  const record = (over: Partial<CreditRecord> = {}): CreditRecord => ({
    company: 'ceshi',
    date: '2026-01-10',
    kind: '良好',
    item: '表彰',
    points: 5,
    source: '奇住建发〔2026〕1号',
    valid_until: '2026-12-31',
    ...over,
  });

  it('a company’s score is the base plus its own records in force, within 0–100', () => {
    const records = [record(), record({ kind: '不良', points: -3, date: '2026-02-01', valid_until: '2026-03-31' })];
    assert.equal(creditScore(80, records, 'ceshi', '2026-01-09'), 80);
    assert.equal(creditScore(80, records, 'ceshi', '2026-03-01'), 82);
    assert.equal(creditScore(80, records, 'ceshi', '2026-04-01'), 85);
    assert.equal(creditScore(98, records, 'ceshi', '2026-04-01'), 100);
    assert.equal(creditScore(80, [record({ manager_filing: 'QT-1' })], 'ceshi', '2026-04-01'), 80);
  });

  it('a sign against its kind, an unknown filing number, and a rating the file does not add up to: each located', async () => {
    const result = await loadWith(async (c) => {
      await c.write('oversight/rating-scale.yaml', `${SCALE}credit_base: 80\n`);
      await c.write('oversight/ratings.csv', `${RATINGS_HEAD}2026H1,ceshi,90,AAA,2026-07-20\n`);
      await c.write(
        'oversight/credit-records.csv',
        `${HEAD}ceshi,,2026-01-10,良好,表彰,+5,文1,2026-12-31\nceshi,,2026-02-10,不良,通报,+2,文2,2026-12-31\nceshi,QT-NONE,2026-02-10,不良,通报,-2,文3,2026-12-31\n`,
      );
    });
    assert.deepEqual(
      result.problems.map((p) => [at(p), p.expected]),
      [
        ['content/oversight/credit-records.csv:3:6 points', '不良记录的分值应为不良对应的符号：良好为正数，不良为负数'],
        [
          'content/oversight/credit-records.csv:4:2 manager_filing',
          '这个企业服务的小区中没有这个项目负责人备案编号（见各小区 compound.yaml 的 manager.filing_number）',
        ],
        [
          'content/oversight/ratings.csv:2:3 score',
          '得分应为信用档案计算的 85 分（基础分 80 分，加上公布日有效的企业记录合计 5 分）',
        ],
      ],
    );
  });
});
