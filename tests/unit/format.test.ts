import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatMonth, formatQuarter, formatScaled, telHref } from '../../src/core/lib/format.ts';

describe('formatDate', () => {
  it('writes a date the Chinese way without leading zeros', () => {
    assert.equal(formatDate('2026-03-05'), '2026年3月5日');
    assert.equal(formatDate('2026-12-31'), '2026年12月31日');
  });
});

describe('formatMonth', () => {
  it('writes a month without a leading zero', () => {
    assert.equal(formatMonth('2026-09'), '2026年9月');
    assert.equal(formatMonth('2026-10'), '2026年10月');
  });
});

describe('formatQuarter', () => {
  it('writes 2025Q3 as 2025年第3季度', () => {
    assert.equal(formatQuarter('2025Q3'), '2025年第3季度');
    assert.equal(formatQuarter('2026Q1'), '2026年第1季度');
  });
});

describe('telHref', () => {
  it('keeps digits only, area code included', () => {
    assert.equal(telHref('0994-7231234'), 'tel:09947231234');
    assert.equal(telHref('400-123-4567'), 'tel:4001234567');
    assert.equal(telHref('13800000000'), 'tel:13800000000');
    assert.equal(telHref('12345'), 'tel:12345');
  });
});

describe('formatScaled', () => {
  const cases: [number, number, string][] = [
    [125050, 100, '1250.5'],
    [125000, 100, '1250'],
    [125001, 100, '1250.01'],
    [5, 100, '0.05'],
    [0, 100, '0'],
    [5613, 10000, '0.5613'],
    [15000, 10000, '1.5'],
    [5, 10000, '0.0005'],
    [35000, 10000, '3.5'],
  ];
  for (const [value, scale, expected] of cases) {
    it(`(${value}, ${scale}) → ${expected}`, () => assert.equal(formatScaled(value, scale), expected));
  }
});
