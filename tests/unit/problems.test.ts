import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContentValidationError, formatProblem, type Problem, sortProblems } from '../../src/core/data/problems.ts';
import { t } from '../../src/core/i18n/t.ts';

const problem = (overrides: Partial<Problem> = {}): Problem => ({
  file: 'content/compounds/x/compound.yaml',
  line: 14,
  column: 10,
  field: 'manager.phone',
  label: '小区物业负责人信息 › 项目负责人电话',
  expected: '应为电话号码',
  found: '138',
  severity: 'error',
  ...overrides,
});

describe('formatProblem', () => {
  it('YAML: file:line:column, label with the field key, expected and found', () => {
    assert.equal(
      formatProblem(problem()),
      'content/compounds/x/compound.yaml:14:10 小区物业负责人信息 › 项目负责人电话（manager.phone）：应为电话号码；实际为「138」',
    );
  });

  it('CSV: the Chinese column name alone', () => {
    assert.equal(
      formatProblem(
        problem({
          file: 'content/compounds/x/fees.csv',
          line: 3,
          column: 6,
          field: 'price',
          label: '收费标准（元）',
          expected: '应为金额',
          found: '五十',
        }),
      ),
      'content/compounds/x/fees.csv:3:6 收费标准（元）：应为金额；实际为「五十」',
    );
  });

  it('nothing found reads 实际为空', () => {
    assert.equal(
      formatProblem(problem({ found: undefined })),
      'content/compounds/x/compound.yaml:14:10 小区物业负责人信息 › 项目负责人电话（manager.phone）：应为电话号码；实际为空',
    );
    assert.match(formatProblem(problem({ found: '' })), /；实际为「」$/);
  });

  it('a whole-file problem shows its label without a field', () => {
    assert.equal(
      formatProblem(
        problem({
          file: 'content/notes.txt',
          line: 1,
          column: 1,
          field: '',
          label: '文件',
          expected: '不应在此',
          found: 'notes.txt',
        }),
      ),
      'content/notes.txt:1:1 文件：不应在此；实际为「notes.txt」',
    );
  });

  it('without a label or field, the expectation follows the place directly, with no empty value', () => {
    assert.equal(
      formatProblem(problem({ field: '', label: '', found: undefined })),
      'content/compounds/x/compound.yaml:14:10 应为电话号码',
    );
  });

  it('a field with nothing in it says so', () => {
    assert.equal(formatProblem(problem({ found: undefined })).endsWith('；实际为空'), true);
  });

  it('a warning is marked as a reminder', () => {
    assert.equal(
      formatProblem(
        problem({
          file: 'a.csv',
          line: 1,
          column: 1,
          field: '',
          label: '文件编码',
          expected: '是 GBK',
          found: undefined,
          severity: 'warning',
        }),
      ),
      'a.csv:1:1 提醒：文件编码：是 GBK',
    );
  });

  it('a long or multi-line found value is shortened to one line', () => {
    const long = '一'.repeat(70);
    assert.equal(formatProblem(problem({ found: long })).endsWith(`；实际为「${'一'.repeat(57)}…」`), true);
    assert.equal(formatProblem(problem({ found: '第一行\n  第二行' })).endsWith('；实际为「第一行 第二行」'), true);
    const sixty = 'x'.repeat(60);
    assert.equal(formatProblem(problem({ found: sixty })).endsWith(`「${sixty}」`), true);
  });
});

describe('sortProblems', () => {
  it('sorts by file, line, column, then field, without changing the input', () => {
    const input = [
      problem({ file: 'b.csv', line: 2, column: 1, field: 'x' }),
      problem({ file: 'a.yaml', line: 10, column: 3, field: 'b' }),
      problem({ file: 'a.yaml', line: 2, column: 5, field: 'z' }),
      problem({ file: 'a.yaml', line: 10, column: 3, field: 'a' }),
      problem({ file: 'a.yaml', line: 10, column: 1, field: 'q' }),
    ];
    const copy = [...input];
    const sorted = sortProblems(input);
    assert.deepEqual(input, copy);
    assert.deepEqual(
      sorted.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}`),
      ['a.yaml:2:5 z', 'a.yaml:10:1 q', 'a.yaml:10:3 a', 'a.yaml:10:3 b', 'b.csv:2:1 x'],
    );
  });

  it('sorts lines numerically, not as text', () => {
    const sorted = sortProblems([problem({ line: 10 }), problem({ line: 9 })]);
    assert.deepEqual(
      sorted.map((p) => p.line),
      [9, 10],
    );
  });
});

describe('ContentValidationError', () => {
  it('lists only the errors, sorted, after a summary with their count', () => {
    const error = new ContentValidationError([
      problem({ file: 'b.csv', line: 3, label: 'B', field: 'b', expected: '应为B', found: undefined }),
      problem({
        severity: 'warning',
        file: 'w.csv',
        line: 1,
        column: 1,
        field: '',
        label: '文件编码',
        expected: 'GBK',
      }),
      problem({
        file: 'a.yaml',
        line: 1,
        column: 1,
        field: 'name',
        label: '小区名称',
        expected: '应为文字',
        found: undefined,
      }),
    ]);
    assert.equal(error.name, 'ContentValidationError');
    assert.ok(error instanceof Error);
    assert.deepEqual(
      error.problems.map((p) => p.file),
      ['a.yaml', 'b.csv'],
    );
    assert.equal(
      error.message,
      [
        t('problem.summary', { count: 2 }),
        'a.yaml:1:1 小区名称（name）：应为文字；实际为空',
        'b.csv:3:10 B：应为B；实际为空',
      ].join('\n'),
    );
    assert.match(t('problem.summary', { count: 2 }), /2 处错误/);
  });
});

describe('formatProblem and private numbers', () => {
  it('never repeats an ID or full bank card number found in a value, whatever the problem', () => {
    const text = formatProblem(
      problem({ found: '退款6222 0212 3456 7890 128，身份证11010519491231002X', label: '金额（元）', file: 'a.csv' }),
    );
    assert.ok(!text.includes('6222 0212'), text);
    assert.ok(!text.includes('110105'), text);
    assert.match(text, /\*+0128/);
    assert.match(text, /\*+002X/);
  });
});
