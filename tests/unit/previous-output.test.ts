import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OutputRecord, whyNotBuiltUpon } from '../../src/site/integrations/previous-output.ts';

const seal = { size: 1200, mtime: 1795104000 };
const record: OutputRecord = {
  version: 2,
  outDir: '/site/dist',
  program: 'program-a',
  seal,
  units: {},
  segments: {},
};
const current = { outDir: '/site/dist', program: 'program-a', seal: { ...seal } };

test('the output folder the last build recorded, unchanged, by the same program, is built upon', () => {
  assert.equal(whyNotBuiltUpon(record, current), undefined);
});

test('each reason the folder is emptied is said', () => {
  const cases: [OutputRecord | undefined, typeof current, RegExp][] = [
    [undefined, current, /no finished build is recorded/],
    [{ ...record, version: 1 }, current, /another version/],
    [record, { ...current, outDir: '/elsewhere' }, /another folder \(\/site\/dist\)/],
    [record, { ...current, program: 'program-b' }, /the program changed since the last build/],
    [record, { ...current, seal: { ...seal, size: 1201 } }, /not as the last build left it/],
    [record, { ...current, seal: { ...seal, mtime: seal.mtime + 1 } }, /not as the last build left it/],
  ];
  for (const [previous, now, reason] of cases) assert.match(whyNotBuiltUpon(previous, now) ?? '', reason);
});

test('a folder without the last file the build writes is never built upon', () => {
  assert.match(whyNotBuiltUpon(record, { ...current, seal: undefined }) ?? '', /not as the last build left it/);
});

test('the program is compared before the folder: a changed program is what the log names', () => {
  const reason = whyNotBuiltUpon(record, { ...current, program: 'program-b', seal: undefined });
  assert.match(reason ?? '', /the program changed/);
});
