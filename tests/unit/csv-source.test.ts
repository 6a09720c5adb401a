import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import { columnsOf, readTable } from '../../src/core/data/csv-source.ts';
import { formatProblem, type Problem } from '../../src/core/data/problems.ts';
import { elevatorSchema } from '../../src/core/schemas/elevator.ts';
import { feeItemSchema } from '../../src/core/schemas/fee-item.ts';
import { revenueItemSchema, revenueQuarterSchema } from '../../src/core/schemas/public-revenue.ts';
import { utilitySplitSchema } from '../../src/core/schemas/utility-split.ts';
import { UNIT_FIXTURES, utf8 } from './helpers.ts';

const ITEMS_HEADER = '季度,收支类别,项目,金额（元）,说明';
const items = (body: string, header = ITEMS_HEADER) =>
  readTable('items.csv', utf8(`${header}\n${body}`), revenueItemSchema);

/** The located part of each problem: [line, column, field, label]. */
const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.field, p.label]);

const FEES_HEADER =
  '收费项目,收费对象,服务内容,服务标准,计费方式,收费标准（元）,价格管理形式,基准价（元）,浮动幅度,收费依据,计费起始时间,公示日期';
const FEE_ROW =
  '住宅物业服务费,住宅业主,保洁,二级,元/㎡·月,0.80,政府指导价,0.80,±10%,奇发改价〔2020〕12号,2024-01-01,2023-11-20';

describe('columnsOf', () => {
  it('lists every field with its Chinese title and whether it is required', () => {
    assert.deepEqual(columnsOf(revenueItemSchema), [
      { key: 'quarter', title: '季度', required: true },
      { key: 'kind', title: '收支类别', required: true },
      { key: 'item', title: '项目', required: true },
      { key: 'amount', title: '金额（元）', required: true },
      { key: 'note', title: '说明', required: false },
    ]);
    const fee = columnsOf(feeItemSchema);
    assert.equal(fee.map((c) => c.title).join(','), FEES_HEADER);
    assert.deepEqual(
      fee.filter((c) => !c.required).map((c) => c.key),
      ['base_price', 'float_range'],
    );
  });
});

