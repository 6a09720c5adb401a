import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internStrings } from '../../src/core/lib/intern.ts';

test('equal strings end up as one value, and the data reads exactly as before', () => {
  const quarter = (n: number) => `2024Q${n}`;
  const data = {
    rows: [
      { quarter: quarter(1), kind: '收入', item: '地面停车费', amount: 100, note: undefined },
      { quarter: quarter(1), kind: '支出', item: '地面停车费', amount: -5, tags: ['a', 'a'] },
    ],
    nested: { deeper: [[quarter(1)]] },
    nothing: null,
  };
  const before = structuredClone(data);
  assert.equal(internStrings(data), data);
  assert.deepEqual(data, before);
  const known = new Map<string, string>();
  internStrings(data, known);
  // One entry per distinct value: the rows share theirs.
  assert.deepEqual([...known.keys()].sort(), ['2024Q1', 'a', '地面停车费', '收入', '支出'].sort());
});

test('leaves alone what is not plain data', () => {
  const date = new Date(0);
  const map = new Map([['k', 'v']]);
  const data = { date, map, list: [date] };
  internStrings(data);
  assert.equal(data.date, date);
  assert.equal(data.map.get('k'), 'v');
});
