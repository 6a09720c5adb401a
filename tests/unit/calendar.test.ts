import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  nextQuarter,
  parseIso,
  parseQuarterId,
  previousQuarter,
  quarterEnd,
  quarterId,
  quarterOf,
  quarterStart,
  quartersBetween,
} from '../../src/core/lib/calendar.ts';

describe('parseIso', () => {
  it('splits an ISO date into numbers', () => {
    assert.deepEqual(parseIso('2026-03-05'), { y: 2026, m: 3, d: 5 });
  });
});

describe('addDays', () => {
  const cases: [string, number, string][] = [
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-04-01', 30, '2024-05-01'],
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-01-01', 365, '2027-01-01'],
  ];
  for (const [date, days, expected] of cases) {
    it(`${date} + ${days} → ${expected}`, () => assert.equal(addDays(date, days), expected));
  }
});

describe('addMonths', () => {
  const cases: [string, number, string][] = [
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-01', -1, '2026-11-01'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-05-31', -12, '2025-05-31'],
  ];
  for (const [date, months, expected] of cases) {
    it(`${date} ${months >= 0 ? '+' : ''}${months} months → ${expected}`, () =>
      assert.equal(addMonths(date, months), expected));
  }
});

describe('daysBetween', () => {
  it('counts calendar days, negative when going back', () => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2026-03-10', '2026-03-01'), -9);
    assert.equal(daysBetween('2026-03-10', '2026-03-10'), 0);
  });
});

describe('quarters', () => {
  it('parseQuarterId and quarterId are inverses', () => {
    assert.deepEqual(parseQuarterId('2025Q3'), { year: 2025, q: 3 });
    assert.equal(quarterId({ year: 2025, q: 4 }), '2025Q4');
  });

  it('quarterOf puts each month in its quarter', () => {
    const expected = ['Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3', 'Q4', 'Q4', 'Q4'];
    for (let m = 1; m <= 12; m++) {
      assert.equal(quarterOf(`2026-${String(m).padStart(2, '0')}-15`), `2026${expected[m - 1]}`, `month ${m}`);
    }
    assert.equal(quarterOf('2026-03-31'), '2026Q1');
    assert.equal(quarterOf('2026-04-01'), '2026Q2');
  });

  it('nextQuarter and previousQuarter cross years', () => {
    assert.equal(nextQuarter('2025Q3'), '2025Q4');
    assert.equal(nextQuarter('2025Q4'), '2026Q1');
    assert.equal(previousQuarter('2026Q1'), '2025Q4');
    assert.equal(previousQuarter('2026Q3'), '2026Q2');
  });

  it('quarterStart and quarterEnd', () => {
    const cases: [string, string, string][] = [
      ['2026Q1', '2026-01-01', '2026-03-31'],
      ['2026Q2', '2026-04-01', '2026-06-30'],
      ['2026Q3', '2026-07-01', '2026-09-30'],
      ['2026Q4', '2026-10-01', '2026-12-31'],
    ];
    for (const [id, start, end] of cases) {
      assert.equal(quarterStart(id), start, id);
      assert.equal(quarterEnd(id), end, id);
    }
  });

  it('quartersBetween includes both ends, oldest first', () => {
    assert.deepEqual(quartersBetween('2025Q3', '2026Q2'), ['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    assert.deepEqual(quartersBetween('2026Q1', '2026Q1'), ['2026Q1']);
    assert.deepEqual(quartersBetween('2026Q2', '2026Q1'), []);
  });
});

describe('the arithmetic agrees with Date', () => {
  // The calendar counts days without Date, for speed: every answer must be the one Date gives.
  const viaDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const dates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it('addDays', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -100_000, max: 100_000 }), (date, days) => {
        const { y, m, d } = parseIso(date);
        assert.equal(addDays(date, days), viaDate(Date.UTC(y, m - 1, d + days)));
      }),
      { numRuns: 5000 },
    );
  });
  it('addMonths, clamped to the month’s last day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -2400, max: 2400 }), (date, months) => {
        const { y, m, d } = parseIso(date);
        const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
        assert.equal(addMonths(date, months), viaDate(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
      }),
      { numRuns: 5000 },
    );
  });
  it('daysBetween', () => {
    fc.assert(
      fc.property(dates, dates, (from, to) => {
        assert.equal(daysBetween(from, to), Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
      }),
      { numRuns: 5000 },
    );
  });
});