describe('readTable: headers', () => {
  it('reads Chinese headers and normalises every value', () => {
    const table = items('2026年第一季度,收入,地面停车费,"8,000.50",东门\n2026Q1,支出,保洁,１２０元,\n');
    assert.deepEqual(table.problems, []);
    assert.deepEqual(table.rows, [
      { value: { quarter: '2026Q1', kind: '收入', item: '地面停车费', amount: 800050, note: '东门' }, line: 2 },
      { value: { quarter: '2026Q1', kind: '支出', item: '保洁', amount: 12000 }, line: 3 },
    ]);
  });

  it('accepts the English keys as headers, in any order and case', () => {
    const table = items('8000,收入,停车,2026Q1\n', 'Amount,kind,ITEM,quarter');
    assert.deepEqual(table.problems, []);
    assert.deepEqual(table.rows[0]?.value, { quarter: '2026Q1', kind: '收入', item: '停车', amount: 800000 });
  });

  it('ignores spaces, a BOM and half-width brackets in header names', () => {
    const table = readTable(
      'items.csv',
      utf8('\uFEFF 季 度 ,收支类别,项目,金额(元)\n2026Q1,收入,停车,8000\n'),
      revenueItemSchema,
    );
    assert.deepEqual(table.problems, []);
    assert.equal(table.rows[0]?.value.amount, 800000);
  });

  it('reads fees, elevators and utility splits with their real headers', () => {
    const fees = readTable('fees.csv', utf8(`${FEES_HEADER}\n${FEE_ROW}\n`), feeItemSchema);
    assert.deepEqual(fees.problems, []);
    assert.deepEqual(fees.rows[0]?.value, {
      item: '住宅物业服务费',
      payer: '住宅业主',
      content: '保洁',
      standard: '二级',
      unit: '元/㎡·月',
      price: 80,
      price_form: '政府指导价',
      base_price: 80,
      float_range: '±10%',
      basis: '奇发改价〔2020〕12号',
      effective: '2024-01-01',
      announced: '2023-11-20',
    });

    const elevators = readTable(
      'elevators.csv',
      utf8(
        '电梯注册代码,所在位置,维保单位,维保单位电话,最近维保日期,上次年检日期,下次年检日期\n' +
          '31106523252015000001,1号楼1单元,测试电梯公司,7230005,2026/11/5,2025年10月20日,2026.10.19\n',
      ),
      elevatorSchema,
    );
    assert.deepEqual(elevators.problems, []);
    assert.deepEqual(elevators.rows[0]?.value, {
      register_number: '31106523252015000001',
      location: '1号楼1单元',
      contractor: '测试电梯公司',
      contractor_phone: '0994-7230005',
      last_maintenance: '2026-11-05',
      last_inspection: '2025-10-20',
      next_inspection: '2026-10-19',
    });

    const utility = readTable(
      'utility-split.csv',
      utf8(
        'period,kind,scope,usage,unit,unit_price,amount,households,per_household,published\n' +
          '2026年9月,电,楼道照明,"1,250.5",千瓦时,0.5613,701.91,320,2.19,2026-10-08\n',
      ),
      utilitySplitSchema,
    );
    assert.deepEqual(utility.problems, []);
    assert.deepEqual(utility.rows[0]?.value, {
      period: '2026-09',
      kind: '电',
      scope: '楼道照明',
      usage: 125050,
      unit: '千瓦时',
      unit_price: 5613,
      amount: 70191,
      households: 320,
      per_household: 219,
      published: '2026-10-08',
    });
  });

  it('an unknown column is reported at its place in the header, with the columns that are allowed', () => {
    const table = items('2026Q1,收入,停车,8000,x\n', '季度,收支类别,项目,金额（元）,备注X');
    assert.deepEqual(table.rows, []);
    assert.equal(table.problems.length, 1);
    assert.deepEqual(table.problems[0], {
      file: 'items.csv',
      line: 1,
      column: 5,
      field: '',
      label: '表头',
      expected: '不认识的列名。可用的列为：季度、收支类别、项目、金额（元）、说明',
      found: '备注X',
      severity: 'error',
    });
  });

  it('a duplicate column is reported at its second occurrence', () => {
    const table = items('2026Q1,收入,停车,8000,2026Q2\n', '季度,收支类别,项目,金额（元）,quarter');
    assert.deepEqual(table.rows, []);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.label, p.expected, p.found]),
      [[1, 5, 'quarter', '季度', '这一列重复出现，请删除多余的一列', 'quarter']],
    );
  });

  it('a missing required column is reported just after the last header cell; a missing optional one is fine', () => {
    const table = items('2026Q1,收入,8000\n', '季度,收支类别,金额（元）');
    assert.deepEqual(table.rows, []);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.label, p.expected, p.found]),
      [[1, 4, '', '项目', '缺少这一必填列，请在表头中加上', undefined]],
    );
    const withoutNote = items('2026Q1,收入,停车,8000\n', '季度,收支类别,项目,金额（元）');
    assert.deepEqual(withoutNote.problems, []);
    assert.equal(withoutNote.rows.length, 1);
  });

  it('ignores the empty trailing columns Excel and WPS leave after the last header', () => {
    const table = items('2026Q1,收入,停车,8000,,\n', `${ITEMS_HEADER},`);
    assert.deepEqual(table.problems, []);
    assert.equal(table.rows.length, 1);
  });

  it('reports every header problem at once', () => {
    const table = items('', '季度,季度,类别,金额（元）');
    assert.deepEqual(where(table.problems), [
      [1, 2, 'quarter', '季度'],
      [1, 3, '', '表头'],
      [1, 5, '', '收支类别'],
      [1, 5, '', '项目'],
    ]);
  });
});

