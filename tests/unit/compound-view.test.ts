import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compoundView,
  latestQuarterView,
  quarterViews,
  summaryLines,
  yearSummaries,
} from '../../src/core/model/compound-view.ts';
import { feeLines } from '../../src/core/model/fee-lines.ts';
import { lastUpdated, SECTIONS } from '../../src/core/model/sections.ts';
import type { RevenueItem } from '../../src/core/schemas/public-revenue.ts';
import { baseRecord, fee } from './helpers.ts';

describe('feeLines', () => {
  const v1 = fee({ price: 80, effective: '2024-01-01', announced: '2023-11-20' });
  const v2 = fee({ price: 85, effective: '2025-01-01', announced: '2024-11-20' });
  const v3 = fee({ price: 90, effective: '2026-12-01', announced: '2026-10-25' });
  const v4 = fee({ price: 95, effective: '2027-06-01', announced: '2026-10-25' });
  const parking = fee({ item: '地面停车费', payer: '机动车车主', price: 5000, effective: '2024-01-01' });
  const shop = fee({ payer: '商铺业主', price: 150, effective: '2027-01-01', announced: '2026-10-01' });

  it('groups by item and payer in the order the CSV first lists them', () => {
    const lines = feeLines([v3, parking, v1, shop, v2], '2026-11-05');
    assert.deepEqual(
      lines.map((l) => [l.current?.item, l.current?.payer, l.upcoming[0]?.payer]),
      [
        ['住宅物业服务费', '住宅业主', '住宅业主'],
        ['地面停车费', '机动车车主', undefined],
        [undefined, undefined, '商铺业主'],
      ],
    );
  });

  it('splits each line into current, upcoming (soonest first) and past (newest first)', () => {
    const [line] = feeLines([v4, v2, v3, v1], '2026-11-05');
    assert.deepEqual(line, { current: v2, upcoming: [v3, v4], past: [v1] });
  });

  it('a price takes over on its effective day', () => {
    assert.equal(feeLines([v1, v2, v3], '2026-11-30')[0]?.current, v2);
    const [line] = feeLines([v1, v2, v3], '2026-12-01');
    assert.deepEqual(line, { current: v3, upcoming: [], past: [v2, v1] });
  });

  it('a fee not yet in force has no current price', () => {
    assert.deepEqual(feeLines([shop], '2026-11-05'), [{ current: undefined, upcoming: [shop], past: [] }]);
  });

  it('no fees, no lines', () => {
    assert.deepEqual(feeLines([], '2026-11-05'), []);
  });
});

describe('quarterViews', () => {
  const item = (quarter: string, kind: '收入' | '支出', name: string, amount: number): RevenueItem => ({
    quarter,
    kind,
    item: name,
    amount,
  });

  it('lists quarters newest first with totals computed from their items', () => {
    const record = baseRecord({
      revenueItems: [
        item('2026Q1', '收入', '地面停车费', 800000),
        item('2026Q1', '收入', '电梯广告', 200000),
        item('2026Q1', '支出', '停车场保洁', 200000),
        item('2026Q2', '收入', '地面停车费', 900000),
        item('2026Q2', '支出', '停车场保洁', 5),
      ],
    });
    const views = quarterViews(record);
    assert.deepEqual(
      views.map((v) => [v.quarter, v.incomeTotal, v.expenseTotal, v.net, v.income.length, v.expense.length]),
      [
        ['2026Q3', 0, 0, 0, 0, 0],
        ['2026Q2', 900000, 5, 899995, 1, 1],
        ['2026Q1', 1000000, 200000, 800000, 2, 1],
      ],
    );
    assert.deepEqual(
      views[2]?.income.map((i) => i.item),
      ['地面停车费', '电梯广告'],
    );
    // The published fields of the quarter are kept.
    assert.equal(views[1]?.published, '2026-07-08');
    assert.equal(views[1]?.balance, 1160000);
  });

  it('adds up older quarters by year, in fen, with the balance at the end of each year', () => {
    const record = baseRecord();
    const [q1, q2, q3] = record.revenueQuarters;
    assert.ok(q1 && q2 && q3);
    record.revenueQuarters = [{ ...q3, quarter: '2025Q4', balance: 123 }, q1, q2, q3];
    const years = yearSummaries(quarterViews(record));
    assert.deepEqual(
      years.map((y) => [y.year, y.first, y.last, y.owner_share, y.balance]),
      [
        ['2026', '2026Q1', '2026Q3', q1.owner_share + q2.owner_share + q3.owner_share, q3.balance],
        ['2025', '2025Q4', '2025Q4', q3.owner_share, 123],
      ],
    );
  });

  it('gives the newest quarter alone exactly as the first of the list, whatever the order of the rows', () => {
    const record = baseRecord({
      revenueItems: [item('2026Q3', '收入', '地面停车费', 700000), item('2026Q2', '收入', '地面停车费', 900000)],
    });
    const [q1, q2, q3] = record.revenueQuarters;
    assert.ok(q1 && q2 && q3);
    record.revenueQuarters = [q2, q3, q1];
    assert.deepEqual(latestQuarterView(record), quarterViews(record)[0]);
    assert.equal(latestQuarterView(record)?.incomeTotal, 700000);
    assert.equal(latestQuarterView(baseRecord({ revenueQuarters: [] })), undefined);
  });

  it('does not reorder the record itself', () => {
    const record = baseRecord();
    quarterViews(record);
    assert.deepEqual(
      record.revenueQuarters.map((q) => q.quarter),
      ['2026Q1', '2026Q2', '2026Q3'],
    );
  });
});

