import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import { t } from '../../src/core/i18n/t.ts';
import { evaluateCompound, type Finding, RULES } from '../../src/core/model/compliance.ts';
import { FIVE_DISCLOSURES, SECTIONS } from '../../src/core/model/sections.ts';
import { lastOverdueQuarter, revenueDeadline } from '../../src/core/rules/public-revenue.ts';
import type { Elevator } from '../../src/core/schemas/elevator.ts';
import type { RevenueQuarter } from '../../src/core/schemas/public-revenue.ts';
import type { UtilitySplit } from '../../src/core/schemas/utility-split.ts';
import { baseAccount, baseFilings, baseFireSafety, baseRecord, fee } from './helpers.ts';

/** The findings of one rule, as [level, text]. */
function findings(rule: string, record: CompoundRecord, today: string): [Finding['level'], string][] {
  const found = RULES.find((r) => r.key === rule);
  assert.ok(found, rule);
  return found.evaluate(record, today).map((f) => [f.level, f.text]);
}

const quarter = (id: string, published: string): RevenueQuarter => ({
  quarter: id,
  published,
  owner_share: 0,
  company_share: 0,
  to_maintenance_fund: 0,
  balance: 0,
});

describe('revenueDeadline and lastOverdueQuarter', () => {
  it('a quarter is due by the end of the following quarter', () => {
    assert.equal(revenueDeadline('2026Q1'), '2026-06-30');
    assert.equal(revenueDeadline('2026Q2'), '2026-09-30');
    assert.equal(revenueDeadline('2026Q3'), '2026-12-31');
    assert.equal(revenueDeadline('2026Q4'), '2027-03-31');
  });

  it('the last overdue quarter moves only the day after a deadline', () => {
    const cases: [string, string][] = [
      ['2026-09-30', '2026Q1'],
      ['2026-10-01', '2026Q2'],
      ['2026-12-31', '2026Q2'],
      ['2027-01-01', '2026Q3'],
      ['2026-01-01', '2025Q3'],
      ['2026-03-31', '2025Q3'],
      ['2026-04-01', '2025Q4'],
    ];
    for (const [today, expected] of cases) assert.equal(lastOverdueQuarter(today), expected, today);
  });
});