describe('readTable: file shape', () => {
  it('an empty file says which header it needs', () => {
    const table = readTable('items.csv', new Uint8Array(), revenueItemSchema);
    assert.deepEqual(table.rows, []);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.label, p.expected]),
      [[1, 1, '表格格式', '文件为空或缺少表头。第一行应为表头：季度,收支类别,项目,金额（元）,说明']],
    );
  });

  it('a file of blank lines is also empty', () => {
    const table = readTable('items.csv', utf8('\n\n'), revenueItemSchema);
    assert.equal(table.problems.length, 1);
    assert.match(table.problems[0]?.expected ?? '', /^文件为空或缺少表头/);
  });

  it('a header without rows is a valid, empty table', () => {
    for (const text of [ITEMS_HEADER, `${ITEMS_HEADER}\n`, `${ITEMS_HEADER}\r\n`]) {
      const table = readTable('items.csv', utf8(text), revenueItemSchema);
      assert.deepEqual(table.problems, [], JSON.stringify(text));
      assert.deepEqual(table.rows, []);
    }
  });

  it('blank lines at the end (or in between) are ignored and do not shift line numbers', () => {
    const table = items('2026Q1,收入,停车,8000,\n\n2026Q9,收入,停车,8000,\n,,,,\n  \n\n');
    assert.deepEqual(
      table.rows.map((r) => r.line),
      [2],
    );
    assert.deepEqual(where(table.problems), [[4, 1, 'quarter', '季度']]);
  });

  it('a semicolon-delimited file is refused with advice, at the header', () => {
    const table = readTable(
      'items.csv',
      utf8('季度;收支类别;项目;金额（元）;说明\n2026Q1;收入;停车;8000;\n'),
      revenueItemSchema,
    );
    assert.deepEqual(table.rows, []);
    assert.deepEqual(table.problems, [
      {
        file: 'items.csv',
        line: 1,
        column: 1,
        field: '',
        label: '表格格式',
        expected:
          '列之间应以英文逗号分隔（看起来用了分号、制表符或中文逗号）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
        found: '季度;收支类别;项目;金额（元）;说明',
        severity: 'error',
      },
    ]);
  });

  it('tab- and Chinese-comma-delimited files are refused the same way', () => {
    for (const sep of ['\t', '，']) {
      const table = readTable('items.csv', utf8(`${ITEMS_HEADER.replaceAll(',', sep)}\n`), revenueItemSchema);
      assert.equal(table.problems.length, 1, JSON.stringify(sep));
      assert.match(table.problems[0]?.expected ?? '', /^列之间应以英文逗号分隔/);
    }
  });

  it('CRLF line endings give the same rows and lines as LF', () => {
    const body = '2026Q1,收入,停车,8000,\n2026Q9,收入,停车,8000,\n2026Q1,支出,保洁,100,最后\n';
    const lf = items(body);
    const crlf = readTable('items.csv', utf8(`${ITEMS_HEADER}\r\n${body.replaceAll('\n', '\r\n')}`), revenueItemSchema);
    assert.deepEqual(crlf.rows, lf.rows);
    assert.deepEqual(crlf.problems, lf.problems);
    assert.deepEqual(
      crlf.rows.map((r) => [r.line, r.value.note]),
      [
        [2, undefined],
        [4, '最后'],
      ],
    );
    assert.deepEqual(where(crlf.problems), [[3, 1, 'quarter', '季度']]);
  });

  it('CR-only line endings (old Excel for Mac) give the right line numbers', () => {
    const table = readTable(
      'items.csv',
      utf8(`${ITEMS_HEADER}\r2026Q1,收入,停车,8000,\r2026Q9,收入,停车,8000,\r`),
      revenueItemSchema,
    );
    assert.deepEqual(
      table.rows.map((r) => r.line),
      [2],
    );
    assert.deepEqual(where(table.problems), [[3, 1, 'quarter', '季度']]);
  });

  it('a multi-line quoted cell keeps the line numbers of later rows right', () => {
    const table = items(
      '2026Q1,收入,"地面停车费\n（东门\n西门）",8000,\n' + // lines 2-4
        '2026Q1,收入,电梯广告,abc,"说明\r\n两行"\n' + // lines 5-6
        '2026Q5,收入,场地租金,100,\n', // line 7
    );
    assert.deepEqual(
      table.rows.map((r) => [r.line, r.value.item]),
      [[2, '地面停车费\n（东门\n西门）']],
    );
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.found]),
      [
        [5, 4, 'amount', 'abc'],
        [7, 1, 'quarter', '2026Q5'],
      ],
    );
  });

  it('a row with too many or too few fields is reported, not dropped silently', () => {
    const table = items('2026Q1,收入,停车,8000,,多余\n2026Q1,收入,停车\n2026Q1,收入,停车,8000,\n');
    assert.deepEqual(
      table.rows.map((r) => r.line),
      [4],
    );
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.label, p.expected, p.found]),
      [
        [
          2,
          6,
          '表格格式',
          '这一行有 6 列，表头有 5 列，两者应相同（可能多了或少了逗号）',
          '2026Q1,收入,停车,8000,,多余',
        ],
        [3, 4, '表格格式', '这一行有 3 列，表头有 5 列，两者应相同（可能多了或少了逗号）', '2026Q1,收入,停车'],
      ],
    );
  });

  it('an unbalanced quote is reported on the line where the quote opens', () => {
    const table = items('2026Q1,收入,停车,8000,\n2026Q1,收入,"停车,8000,\n2026Q2,收入,x,1,\n');
    assert.deepEqual(table.rows, []);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.label, p.expected]),
      [[3, 1, '表格格式', '引号不成对：某个单元格以英文双引号开头却没有结束引号，请检查该行']],
    );
  });
});

