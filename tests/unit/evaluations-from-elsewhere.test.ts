/**
 * In a build the pages take every compound's findings from the site-files worker, which evaluates
 * them for the open data (src/core/model/compliance.ts, evaluationsFromElsewhere): until they arrive,
 * for another day, or for a compound they do not hold, a compound is evaluated here. Its own file:
 * sharing evaluations is for the whole process.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  evaluateCompound,
  evaluationsArrived,
  evaluationsFromElsewhere,
  type Finding,
  shareEvaluationsInThisBuild,
} from '../../src/core/model/compliance.ts';
import { baseRecord, MINIMAL_TODAY } from './helpers.ts';

// With no fees published: one finding, fees.published, on any day.
const record = baseRecord({ fees: [] });
const other = baseRecord({ slug: 'ling-yi-ge', fees: [] });
/** What the worker posts: here marked so that the test can tell it from an evaluation. */
const posted: Finding[] = [
  { level: 'missing', text: '来自 worker', rule: 'manager.duty', section: 'manager', basis: 'rule.feeBand.basis' },
];

test('findings given from elsewhere are used for their day and compound, and evaluated here otherwise', async () => {
  assert.throws(() => evaluationsFromElsewhere(Promise.resolve({ today: MINIMAL_TODAY, findings: [] })), /share/);
  shareEvaluationsInThisBuild();
  const own = evaluateCompound(record, MINIMAL_TODAY);
  assert.deepEqual(
    own.map((f) => f.rule),
    ['fees.published'],
  );
  let arrive: (value: { today: string; findings: [string, Finding[]][] }) => void = () => {};
  evaluationsFromElsewhere(new Promise((resolve) => (arrive = resolve)));
  // Not arrived yet: evaluated here.
  assert.deepEqual(evaluateCompound(record, MINIMAL_TODAY), own);
  arrive({ today: MINIMAL_TODAY, findings: [[record.slug, posted]] });
  await evaluationsArrived();
  const given = evaluateCompound(record, MINIMAL_TODAY);
  assert.deepEqual(given, posted);
  // Each caller's own array, the findings shared.
  assert.notEqual(given, evaluateCompound(record, MINIMAL_TODAY));
  assert.equal(given[0], evaluateCompound(record, MINIMAL_TODAY)[0]);
  // Another day, or a compound the worker did not send: evaluated here.
  assert.deepEqual(evaluateCompound(record, '2027-03-20'), evaluateCompound(baseRecord({ fees: [] }), '2027-03-20'));
  assert.notDeepEqual(evaluateCompound(record, '2027-03-20'), posted);
  assert.deepEqual(
    evaluateCompound(other, MINIMAL_TODAY).map((f) => f.rule),
    own.map((f) => f.rule),
  );
});

test('findings that never arrive leave every compound evaluated here', async () => {
  shareEvaluationsInThisBuild();
  evaluationsFromElsewhere(Promise.reject(new Error('the worker failed')));
  await evaluationsArrived();
  assert.deepEqual(
    evaluateCompound(record, MINIMAL_TODAY).map((f) => f.rule),
    ['fees.published'],
  );
});
