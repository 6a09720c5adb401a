import assert from 'node:assert/strict';
import { it } from 'node:test';
import { elevatorContractors } from '../../src/core/model/elevator-contractors.ts';
import { baseRecord } from './helpers.ts';

it('groups elevators by contractor and counts their overdue inspections and visits by the page’s rules', () => {
  const record = baseRecord();
  const [lift] = record.elevators;
  assert.ok(lift);
  record.elevators = [
    lift,
    { ...lift, register_number: 'E2', contractor: '另一家电梯公司', next_inspection: '2026-10-01' },
    { ...lift, register_number: 'E3', contractor: '另一家电梯公司', last_maintenance: '2026-10-01' },
  ];
  const contractors = elevatorContractors([record], '2026-11-05');
  assert.deepEqual(
    contractors.map((c) => [c.name, c.elevators, c.overdue, c.compounds.map((x) => [x.slug, x.elevators, x.overdue])]),
    [
      ['另一家电梯公司', 2, 2, [['ceshi-xiaoqu', 2, 2]]],
      ['测试电梯公司', 1, 0, [['ceshi-xiaoqu', 1, 0]]],
    ],
  );
});
