/**
 * What a committee relies on when submitting: templates that validate,
 * a column dictionary drawn from the schemas, Excel's GBK files read like
 * their UTF-8 twins, every mistake reported in one run, privacy checks on
 * every value, and GitHub annotations within GitHub's limits.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ANNOTATION_LIMIT, annotations, stepSummary } from '../../scripts/lib/github.ts';
import { columnsOf } from '../../src/core/data/csv-source.ts';
import { columnDocs, TABLE_FILES, templateCsv } from '../../src/core/data/dictionary.ts';
import { formatProblem, type Problem } from '../../src/core/data/problems.ts';
import { COMPOUND_TABLES } from '../../src/core/data/tables.ts';
import { type SourceFile, validateContent } from '../../src/core/data/validate-content.ts';

const TODAY = '2026-11-20';
const encode = (text: string) => new TextEncoder().encode(text);
const loose = (files: SourceFile[]) =>
  validateContent(files, { today: TODAY, mode: 'loose', knownCommunities: ['dongcheng'], knownCompanies: ['tianrun'] });

describe('templates', () => {
  it('validate together, as a committee would first try them', async () => {
    const files: SourceFile[] = [
      ...TABLE_FILES.map((name) => ({ path: name, bytes: encode(templateCsv(name)) })),
      { path: 'compound.yaml', bytes: await readFile('src/site/templates/compound.yaml') },
      { path: 'communities/dongcheng.yaml', bytes: await readFile('src/site/templates/community.yaml') },
      { path: 'companies/tianrun.yaml', bytes: await readFile('src/site/templates/company.yaml') },
    ];
    assert.deepEqual(loose(files).problems.map(formatProblem), []);
  });

  it('start with a byte-order mark and the Chinese headers of the schema, in order', () => {
    for (const name of TABLE_FILES) {
      const csv = templateCsv(name);
      assert.equal(csv.charCodeAt(0), 0xfeff);
      const header = csv.slice(1).split('\r\n')[0];
      assert.equal(
        header,
        columnsOf(COMPOUND_TABLES[name])
          .map((c) => c.title)
          .join(','),
      );
    }
  });
});

describe('column dictionary', () => {
  it('describes every column and gives an example for every required one', () => {
    for (const name of TABLE_FILES) {
      const docs = columnDocs(name);
      assert.deepEqual(
        docs.filter((doc) => !doc.description).map((doc) => doc.title),
        [],
        `${name}: columns without a description`,
      );
      assert.deepEqual(
        docs.filter((doc) => doc.required && !doc.example).map((doc) => doc.title),
        [],
        `${name}: required columns without an example`,
      );
    }
  });

  it('states formats with the validator’s own words and lists the choices', (t) => {
    const fees = columnDocs('fees.csv');
    const price = fees.find((d) => d.key === 'price');
    assert.equal(price?.format, '应为金额（元），最多两位小数，例如 1234.50');
    assert.deepEqual(fees.find((d) => d.key === 'price_form')?.allowed, ['政府指导价', '市场调节价']);
    assert.equal(fees.find((d) => d.key === 'item')?.format, undefined);
    t.assert.snapshot(Object.fromEntries(TABLE_FILES.map((name) => [name, columnDocs(name)])));
  });
});

describe('real-world CSV', () => {
  it('finds all five mistakes of five rows in one run, each at its line and column', async () => {
    const { problems } = loose([
      { path: 'fees.csv', bytes: await readFile('tests/fixtures/submission/fees-five-mistakes.csv') },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.label]),
      [
        [3, 9, '浮动幅度'],
        [4, 6, '收费标准（元）'],
        [5, 7, '价格管理形式'],
        [6, 11, '计费起始时间'],
        [7, 12, '公示日期'],
      ],
    );
  });

  it('reads a GBK file saved by Excel exactly like its UTF-8 twin, plus one reminder', async () => {
    const gbk = loose([
      { path: 'fees.csv', bytes: await readFile('tests/fixtures/submission/fees-five-mistakes.gbk.csv') },
    ]);
    const utf8 = loose([
      { path: 'fees.csv', bytes: await readFile('tests/fixtures/submission/fees-five-mistakes.csv') },
    ]);
    const [reminder, ...rest] = gbk.problems;
    assert.equal(reminder?.severity, 'warning');
    assert.match(reminder?.expected ?? '', /GBK/);
    assert.deepEqual(rest, utf8.problems);
  });

  it('accepts full-width digits, 元, thousands separators, slashes and 年月日', async () => {
    const { problems } = loose([
      { path: 'fees.csv', bytes: await readFile('tests/fixtures/submission/fees-five-mistakes.csv') },
    ]);
    assert.equal(problems.filter((p) => p.line === 2).length, 0);
  });
});

describe('privacy', () => {
  const csv = (cells: string) =>
    encode(`季度,收支类别,项目,金额（元）,说明\r\n2026Q1,收入,地面停车费,100,${cells}\r\n`);

  it('refuses an ID number in any CSV cell, showing only its last four characters', () => {
    const { problems } = loose([{ path: 'public-revenue-items.csv', bytes: csv('退款给11010519491231002X') }]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.found]),
      [[2, 5, '**************002X']],
    );
    assert.match(problems[0]?.expected ?? '', /身份证号不得公开/);
  });

  it('refuses a personal mobile in free text but not in a phone field', async () => {
    const template = await readFile('src/site/templates/compound.yaml', 'utf8');
    const inText = template.replace('address: 奇台县奇台镇示例路1号', 'address: 奇台县奇台镇示例路1号 联系13912345678');
    const inPhone = template.replace('repair: 0994-7251190', 'repair: 13912345678');
    const text = loose([{ path: 'compound.yaml', bytes: encode(inText) }]).problems;
    assert.deepEqual(
      text.map((p) => [p.field, p.found]),
      [['address', '*******5678']],
    );
    assert.deepEqual(loose([{ path: 'compound.yaml', bytes: encode(inPhone) }]).problems, []);
  });

  it('refuses a full bank card number, even in a phone field', () => {
    const { problems } = loose([{ path: 'public-revenue-items.csv', bytes: csv('转入 6222 0212 3456 7890 128') }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.expected ?? '', /后四位/);
  });
});

describe('GitHub annotations', () => {
  const problem = (n: number, severity: Problem['severity'] = 'error'): Problem => ({
    file: 'content/compounds/x/fees.csv',
    line: n,
    column: 6,
    field: 'price',
    label: '收费标准（元）',
    expected: '应为金额（元），最多两位小数，例如 1234.50',
    found: 'a,b:c%',
    severity,
  });

  it('annotates at most ten errors and ten warnings, escaping what GitHub would misread', () => {
    const lines = annotations([...Array.from({ length: 12 }, (_, i) => problem(i + 2)), problem(30, 'warning')]);
    assert.equal(lines.length, ANNOTATION_LIMIT + 1);
    assert.equal(
      lines[0],
      '::error file=content/compounds/x/fees.csv,line=2,col=6,title=收费标准（元）::收费标准（元）：应为金额（元），最多两位小数，例如 1234.50；实际为「a,b:c%25」',
    );
    assert.match(lines.at(-1) ?? '', /^::warning file=.*,line=30,/);
  });

  it('lists every problem in the job summary', () => {
    const summary = stepSummary(
      Array.from({ length: 12 }, (_, i) => problem(i + 2)),
      '数据检查：12 处错误',
    );
    assert.equal(summary.split('\n').filter((l) => l.startsWith('| 错误 |')).length, 12);
  });
});

describe('what committee members actually type', () => {
  it('catches an elevator code Excel turned into scientific notation, though the column is text', () => {
    const header = '电梯注册代码,所在位置,维保单位,维保单位电话,最近维保日期,上次年检日期,下次年检日期';
    const row = '3.11065E+19,1号楼1单元,某电梯公司,0994-7230005,2026-11-05,2025-10-20,2026-10-19';
    const { problems } = loose([{ path: 'elevators.csv', bytes: encode(`${header}\r\n${row}\r\n`) }]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.label, p.found]),
      [[2, 1, '电梯注册代码', '3.11065E+19']],
    );
    assert.match(problems[0]?.expected ?? '', /科学计数法/);
  });

  it('explains a YAML value starting with @ in Chinese, once', async () => {
    const template = await readFile('src/site/templates/compound.yaml', 'utf8');
    const bad = template.replace('repair_hours: 全天24小时', 'repair_hours: @全天');
    const { problems } = loose([{ path: 'compound.yaml', bytes: encode(bad) }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.expected ?? '', /加上英文双引号/);
    assert.doesNotMatch(problems[0]?.expected ?? '', /[A-Za-z]{6,}/);
  });

  it('names the allowed file names when a file checked on its own is misnamed', () => {
    const { problems } = loose([{ path: '维修资金.csv', bytes: encode('a\r\n') }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.expected ?? '', /maintenance-fund\.csv/);
  });

  it('gives the Chinese meaning of choices written in English', async () => {
    const template = await readFile('src/site/templates/compound.yaml', 'utf8');
    const { problems } = loose([
      { path: 'compound.yaml', bytes: encode(template.replace('status: established', 'status: yes')) },
    ]);
    assert.match(problems[0]?.expected ?? '', /established（已成立）、acting（社区代行）/);
  });
});