describe('readTable: cells', () => {
  it('an empty required cell is reported as empty at its column', () => {
    const table = items(',收入,停车,8000,\n2026Q1,收入, ,8000,\n');
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.label, p.expected, p.found]),
      [
        [2, 1, 'quarter', '季度', '应为季度，例如 2025Q3 或 2025年第3季度', undefined],
        [3, 3, 'item', '项目', '应为一段文字，不能为空', undefined],
      ],
    );
  });

  it('an empty optional cell is left out of the value', () => {
    const table = items('2026Q1,收入,停车,8000,   \n');
    assert.deepEqual(table.problems, []);
    assert.equal('note' in (table.rows[0]?.value ?? {}), false);
  });

  it('five mistakes in five rows give five problems, each with its own line and column', () => {
    const table = items(
      [
        '2026Q1,收入,停车,8000,', // 2: fine
        '2026Q5,收入,停车,8000,', // 3: quarter
        '2026Q1,其他,停车,8000,', // 4: kind
        '2026Q1,收入,,8000,', // 5: item empty
        '2026Q1,收入,停车,12.345,', // 6: three decimals
        '2026Q1,收入,停车,1.2E+05,', // 7: scientific
        '2026Q2,支出,保洁,100,', // 8: fine
      ].join('\n'),
    );
    assert.deepEqual(
      table.rows.map((r) => r.line),
      [2, 8],
    );
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.found]),
      [
        [3, 1, 'quarter', '2026Q5'],
        [4, 2, 'kind', '其他'],
        [5, 3, 'item', undefined],
        [6, 4, 'amount', '12.345'],
        [7, 4, 'amount', '1.2E+05'],
      ],
    );
  });

  it('several mistakes in one row are all reported', () => {
    const table = readTable(
      'q.csv',
      utf8(
        '季度,公示日期,业主分成（元）,企业分成（元）,转入维修资金（元）,期末结余（元）\n' +
          '2026Q1,2026-02-30,-5,abc,-1,-100.5\n',
      ),
      revenueQuarterSchema,
    );
    assert.deepEqual(
      table.problems.map((p) => [p.column, p.field, p.expected]),
      [
        [2, 'published', '应为日期，例如 2026-03-01、2026/3/1 或 2026年3月1日'],
        [4, 'company_share', '应为金额（元），最多两位小数，例如 1234.50'],
        [5, 'to_maintenance_fund', '金额不能为负数'],
      ],
    );
  });

  it('a rule across fields points at the field it names (elevator inspection dates)', () => {
    const table = readTable(
      'elevators.csv',
      utf8(
        'register_number,location,contractor,contractor_phone,last_maintenance,last_inspection,next_inspection\n' +
          'E1,1号楼,某公司,13800000000,2026-01-01,2026-05-10,2026-05-10\n',
      ),
      elevatorSchema,
    );
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.label, p.expected, p.found]),
      [[2, 7, 'next_inspection', '下次年检日期', '应晚于上次年检日期', '2026-05-10']],
    );
  });

  it('a utility split with the wrong unit names the unit its kind needs', () => {
    const table = readTable(
      'u.csv',
      utf8(
        '计费月份,类别,分摊范围,用量,单位,单价（元）,金额（元）,分摊户数,每户分摊（元）,公示日期\n2026-09,水,二次供水,100,千瓦时,3.5,350,10,35,2026-10-08\n',
      ),
      utilitySplitSchema,
    );
    assert.deepEqual(
      table.problems.map((p) => [p.column, p.field, p.expected, p.found]),
      [[5, 'unit', '水的用量单位应为“吨”', '千瓦时']],
    );
  });

  it('a government-guided price without its base price points at the empty base-price cell', () => {
    const row = FEE_ROW.replace('政府指导价,0.80,±10%', '政府指导价,,±10%');
    const table = readTable('fees.csv', utf8(`${FEES_HEADER}\n${row}\n`), feeItemSchema);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.label, p.expected]),
      [[2, 8, 'base_price', '基准价（元）', '价格管理形式为“政府指导价”时必须填写基准价和浮动幅度']],
    );
  });

  it('a government-guided price in a file without the optional base-price column is not located at column 1', () => {
    const header = FEES_HEADER.replace(',基准价（元）,浮动幅度', '');
    const row = FEE_ROW.replace(',0.80,±10%,', ',');
    const table = readTable('fees.csv', utf8(`${header}\n${row}\n`), feeItemSchema);
    assert.deepEqual(
      table.problems.map((p) => p.field),
      ['base_price', 'float_range'],
    );
    for (const p of table.problems) assert.notEqual(p.column, 1, p.field);
  });

  it('keeps the typed cells of every row that failed, for checks across rows', () => {
    const table = items('2026Q1,收入,停车,8000,\n2026Q2,收入,停车,两千,备注\n2026Q3,收入\n');
    assert.deepEqual(table.failedRows, [
      { quarter: '2026Q2', kind: '收入', item: '停车', amount: '两千', note: '备注' },
      {},
    ]);
    assert.deepEqual(items('2026Q1,收入,停车,8000,\n').failedRows, []);
  });

  it('cell() locates a field of a row for later checks, with the text that was typed', () => {
    const table = items('2026Q1,收入,停车,"8,000",\n');
    assert.deepEqual(table.cell(2, 'amount'), { line: 2, column: 4, found: '8,000' });
    assert.deepEqual(table.cell(2, 'quarter'), { line: 2, column: 1, found: '2026Q1' });
    assert.deepEqual(table.cell(9, 'amount'), { line: 9, column: 4, found: undefined });
  });

  it('reads a GBK file from Excel with a warning, and still checks its rows', () => {
    const bytes = readFileSync(path.join(UNIT_FIXTURES, 'csv/public-revenue-items.gbk.csv'));
    const table = readTable('gbk.csv', bytes, revenueItemSchema);
    assert.deepEqual(table.rows, [
      { value: { quarter: '2026Q1', kind: '收入', item: '地面停车费', amount: 800000, note: '东门停车场' }, line: 2 },
    ]);
    assert.deepEqual(
      table.problems.map((p) => [p.line, p.column, p.field, p.severity, p.found]),
      [
        [1, 1, '', 'warning', undefined],
        [3, 4, 'amount', 'error', '两千'],
      ],
    );
  });

  it('refuses a UTF-16 file without reading rows', () => {
    const table = readTable('u16.csv', new Uint8Array([0xff, 0xfe, 0x63, 0x5b]), revenueItemSchema);
    assert.deepEqual(table.rows, []);
    assert.equal(table.problems.length, 1);
    assert.equal(table.problems[0]?.label, '文件编码');
  });
});

test('formatted messages for a table with many mistakes', (t) => {
  const table = readTable(
    'content/compounds/ceshi-xiaoqu/public-revenue-items.csv',
    utf8(
      [
        ITEMS_HEADER,
        '2026Q5,收入,停车,8000,',
        '2026Q1,其他,停车,8000,',
        '2026Q1,收入,,8000,',
        '2026Q1,收入,停车,12.345,',
        '2026Q1,收入,停车,1.2E+05,',
        '2026Q1,收入,停车,-5,',
        '2026Q1,收入,停车',
      ].join('\n'),
    ),
    revenueItemSchema,
  );
  t.assert.snapshot(table.problems.map(formatProblem));
});
