import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoize } from '../../src/core/lib/memo.ts';

test('memoize makes each value once per key, objects and plain values alike', () => {
  const calls: unknown[] = [];
  const double = memoize((key: string | { n: number }) => {
    calls.push(key);
    return typeof key === 'string' ? key + key : key.n * 2;
  });
  const object = { n: 2 };
  assert.equal(double('a'), 'aa');
  assert.equal(double('a'), 'aa');
  assert.equal(double(object), 4);
  assert.equal(double(object), 4);
  assert.equal(double({ n: 2 }), 4, 'another object is another key');
  assert.equal(calls.length, 3);
});

test('a remembered undefined or false is not made again', () => {
  let calls = 0;
  const nothing = memoize((_: string) => {
    calls += 1;
    return undefined;
  });
  nothing('x');
  nothing('x');
  assert.equal(calls, 1);
});
