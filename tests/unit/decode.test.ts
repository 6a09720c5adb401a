import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeText } from '../../src/core/data/decode.ts';
import { UNIT_FIXTURES, utf8 } from './helpers.ts';

const GBK_WARNING =
  '该文件是 GBK/GB18030 编码（Excel 在中文 Windows 上的默认保存方式），已按此读取。建议改存为 UTF-8：Excel 另存为“CSV UTF-8（逗号分隔）”；WPS 若没有 UTF-8 选项，可用记事本打开后另存为，编码选 UTF-8';
const UTF16_ERROR =
  '这是 UTF-16（“Unicode 文本”）文件，无法读取。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，WPS 中选择“CSV（逗号分隔）”并将编码设为 UTF-8';
const BINARY_ERROR =
  '这不是文本文件（可能是 .xls 或 WPS 的 .et 表格改了扩展名）。请在 Excel 或 WPS 中“另存为”CSV 或 Excel 工作簿（.xlsx）格式';

/** 收费项目 in GBK, byte for byte (收 CAD5, 费 B7D1, 项 CFEE, 目 C4BF). */
const GBK_SHOUFEI_XIANGMU = [0xca, 0xd5, 0xb7, 0xd1, 0xcf, 0xee, 0xc4, 0xbf];

describe('decodeText', () => {
  it('reads UTF-8 without a problem', () => {
    const decoded = decodeText('a.csv', utf8('收费项目,金额\n'));
    assert.deepEqual(decoded, { text: '收费项目,金额\n', encoding: 'utf-8', problems: [] });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeText('a.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('收费项目')]));
    assert.equal(decoded.text, '收费项目');
    assert.equal(decoded.encoding, 'utf-8');
    assert.deepEqual(decoded.problems, []);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    assert.deepEqual(decodeText('a.csv', new Uint8Array()), { text: '', encoding: 'utf-8', problems: [] });
  });

  it('reads GBK bytes as GB18030 with a warning at 1:1', () => {
    const bytes = new Uint8Array([...GBK_SHOUFEI_XIANGMU, 0x2c, 0x41]);
    const decoded = decodeText('content/compounds/x/fees.csv', bytes);
    assert.equal(decoded.text, '收费项目,A');
    assert.equal(decoded.encoding, 'gb18030');
    assert.deepEqual(decoded.problems, [
      {
        file: 'content/compounds/x/fees.csv',
        line: 1,
        column: 1,
        field: '',
        label: '文件编码',
        expected: GBK_WARNING,
        severity: 'warning',
      },
    ]);
  });

  it('reads a whole GBK CSV saved by Excel (fixture file)', () => {
    const bytes = readFileSync(path.join(UNIT_FIXTURES, 'csv/public-revenue-items.gbk.csv'));
    // The fixture must really not be UTF-8, or this test would prove nothing.
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const decoded = decodeText('gbk.csv', bytes);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text?.split('\r\n')[0], '季度,收支类别,项目,金额（元）,说明');
    assert.equal(decoded.problems.length, 1);
    assert.equal(decoded.problems[0]?.severity, 'warning');
  });

  it('refuses UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x36, 0x65, 0x39, 0x8d]); // 收费 in UTF-16LE
    const decoded = decodeText('a.csv', bytes);
    assert.equal(decoded.text, undefined);
    assert.equal(decoded.encoding, undefined);
    assert.deepEqual(
      decoded.problems.map((p) => [p.line, p.column, p.label, p.expected, p.severity]),
      [[1, 1, '文件编码', UTF16_ERROR, 'error']],
    );
  });

  it('refuses UTF-16BE with a BOM', () => {
    const decoded = decodeText('a.csv', new Uint8Array([0xfe, 0xff, 0x65, 0x36]));
    assert.equal(decoded.text, undefined);
    assert.equal(decoded.problems[0]?.expected, UTF16_ERROR);
  });

  it('refuses bytes containing NUL (a spreadsheet renamed to .csv, or UTF-16 without a BOM)', () => {
    for (const bytes of [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), // the start of a .xlsx (zip)
      new Uint8Array([0x36, 0x65, 0x00, 0x41]),
    ]) {
      const decoded = decodeText('a.csv', bytes);
      assert.equal(decoded.text, undefined);
      assert.deepEqual(
        decoded.problems.map((p) => [p.expected, p.severity]),
        [[BINARY_ERROR, 'error']],
      );
    }
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const decoded = decodeText('a.csv', new Uint8Array([0x41, 0xff, 0x42]));
    assert.equal(decoded.text, undefined);
    assert.deepEqual(
      decoded.problems.map((p) => [p.expected, p.severity]),
      [['文件编码无法识别（既不是 UTF-8 也不是 GBK）。请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”', 'error']],
    );
  });
});
