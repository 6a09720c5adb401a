import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDate } from '../../src/core/data/build-date.ts';
import { checkingDate, dateFromEpochSeconds } from '../../src/core/lib/calendar.ts';

describe('dateFromEpochSeconds', () => {
  it('counts days in China Standard Time (UTC+8)', () => {
    // 2026-11-04 15:59:59 UTC is 23:59:59 in Beijing; one second later it is the 5th there.
    assert.equal(dateFromEpochSeconds(Date.UTC(2026, 10, 4, 15, 59, 59) / 1000), '2026-11-04');
    assert.equal(dateFromEpochSeconds(Date.UTC(2026, 10, 4, 16, 0, 0) / 1000), '2026-11-05');
    assert.equal(dateFromEpochSeconds(0), '1970-01-01');
  });
});

describe('buildDate', () => {
  it('takes SOURCE_DATE_EPOCH when it is a whole number of seconds', () => {
    const seconds = Date.UTC(2026, 8, 30, 16, 0, 0) / 1000;
    assert.deepEqual(buildDate({ SOURCE_DATE_EPOCH: String(seconds) }), {
      date: '2026-10-01',
      source: 'SOURCE_DATE_EPOCH',
    });
  });

  it('ignores a SOURCE_DATE_EPOCH that is not a number', () => {
    const result = buildDate({ SOURCE_DATE_EPOCH: '2026-10-01' });
    assert.notEqual(result.source, 'SOURCE_DATE_EPOCH');
    assert.match(result.date, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('checkingDate', () => {
  it('is the later of the build day and the clock’s day in China Standard Time', () => {
    const now = new Date(Date.UTC(2026, 10, 24, 16, 30));
    assert.equal(checkingDate('2026-11-20', now), '2026-11-25');
    assert.equal(checkingDate('2026-12-01', now), '2026-12-01');
  });
});
