import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatYuan, sumFen } from '../../src/core/lib/money.ts';

describe('formatYuan', () => {
  const cases: [number, string][] = [
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [123456, '1,234.56'],
    [99999, '999.99'],
    [100000, '1,000.00'],
    [123456789, '1,234,567.89'],
    [12345678, '123,456.78'],
    [100000000000, '1,000,000,000.00'],
    [-5, '-0.05'],
    [-100, '-1.00'],
    [-123456, '-1,234.56'],
    [-123456789, '-1,234,567.89'],
  ];
  for (const [fen, expected] of cases) {
    it(`${fen} fen → ${expected}`, () => assert.equal(formatYuan(fen), expected));
  }
});

describe('sumFen', () => {
  it('adds integer amounts exactly, from any iterable', () => {
    assert.equal(sumFen([]), 0);
    assert.equal(sumFen([10, 20]), 30);
    assert.equal(sumFen(new Set([800000, 200000, -50])), 999950);
    // Ten times 0.10 元 is exactly 1.00 元 in fen, unlike 0.1 added in floating point.
    assert.equal(sumFen(Array.from({ length: 10 }, () => 10)), 100);
  });
});