describe('lastUpdated', () => {
  it('takes each section’s own date, or the latest of its rows', () => {
    const record = baseRecord({
      fees: [fee({ announced: '2023-11-20' }), fee({ announced: '2026-10-25', effective: '2026-12-01' })],
      fundUses: [
        { date: '2025-05-01', item: '屋面防水', amount: 100, approval: '业主大会表决通过' },
        { date: '2026-08-01', item: '外墙', amount: 100, approval: '业主大会表决通过' },
      ],
      elevators: [
        {
          register_number: 'E1',
          location: '1号楼',
          contractor: 'x',
          contractor_phone: '12345',
          last_maintenance: '2026-11-01',
          last_inspection: '2026-01-01',
          next_inspection: '2027-01-01',
        },
      ],
      waterServices: [{ date: '2026-05-16', kind: '清洗消毒', by: 'x', report_number: 'QY-1' }],
    });
    record.compound.maintenance_fund = { balance: 1, as_of: '2026-06-30', updated: '2026-07-05' };
    assert.deepEqual(lastUpdated(record), {
      manager: '2026-03-05',
      services: '2026-01-10',
      fees: '2026-10-25',
      hotlines: '2026-01-10',
      'public-revenue': '2026-10-08',
      filings: '2026-01-10',
      committee: '2026-01-10',
      'maintenance-fund': '2026-08-01',
      elevators: '2026-11-01',
      'fire-safety': '2026-06-20',
      'water-supply': '2026-05-16',
      'utility-split': undefined,
      evaluation: undefined,
      location: undefined,
    });
  });

  it('is undefined where nothing is published', () => {
    const record = baseRecord({ fees: [], revenueQuarters: [] });
    delete record.compound.manager;
    delete record.compound.fire_safety;
    delete record.compound.maintenance_fund;
    const updated = lastUpdated(record);
    assert.deepEqual(Object.keys(updated), [...SECTIONS]);
    assert.equal(updated.manager, undefined);
    assert.equal(updated.fees, undefined);
    assert.equal(updated['public-revenue'], undefined);
    assert.equal(updated['maintenance-fund'], undefined);
    assert.equal(updated['fire-safety'], undefined);
  });
});

describe('compoundView', () => {
  it('groups findings by section and carries the update dates', () => {
    const record = baseRecord({ revenueQuarters: [] });
    delete record.compound.services;
    const view = compoundView(record, '2026-11-05');
    assert.equal(view.record, record);
    assert.deepEqual(
      view.findings.map((f) => [f.section, f.level]),
      [
        ['services', 'missing'],
        ['public-revenue', 'overdue'],
        ['public-revenue', 'overdue'],
        ['public-revenue', 'due'],
      ],
    );
    assert.deepEqual([...view.findingsBySection.keys()], ['services', 'public-revenue']);
    assert.equal(view.findingsBySection.get('public-revenue')?.length, 3);
    assert.equal(view.updated.manager, '2026-03-05');
  });
});

describe('summaryLines', () => {
  it('keeps up to three findings of a part in full, and counts a part with more in one line', () => {
    const record = baseRecord();
    const [lift] = record.elevators;
    assert.ok(lift);
    record.elevators = ['A', 'B', 'C', 'D'].map((n) => ({
      ...lift,
      register_number: n,
      last_maintenance: '2026-09-01',
    }));
    record.compound.hotlines = undefined;
    const findings = compoundView(record, '2026-11-05').findings;
    assert.deepEqual(
      summaryLines(findings).map((line) =>
        line.kind === 'one' ? line.finding.rule : `${line.section} × ${line.count}`,
      ),
      ['hotlines.published', 'elevators × 4'],
    );
  });
});