describe('rule public-revenue-quarterly', () => {
  const withQuarters = (...quarters: RevenueQuarter[]) => baseRecord({ revenueQuarters: quarters });

  it('2026Q2 missing is overdue on 2026-10-01 but not on 2026-09-30', () => {
    const record = withQuarters(quarter('2026Q1', '2026-04-10'));
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-09-30'), [
      ['due', '2026年第2季度公共收益尚未公示，应于2026年9月30日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-10-01'), [
      ['overdue', '2026年第2季度公共收益未按期公示（应于2026年9月30日前公示）'],
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
  });

  it('the just-ended quarter is due from the day after it ends, not while it runs', () => {
    const record = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-07-08'));
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-09-30'), []);
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-10-01'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-12-31'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue.quarterly', record, '2027-01-01'), [
      ['overdue', '2026年第3季度公共收益未按期公示（应于2026年12月31日前公示）'],
      ['due', '2026年第4季度公共收益尚未公示，应于2027年3月31日前公示'],
    ]);
  });

  it('published on the deadline is on time; the day after is late', () => {
    const onTime = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-09-30'));
    assert.deepEqual(findings('public-revenue.quarterly', onTime, '2026-10-05'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    const late = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-10-02'));
    assert.deepEqual(findings('public-revenue.quarterly', late, '2026-10-05'), [
      ['resolved', '2026年第2季度公共收益逾期公示（应于2026年9月30日前，实际2026年10月2日）'],
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
  });

  it('every quarter since `since` is checked, and none before it', () => {
    const record = baseRecord({ revenueQuarters: [quarter('2024Q4', '2025-01-05')] });
    record.compound.public_revenue = { ...baseAccount(), since: '2025Q2' };
    assert.deepEqual(
      findings('public-revenue.quarterly', record, '2026-04-01').map(
        ([level, text]) => `${level} ${text.slice(0, 13)}`,
      ),
      [
        'overdue 2025年第2季度公共收益',
        'overdue 2025年第3季度公共收益',
        'overdue 2025年第4季度公共收益',
        'due 2026年第1季度公共收益',
      ],
    );
  });

  it('nothing is owed before the first quarter of `since` has ended', () => {
    const record = baseRecord({ revenueQuarters: [] });
    record.compound.public_revenue = { ...baseAccount(), since: '2026Q4' };
    assert.deepEqual(findings('public-revenue.quarterly', record, '2026-12-31'), []);
    assert.deepEqual(findings('public-revenue.quarterly', record, '2027-01-01'), [
      ['due', '2026年第4季度公共收益尚未公示，应于2027年3月31日前公示'],
    ]);
  });

  it('a compound without a public revenue account has no quarterly findings', () => {
    const record = baseRecord({ revenueQuarters: [] });
    delete record.compound.public_revenue;
    assert.deepEqual(findings('public-revenue.quarterly', record, '2027-06-01'), []);
  });
});

describe('rule fee-change-notice', () => {
  const old = fee({ effective: '2024-01-01', announced: '2023-11-20', price: 80 });

  it('a change posted exactly one month ahead is fine; one day less is late', () => {
    const ok = baseRecord({ fees: [old, fee({ effective: '2026-12-01', announced: '2026-11-01', price: 85 })] });
    assert.deepEqual(findings('fees.change-notice', ok, '2026-11-05'), []);
    const short = baseRecord({ fees: [old, fee({ effective: '2026-12-01', announced: '2026-11-02', price: 85 })] });
    const text = '住宅物业服务费调价公示不足一个月（2026年11月2日公示，2026年12月1日起执行）';
    // Open while the new price can still be put off; history once it is charged.
    assert.deepEqual(findings('fees.change-notice', short, '2026-11-30'), [['breach', text]]);
    assert.deepEqual(findings('fees.change-notice', short, '2026-12-01'), [['resolved', text]]);
  });

  it('one month before the 31st is the last day of the shorter month', () => {
    const ok = baseRecord({ fees: [old, fee({ effective: '2026-03-31', announced: '2026-02-28' })] });
    assert.deepEqual(findings('fees.change-notice', ok, '2026-04-01'), []);
    const short = baseRecord({ fees: [old, fee({ effective: '2026-03-31', announced: '2026-03-01' })] });
    assert.equal(findings('fees.change-notice', short, '2026-04-01').length, 1);
  });

  it('a first price, or a price for another payer or item, is not a change', () => {
    const record = baseRecord({
      fees: [
        fee({ effective: '2024-01-01', announced: '2024-01-01' }),
        fee({ payer: '商铺业主', effective: '2026-12-01', announced: '2026-11-30' }),
        fee({ item: '地面停车费', effective: '2026-12-01', announced: '2026-11-30' }),
      ],
    });
    assert.deepEqual(findings('fees.change-notice', record, '2026-12-05'), []);
  });
});

describe('rule committee-filing', () => {
  // Elected 2024-04-01: the filing is due by 2024-05-01.
  const withFiling = (filing: NonNullable<CompoundRecord['compound']['filings']>['committee']) => {
    const record = baseRecord();
    record.compound.filings = { ...baseFilings(), committee: filing };
    return record;
  };

  it('filed within 30 days: nothing, whatever the day', () => {
    const record = withFiling({ status: 'filed', date: '2024-05-01', number: 'N' });
    assert.deepEqual(findings('committee.filing', record, '2024-05-01'), []);
    assert.deepEqual(findings('committee.filing', record, '2030-01-01'), []);
  });

  it('filed on day 31: late', () => {
    const record = withFiling({ status: 'filed', date: '2024-05-02', number: 'N' });
    assert.deepEqual(findings('committee.filing', record, '2024-06-01'), [
      ['resolved', '业主委员会成立备案逾期（应于2024年5月1日前，实际2024年5月2日）'],
    ]);
  });

  it('not filed: due until the deadline, overdue from the day after', () => {
    const record = withFiling({ status: 'pending' });
    assert.deepEqual(findings('committee.filing', record, '2024-04-15'), [
      ['due', '业主委员会成立备案应于2024年5月1日前完成'],
    ]);
    assert.deepEqual(findings('committee.filing', record, '2024-05-01'), [
      ['due', '业主委员会成立备案应于2024年5月1日前完成'],
    ]);
    assert.deepEqual(findings('committee.filing', record, '2024-05-02'), [
      ['overdue', '业主委员会成立后未按期备案（应于2024年5月1日前）'],
    ]);
  });

  it('no filings section at all counts as not filed', () => {
    const record = baseRecord();
    delete record.compound.filings;
    assert.deepEqual(findings('committee.filing', record, '2024-05-02'), [
      ['overdue', '业主委员会成立后未按期备案（应于2024年5月1日前）'],
    ]);
  });

  it('a 社区 acting for a committee owes no filing', () => {
    const record = withFiling({ status: 'pending' });
    record.compound.committee = { status: 'acting', acting_since: '2023-09-01', updated: '2026-01-10' };
    assert.deepEqual(findings('committee.filing', record, '2026-11-05'), []);
  });
});

describe('rule five-filings', () => {
  it('a pending filing other than the committee’s is missing', () => {
    const record = baseRecord();
    const filings = baseFilings();
    record.compound.filings = {
      ...filings,
      handover: { status: 'pending' },
      committee: { status: 'pending' },
      contract: { status: 'not_applicable' },
    };
    assert.deepEqual(findings('filings.done', record, '2026-11-05'), [['missing', '物业承接查验备案尚未办理']]);
  });

  it('no filings section is one finding, of the part’s duty', () => {
    const record = baseRecord();
    delete record.compound.filings;
    assert.deepEqual(findings('filings.done', record, '2026-11-05'), []);
    assert.deepEqual(findings('filings.published', record, '2026-11-05'), [['missing', '未公示五备案']]);
  });
});

describe('rule elevator-inspection', () => {
  const elevator = (next: string): Elevator => ({
    register_number: '31106523252015000001',
    location: '1号楼1单元',
    contractor: '测试电梯公司',
    contractor_phone: '0994-7230005',
    last_maintenance: '2026-09-05',
    last_inspection: '2025-10-20',
    next_inspection: next,
  });

  it('overdue the day after next_inspection, not on that day', () => {
    const record = baseRecord({
      elevators: [elevator('2026-10-19'), { ...elevator('2027-05-09'), register_number: 'E2' }],
    });
    assert.deepEqual(findings('elevators.inspection', record, '2026-09-18'), []);
    assert.deepEqual(findings('elevators.inspection', record, '2026-09-19'), [
      ['expiring', '1号楼1单元电梯（注册代码 31106523252015000001）年检将于2026年10月19日到期'],
    ]);
    assert.deepEqual(findings('elevators.inspection', record, '2026-10-19'), [
      ['expiring', '1号楼1单元电梯（注册代码 31106523252015000001）年检将于2026年10月19日到期'],
    ]);
    assert.deepEqual(findings('elevators.inspection', record, '2026-10-20'), [
      ['overdue', '1号楼1单元电梯（注册代码 31106523252015000001）年检已超期（应于2026年10月19日前检验）'],
    ]);
    assert.equal(findings('elevators.inspection', record, '2027-05-10').length, 2);
  });
});

describe('rule fire-safety.contract', () => {
  it('a high-rise compound that publishes its fire safety needs a maintenance contractor', () => {
    const record = baseRecord();
    record.compound.fire_safety = { last_inspection: '2026-06-15', updated: '2026-06-20' };
    assert.deepEqual(findings('fire-safety.contract', record, '2026-11-05'), [
      ['missing', '高层住宅未公示消防设施维保合同'],
    ]);
    delete record.compound.fire_safety;
    assert.deepEqual(findings('fire-safety.contract', record, '2026-11-05'), []);
    assert.deepEqual(findings('fire-safety.published', record, '2026-11-05'), [['missing', '未公示消防安全']]);
  });

  it('expiring within 30 days of its end, overdue the day after it ends', () => {
    const record = baseRecord();
    assert.deepEqual(findings('fire-safety.contract', record, '2027-05-30'), []);
    const ending = ['expiring', '消防设施维保合同将于2027年6月30日到期'];
    assert.deepEqual(findings('fire-safety.contract', record, '2027-05-31'), [ending]);
    assert.deepEqual(findings('fire-safety.contract', record, '2027-06-30'), [ending]);
    assert.deepEqual(findings('fire-safety.contract', record, '2027-07-01'), [
      ['overdue', '消防设施维保合同已于2027年6月30日到期'],
    ]);
  });

  it('a contract without an end date never expires', () => {
    const record = baseRecord();
    const { contract_until: _, ...rest } = baseFireSafety();
    record.compound.fire_safety = rest;
    assert.deepEqual(findings('fire-safety.contract', record, '2040-01-01'), []);
  });

  it('a compound that is not high-rise owes no contract', () => {
    const record = baseRecord();
    record.compound.high_rise = false;
    record.compound.fire_safety = { last_inspection: '2026-06-15', updated: '2026-06-20' };
    assert.deepEqual(findings('fire-safety.contract', record, '2026-11-05'), []);
  });
});

describe('rule fire-safety.inspection', () => {
  // Last full inspection 2026-06-15: the next is owed by 2027-06-15 (消防法第十六条).
  it('expiring from 30 days before a year has passed, overdue the day after', () => {
    const record = baseRecord();
    assert.deepEqual(findings('fire-safety.inspection', record, '2027-05-15'), []);
    assert.deepEqual(findings('fire-safety.inspection', record, '2027-05-16'), [
      ['expiring', '消防设施年度全面检测应于2027年6月15日前完成（上次为2026年6月15日）'],
    ]);
    assert.deepEqual(findings('fire-safety.inspection', record, '2027-06-16'), [
      ['overdue', '消防设施最近一次全面检测为2026年6月15日，应于2027年6月15日前再次检测，已逾期'],
    ]);
  });
});

describe('rule elevators.maintenance', () => {
  // Last maintenance 2026-11-01: the next visit is owed by 2026-11-16 (TSG T5002, every 15 days).
  it('overdue from the 16th day after the last visit, with since and deadline', () => {
    const record = baseRecord();
    assert.deepEqual(findings('elevators.maintenance', record, '2026-11-16'), []);
    const [finding] = evaluateCompound(record, '2026-11-17').filter((f) => f.rule === 'elevators.maintenance');
    assert.deepEqual(
      [finding?.level, finding?.text, finding?.since, finding?.deadline, finding?.basis],
      [
        'overdue',
        '6号楼1单元电梯（注册代码 31106523252015000009）最近一次维保为2026年11月1日，已超过15日',
        '2026-11-17',
        '2026-11-16',
        'rule.elevatorMaintenance.basis',
      ],
    );
  });

  it('a high-rise compound without elevators published is missing them; a low-rise one owes none', () => {
    const record = baseRecord({ elevators: [] });
    assert.deepEqual(findings('elevators.published', record, '2026-11-05'), [['missing', '未公示电梯']]);
    record.compound.high_rise = false;
    assert.deepEqual(findings('elevators.published', record, '2026-11-05'), []);
  });
});

describe('rule elevators.maintenance, from the visits', () => {
  const visit = (date: string) => ({
    register_number: '31106523252015000009',
    date,
    contractor: '测试电梯公司',
    record_number: `W-${date}`,
  });

  it('a later visit in the records counts, and a gap of more than 15 days within the year is history', () => {
    // Visits 2026-10-01, 10-17 (16 days: late) and 11-01; elevators.csv says 11-01 too.
    const record = baseRecord({ elevatorMaintenance: [visit('2026-10-01'), visit('2026-10-17'), visit('2026-11-01')] });
    assert.deepEqual(findings('elevators.maintenance', record, '2026-11-16'), [
      [
        'resolved',
        '6号楼1单元电梯（注册代码 31106523252015000009）2026年10月1日至2026年10月17日间隔16日未维保，超过15日',
      ],
    ]);
    // A year on, that gap has left the window; the last visit is then long overdue.
    assert.deepEqual(
      findings('elevators.maintenance', record, '2027-10-18').map(([level]) => level),
      ['overdue'],
    );
  });

  it('a visit newer than elevators.csv moves the deadline', () => {
    const record = baseRecord({ elevatorMaintenance: [visit('2026-11-10')] });
    assert.deepEqual(findings('elevators.maintenance', record, '2026-11-25'), []);
    assert.deepEqual(
      findings('elevators.maintenance', record, '2026-11-26').map(([level]) => level),
      ['overdue'],
    );
  });
});

describe('rule elevators.drill', () => {
  // Last drill 2026-06-18: the next is owed by 2027-06-18 (实施方案三（二）2: every year).
  it('due from 30 days before a year has passed, overdue the day after; missing without the part', () => {
    const record = baseRecord();
    assert.deepEqual(findings('elevators.drill', record, '2027-05-18'), []);
    assert.deepEqual(findings('elevators.drill', record, '2027-05-19'), [
      ['expiring', '电梯年度应急演练应于2027年6月18日前完成（上次为2026年6月18日）'],
    ]);
    assert.deepEqual(findings('elevators.drill', record, '2027-06-19'), [
      ['overdue', '电梯应急演练最近一次为2026年6月18日，应于2027年6月18日前再次演练，已逾期'],
    ]);
    delete record.compound.elevator_safety;
    assert.deepEqual(findings('elevators.drill', record, '2026-11-05'), [
      ['missing', '有电梯的小区未公示电梯应急救援电话和应急演练情况'],
    ]);
    assert.deepEqual(findings('elevators.drill', { ...record, elevators: [] }, '2026-11-05'), []);
  });
});

describe('rule fire-safety.hazards and fire-safety.lanes', () => {
  const hazard = (deadline: string, fixed_on?: string) => ({
    found_on: '2026-09-01',
    location: '5号楼地下车库',
    hazard: '疏散通道堆放杂物',
    measure: '清理',
    deadline,
    responsible: '项目经理',
    ...(fixed_on ? { fixed_on } : {}),
  });

  it('a reminder from 30 days before its deadline, overdue the day after; fixed on time is nothing, late is history', () => {
    const record = baseRecord({ fireHazards: [hazard('2026-09-30')] });
    assert.deepEqual(findings('fire-safety.hazards', record, '2026-08-30'), []);
    assert.deepEqual(findings('fire-safety.hazards', record, '2026-09-30'), [
      ['expiring', '消防隐患“疏散通道堆放杂物”（5号楼地下车库）正在整改，期限2026年9月30日'],
    ]);
    assert.deepEqual(findings('fire-safety.hazards', record, '2026-10-01'), [
      ['overdue', '消防隐患“疏散通道堆放杂物”（5号楼地下车库）应于2026年9月30日前整改，尚未完成'],
    ]);
    record.fireHazards = [hazard('2026-09-30', '2026-09-30')];
    assert.deepEqual(findings('fire-safety.hazards', record, '2026-11-05'), []);
    record.fireHazards = [hazard('2026-09-30', '2026-10-08')];
    assert.deepEqual(findings('fire-safety.hazards', record, '2026-11-05'), [
      ['resolved', '消防隐患“疏散通道堆放杂物”（5号楼地下车库）应于2026年9月30日前整改，2026年10月8日才完成'],
    ]);
  });

  it('unmarked fire lanes are a breach in a high-rise compound only', () => {
    const record = baseRecord();
    assert.ok(record.compound.fire_safety);
    record.compound.fire_safety.lanes_marked = false;
    assert.deepEqual(findings('fire-safety.lanes', record, '2026-11-05'), [
      ['breach', '高层住宅小区的消防车道尚未画线标识'],
    ]);
    record.compound.high_rise = false;
    assert.deepEqual(findings('fire-safety.lanes', record, '2026-11-05'), []);
  });
});

describe('rule water-supply.cleaning and water-supply.quality', () => {
  const service = (date: string, kind: '清洗消毒' | '水质检测', result?: '合格' | '不合格') => ({
    date,
    kind,
    by: '清洗服务部',
    report_number: `R-${date}`,
    ...(result ? { result } : {}),
  });

  it('owed only with a secondary water supply; overdue the day after six months, a late cleaning is history', () => {
    const record = baseRecord();
    assert.deepEqual(findings('water-supply.cleaning', record, '2026-11-05'), []);
    record.compound.secondary_water_supply = true;
    assert.deepEqual(findings('water-supply.cleaning', record, '2026-11-05'), [
      ['missing', '有二次供水设施，但未公示清洗消毒记录'],
    ]);
    // 2025-10-01 then 2026-05-10: more than six months apart (owed by 2026-04-01). Next owed by 2026-11-10.
    record.waterServices = [service('2025-10-01', '清洗消毒'), service('2026-05-10', '清洗消毒')];
    const late: [string, string] = ['resolved', '二次供水设施2025年10月1日至2026年5月10日间超过6个月未清洗消毒'];
    assert.deepEqual(findings('water-supply.cleaning', record, '2026-10-10'), [late]);
    assert.deepEqual(findings('water-supply.cleaning', record, '2026-10-11'), [
      late,
      ['expiring', '二次供水设施应于2026年11月10日前再次清洗消毒（上次为2026年5月10日）'],
    ]);
    assert.deepEqual(findings('water-supply.cleaning', record, '2026-11-11'), [
      late,
      ['overdue', '二次供水设施最近一次清洗消毒为2026年5月10日，应于2026年11月10日前再次清洗消毒，已逾期'],
    ]);
  });

  it('a failed test is a breach until a later test passes, and then history', () => {
    const record = baseRecord({ waterServices: [service('2026-03-01', '水质检测', '不合格')] });
    assert.deepEqual(findings('water-supply.quality', record, '2026-11-05'), [
      ['breach', '2026年3月1日的水质检测不合格（报告编号 R-2026-03-01），尚无之后的合格检测'],
    ]);
    record.waterServices.push(service('2026-03-20', '水质检测', '合格'));
    assert.deepEqual(findings('water-supply.quality', record, '2026-11-05'), [
      ['resolved', '2026年3月1日的水质检测不合格（报告编号 R-2026-03-01），2026年3月20日复检合格'],
    ]);
  });
});

describe('rule maintenance-fund.yearly', () => {
  // The fund is published: the account of 2025 is owed by 2026-03-31, the site's own deadline.
  it('owed by the end of March, overdue the day after; none owed where the fund is not published', () => {
    const record = baseRecord();
    record.compound.maintenance_fund = { balance: 1, as_of: '2026-06-30', updated: '2026-07-05' };
    record.fundYears = [{ year: 2024, opening: 0, closing: 0 }];
    assert.deepEqual(findings('maintenance-fund.yearly', record, '2026-03-31'), []);
    assert.deepEqual(findings('maintenance-fund.yearly', record, '2026-04-01'), [
      ['overdue', '未公示2025年维修资金年度收支（应于2026年3月31日前公示）'],
    ]);
    record.fundYears.push({ year: 2025, opening: 0, closing: 0 });
    assert.deepEqual(findings('maintenance-fund.yearly', record, '2026-04-01'), []);
    delete record.compound.maintenance_fund;
    assert.deepEqual(findings('maintenance-fund.yearly', { ...record, fundYears: [] }, '2026-04-01'), []);
  });
});

describe('rule utility-split.monthly', () => {
  const split = (period: string, published: string): UtilitySplit => ({
    period,
    kind: '电',
    scope: '楼道照明',
    usage: 10000,
    unit: '千瓦时',
    unit_price: 5000,
    amount: 5000,
    households: 100,
    per_household: 50,
    published,
  });
  const record = (...rows: UtilitySplit[]) => {
    const r = baseRecord({ utilitySplits: rows });
    delete r.compound.utility_split;
    return r;
  };

  it('a month is owed by the end of the next: due until then, overdue the day after', () => {
    const r = record(split('2026-08', '2026-09-10'));
    assert.deepEqual(findings('utility-split.monthly', r, '2026-09-30'), []);
    assert.deepEqual(findings('utility-split.monthly', r, '2026-10-01'), [
      ['due', '2026年9月公共水电费分摊应于2026年10月31日前公示'],
    ]);
    assert.deepEqual(findings('utility-split.monthly', r, '2026-11-01'), [
      ['overdue', '2026年9月公共水电费分摊未公示（应于2026年10月31日前公示）'],
      ['due', '2026年10月公共水电费分摊应于2026年11月30日前公示'],
    ]);
  });

  it('a month posted after its deadline is history, not open', () => {
    const r = record(split('2026-08', '2026-10-01'), split('2026-09', '2026-10-20'));
    assert.deepEqual(findings('utility-split.monthly', r, '2026-10-25'), [
      ['resolved', '2026年8月公共水电费分摊逾期公示（应于2026年9月30日前，实际2026年10月1日）'],
    ]);
  });

  it('a compound that does not split shared utilities owes no month and no table', () => {
    const r = baseRecord();
    assert.equal(r.compound.utility_split, false);
    assert.deepEqual(findings('utility-split.monthly', r, '2027-01-01'), []);
    assert.deepEqual(findings('utility-split.published', r, '2027-01-01'), []);
    delete r.compound.utility_split;
    assert.deepEqual(findings('utility-split.published', r, '2027-01-01'), [['missing', '未公示公共水电费分摊']]);
  });
});

describe('rule fees.guided-price', () => {
  const guided = (price: number) =>
    fee({ price, price_form: '政府指导价', base_price: 90, float_range: '±10%', effective: '2026-01-01' });

  it('a 政府指导价 on its bound is within it; a fen above is published as a breach with the numbers', () => {
    assert.deepEqual(findings('fees.guided-price', baseRecord({ fees: [guided(99)] }), '2026-11-05'), []);
    assert.deepEqual(findings('fees.guided-price', baseRecord({ fees: [guided(100)] }), '2026-11-05'), [
      [
        'breach',
        '收费超出政府指导价浮动范围：住宅物业服务费 1.00 元/㎡·月，基准价 0.90 元、浮动 ±10%，应在 0.81 至 0.99 元之间',
      ],
    ]);
  });

  it('a past price is not judged; a coming one is', () => {
    const past = guided(120);
    const now = { ...guided(95), effective: '2026-06-01' };
    assert.deepEqual(findings('fees.guided-price', baseRecord({ fees: [past, now] }), '2026-11-05'), []);
    const coming = { ...guided(130), effective: '2026-12-01' };
    assert.equal(findings('fees.guided-price', baseRecord({ fees: [now, coming] }), '2026-11-05').length, 1);
  });
});

describe('rule committee.acting and committee.term', () => {
  const acting = (since: string, conditions?: boolean) => {
    const r = baseRecord();
    r.compound.committee = { status: 'acting', acting_since: since, updated: '2026-10-01' };
    if (conditions !== undefined) r.compound.committee_conditions_met = conditions;
    return r;
  };

  it('社区代行 is overdue from the day after the county’s deadline of 2023-12-30', () => {
    assert.deepEqual(findings('committee.acting', acting('2023-06-01'), '2023-12-30'), []);
    const [finding] = evaluateCompound(acting('2023-06-01'), '2023-12-31').filter((f) => f.rule === 'committee.acting');
    assert.deepEqual([finding?.level, finding?.since], ['overdue', '2023-12-31']);
  });

  it('a compound that does not meet the conditions for a committee owes none', () => {
    assert.deepEqual(findings('committee.acting', acting('2023-06-01', false), '2026-11-05'), []);
  });

  it('a term is expiring in its last 30 days and overdue the day after it ends', () => {
    const r = baseRecord();
    assert.deepEqual(findings('committee.term', r, '2029-02-28'), []);
    assert.deepEqual(findings('committee.term', r, '2029-03-01'), [
      ['expiring', '业主委员会任期将于2029年3月31日届满，应及时组织换届'],
    ]);
    assert.deepEqual(findings('committee.term', r, '2029-04-01'), [
      ['overdue', '业主委员会任期已于2029年3月31日届满，尚未公示换届结果'],
    ]);
  });
});

describe('rule maintenance-fund.inflows', () => {
  it('public revenue moved to a fund the compound does not publish is a breach; shown in the fund otherwise', () => {
    const r = baseRecord();
    assert.deepEqual(findings('maintenance-fund.inflows', r, '2026-11-05'), []);
    delete r.compound.maintenance_fund;
    assert.deepEqual(findings('maintenance-fund.inflows', r, '2026-11-05'), [
      ['breach', '2026年第2季度公共收益转入维修资金 1,000.00 元，但本小区未公示维修资金，无从核对这笔转入'],
    ]);
  });
});

describe('the company’s standing', () => {
  const withOversight = (oversight: Partial<NonNullable<CompoundRecord['companyOversight']>>) =>
    baseRecord({ companyOversight: { scale: undefined, ratings: [], blacklist: [], actions: [], ...oversight } });
  const listing = { company: 'ceshi', reason: '拒不整改', date: '2026-08-20', decision: '奇住建发〔2026〕21号' };

  it('a blacklisting is a warning from the day it is listed until the day it is lifted', () => {
    const r = withOversight({ blacklist: [{ ...listing, lifted: '2026-10-01' }] });
    assert.deepEqual(findings('manager.blacklist', r, '2026-08-19'), []);
    assert.deepEqual(findings('manager.blacklist', r, '2026-08-20'), [
      ['warning', '物业服务企业自2026年8月20日起列入黑名单（奇住建发〔2026〕21号）'],
    ]);
    assert.deepEqual(findings('manager.blacklist', r, '2026-10-01'), []);
  });

  it('a project manager listed by name counts only on the compound that person runs', () => {
    const other = withOversight({ blacklist: [{ ...listing, manager: '别人' }] });
    assert.deepEqual(findings('manager.blacklist', other, '2026-11-05'), []);
    const own = withOversight({ blacklist: [{ ...listing, manager: '测试员' }] });
    assert.equal(findings('manager.blacklist', own, '2026-11-05').length, 1);
  });

  it('a blacklisting grade and a 通报批评 within twelve months are warnings', () => {
    const scale = { basis: '测试', grades: [{ grade: 'C', min: 0, max: 59, blacklist: true }] };
    const rated = withOversight({
      scale,
      ratings: [{ period: '2026H1', company: 'ceshi', score: 52, grade: 'C', date: '2026-07-22' }],
    });
    assert.deepEqual(findings('manager.rating', rated, '2026-07-21'), []);
    assert.equal(findings('manager.rating', rated, '2026-07-22').length, 1);
    const criticised = withOversight({
      actions: [
        {
          kind: '通报批评',
          company: 'ceshi',
          date: '2026-04-12',
          reason: '整改不到位',
          document: '奇住建发〔2026〕11号',
        },
      ],
    });
    assert.equal(findings('manager.criticism', criticised, '2027-04-11').length, 1);
    assert.deepEqual(findings('manager.criticism', criticised, '2027-04-12'), []);
  });

  it('a 不合格 evaluation is a warning until the next evaluation', () => {
    const evaluation = {
      period: '2026H1',
      compound: 'ceshi-xiaoqu',
      score: 56,
      grade: '不合格',
      date: '2026-08-18',
    } as const;
    const r = baseRecord({ evaluations: [evaluation] });
    assert.deepEqual(findings('evaluation.failed', r, '2026-11-05'), [
      ['warning', '2026年上半年综合考评不合格（56 分）'],
    ]);
    r.evaluations = [evaluation, { ...evaluation, period: '2026H2', score: 80, grade: '合格', date: '2027-02-10' }];
    assert.deepEqual(findings('evaluation.failed', r, '2027-02-10'), []);
  });
});

describe('the duty to publish', () => {
  const missing = (record: CompoundRecord) =>
    evaluateCompound(record, '2026-11-05')
      .filter((f) => f.level === 'missing')
      .map((f) => f.text);

  it('a complete compound has none missing', () => {
    assert.deepEqual(missing(baseRecord()), []);
  });

  it('each absent part is missing, in page order', () => {
    const record = baseRecord({ fees: [], elevators: [], fundYears: [] });
    for (const key of ['manager', 'services', 'hotlines', 'public_revenue', 'filings', 'committee'] as const) {
      delete record.compound[key];
    }
    delete record.compound.maintenance_fund;
    delete record.compound.fire_safety;
    delete record.compound.utility_split;
    assert.deepEqual(missing(record), [
      '未公示小区物业负责人信息',
      '未公示物业服务内容及标准',
      '未公示物业收费项目及标准',
      '未公示报修投诉及监督电话',
      '未公示公共收益收支情况',
      '未公示五备案',
      '未公示业主委员会',
      '未公示专项维修资金',
      '未公示电梯',
      '未公示消防安全',
      '未公示公共水电费分摊',
    ]);
  });

  it('a compound without a property company owes no project manager', () => {
    // Findings are remembered per record: each case is a record of its own.
    const unmanaged = baseRecord();
    delete unmanaged.compound.manager;
    unmanaged.compound.management = 'none';
    delete unmanaged.compound.company;
    assert.deepEqual(missing(unmanaged), []);
    const managed = baseRecord();
    delete managed.compound.manager;
    assert.deepEqual(missing(managed), ['未公示小区物业负责人信息']);
  });
});

describe('the duty to keep current', () => {
  // The base manager part was updated 2026-03-05: reviewed yearly, it is stale from 2027-03-06.
  it('stale the day after a year has passed since the last update', () => {
    const stale = (today: string) =>
      evaluateCompound(baseRecord(), today)
        .filter((f) => f.rule === 'manager.current')
        .map((f) => [f.level, f.since, f.deadline]);
    assert.deepEqual(stale('2027-03-05'), []);
    assert.deepEqual(stale('2027-03-06'), [['stale', '2027-03-06', '2027-03-05']]);
  });

  it('an unchanged price is never stale: fees have no yearly review', () => {
    assert.deepEqual(
      evaluateCompound(baseRecord(), '2030-01-01').filter((f) => f.section === 'fees'),
      [],
    );
  });
});

describe('RULES', () => {
  it('every part of the page but the location has a rule, each key unique and cited in Chinese', () => {
    const keys = RULES.map((r) => r.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(
      SECTIONS.filter((s) => !RULES.some((r) => r.section === s)),
      ['location'],
    );
    for (const rule of RULES) {
      assert.ok(rule.key.startsWith(`${rule.section}.`), rule.key);
      for (const key of [rule.title, rule.cadence, rule.basis]) assert.match(t(key), /\p{Script=Han}/u, rule.key);
    }
  });

  it('docs/rules.md lists exactly the rules there are', async () => {
    const doc = await readFile('docs/rules.md', 'utf8');
    const listed = [...doc.matchAll(/^\| `([a-z-]+\.[a-z-]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(
      listed,
      RULES.map((r) => r.key),
    );
  });

  it('FIVE_DISCLOSURES are sections, in page order', () => {
    const positions = FIVE_DISCLOSURES.map((s) => SECTIONS.indexOf(s));
    assert.ok(positions.every((p) => p >= 0));
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });
});

describe('evaluateCompound', () => {
  it('the base record has no finding on 2026-11-05', () => {
    assert.deepEqual(evaluateCompound(baseRecord(), '2026-11-05'), []);
  });

  it('moving today forward turns up findings, sorted in page order', () => {
    const record = baseRecord();
    delete record.compound.services;
    assert.deepEqual(
      evaluateCompound(record, '2027-07-01').map((f) => [f.rule, f.level]),
      [
        ['manager.current', 'stale'],
        ['services.published', 'missing'],
        ['hotlines.current', 'stale'],
        ['public-revenue.quarterly', 'overdue'],
        ['public-revenue.quarterly', 'overdue'],
        ['public-revenue.quarterly', 'due'],
        ['filings.current', 'stale'],
        ['committee.current', 'stale'],
        ['maintenance-fund.yearly', 'overdue'],
        ['elevators.inspection', 'overdue'],
        ['elevators.maintenance', 'overdue'],
        ['elevators.drill', 'overdue'],
        ['fire-safety.current', 'stale'],
        ['fire-safety.contract', 'overdue'],
        ['fire-safety.inspection', 'overdue'],
      ],
    );
    assert.deepEqual(
      evaluateCompound(record, '2026-11-05').map((f) => f.rule),
      ['services.published'],
    );
  });
});
