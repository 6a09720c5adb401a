import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import { t } from '../../src/core/i18n/t.ts';
import {
  evaluateCompound,
  type Finding,
  lastOverdueQuarter,
  RULES,
  type RuleId,
  revenueDeadline,
} from '../../src/core/model/compliance.ts';
import { FIVE_DISCLOSURES, SECTIONS } from '../../src/core/model/sections.ts';
import type { Elevator } from '../../src/core/schemas/elevator.ts';
import type { RevenueQuarter } from '../../src/core/schemas/public-revenue.ts';
import { baseAccount, baseFilings, baseFireSafety, baseRecord, fee } from './helpers.ts';

/** The findings of one rule, as [level, text]. */
function findings(rule: RuleId, record: CompoundRecord, today: string): [Finding['level'], string][] {
  const found = RULES.find((r) => r.id === rule);
  assert.ok(found, rule);
  return found.evaluate(record, today).map((f) => {
    assert.equal(f.rule, rule);
    return [f.level, f.text];
  });
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
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-09-30'), [
      ['due', '2026年第2季度公共收益尚未公示，应于2026年9月30日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-10-01'), [
      ['overdue', '2026年第2季度公共收益未按期公示（应于2026年9月30日前公示）'],
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
  });

  it('the just-ended quarter is due from the day after it ends, not while it runs', () => {
    const record = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-07-08'));
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-09-30'), []);
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-10-01'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-12-31'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    assert.deepEqual(findings('public-revenue-quarterly', record, '2027-01-01'), [
      ['overdue', '2026年第3季度公共收益未按期公示（应于2026年12月31日前公示）'],
      ['due', '2026年第4季度公共收益尚未公示，应于2027年3月31日前公示'],
    ]);
  });

  it('published on the deadline is on time; the day after is late', () => {
    const onTime = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-09-30'));
    assert.deepEqual(findings('public-revenue-quarterly', onTime, '2026-10-05'), [
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
    const late = withQuarters(quarter('2026Q1', '2026-04-10'), quarter('2026Q2', '2026-10-02'));
    assert.deepEqual(findings('public-revenue-quarterly', late, '2026-10-05'), [
      ['late', '2026年第2季度公共收益逾期公示（应于2026年9月30日前，实际2026年10月2日）'],
      ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
    ]);
  });

  it('every quarter since `since` is checked, and none before it', () => {
    const record = baseRecord({ revenueQuarters: [quarter('2024Q4', '2025-01-05')] });
    record.compound.public_revenue = { ...baseAccount(), since: '2025Q2' };
    assert.deepEqual(
      findings('public-revenue-quarterly', record, '2026-04-01').map(
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
    assert.deepEqual(findings('public-revenue-quarterly', record, '2026-12-31'), []);
    assert.deepEqual(findings('public-revenue-quarterly', record, '2027-01-01'), [
      ['due', '2026年第4季度公共收益尚未公示，应于2027年3月31日前公示'],
    ]);
  });

  it('a compound without a public revenue account has no quarterly findings', () => {
    const record = baseRecord({ revenueQuarters: [] });
    delete record.compound.public_revenue;
    assert.deepEqual(findings('public-revenue-quarterly', record, '2027-06-01'), []);
  });
});

describe('rule fee-change-notice', () => {
  const old = fee({ effective: '2024-01-01', announced: '2023-11-20', price: 80 });

  it('a change posted exactly one month ahead is fine; one day less is late', () => {
    const ok = baseRecord({ fees: [old, fee({ effective: '2026-12-01', announced: '2026-11-01', price: 85 })] });
    assert.deepEqual(findings('fee-change-notice', ok, '2026-11-05'), []);
    const short = baseRecord({ fees: [old, fee({ effective: '2026-12-01', announced: '2026-11-02', price: 85 })] });
    assert.deepEqual(findings('fee-change-notice', short, '2026-11-05'), [
      ['late', '住宅物业服务费调价公示不足一个月（2026年11月2日公示，2026年12月1日起执行）'],
    ]);
  });

  it('one month before the 31st is the last day of the shorter month', () => {
    const ok = baseRecord({ fees: [old, fee({ effective: '2026-03-31', announced: '2026-02-28' })] });
    assert.deepEqual(findings('fee-change-notice', ok, '2026-04-01'), []);
    const short = baseRecord({ fees: [old, fee({ effective: '2026-03-31', announced: '2026-03-01' })] });
    assert.equal(findings('fee-change-notice', short, '2026-04-01').length, 1);
  });

  it('a first price, or a price for another payer or item, is not a change', () => {
    const record = baseRecord({
      fees: [
        fee({ effective: '2024-01-01', announced: '2024-01-01' }),
        fee({ payer: '商铺业主', effective: '2026-12-01', announced: '2026-11-30' }),
        fee({ item: '地面停车费', effective: '2026-12-01', announced: '2026-11-30' }),
      ],
    });
    assert.deepEqual(findings('fee-change-notice', record, '2026-12-05'), []);
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
    assert.deepEqual(findings('committee-filing', record, '2024-05-01'), []);
    assert.deepEqual(findings('committee-filing', record, '2030-01-01'), []);
  });

  it('filed on day 31: late', () => {
    const record = withFiling({ status: 'filed', date: '2024-05-02', number: 'N' });
    assert.deepEqual(findings('committee-filing', record, '2024-06-01'), [
      ['late', '业主委员会成立备案逾期（应于2024年5月1日前，实际2024年5月2日）'],
    ]);
  });

  it('not filed: due until the deadline, overdue from the day after', () => {
    const record = withFiling({ status: 'pending' });
    assert.deepEqual(findings('committee-filing', record, '2024-04-15'), [
      ['due', '业主委员会成立备案应于2024年5月1日前完成'],
    ]);
    assert.deepEqual(findings('committee-filing', record, '2024-05-01'), [
      ['due', '业主委员会成立备案应于2024年5月1日前完成'],
    ]);
    assert.deepEqual(findings('committee-filing', record, '2024-05-02'), [
      ['overdue', '业主委员会成立后未按期备案（应于2024年5月1日前）'],
    ]);
  });

  it('no filings section at all counts as not filed', () => {
    const record = baseRecord();
    delete record.compound.filings;
    assert.deepEqual(findings('committee-filing', record, '2024-05-02'), [
      ['overdue', '业主委员会成立后未按期备案（应于2024年5月1日前）'],
    ]);
  });

  it('a 社区 acting for a committee owes no filing', () => {
    const record = withFiling({ status: 'pending' });
    record.compound.committee = { status: 'acting', acting_since: '2023-09-01', updated: '2026-01-10' };
    assert.deepEqual(findings('committee-filing', record, '2026-11-05'), []);
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
    assert.deepEqual(findings('five-filings', record, '2026-11-05'), [['missing', '物业承接查验备案尚未办理']]);
  });

  it('no filings section is one finding', () => {
    const record = baseRecord();
    delete record.compound.filings;
    assert.deepEqual(findings('five-filings', record, '2026-11-05'), [['missing', '未公示五备案']]);
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
    assert.deepEqual(findings('elevator-inspection', record, '2026-10-19'), []);
    assert.deepEqual(findings('elevator-inspection', record, '2026-10-20'), [
      ['overdue', '1号楼1单元电梯（注册代码 31106523252015000001）年检已超期（应于2026年10月19日前检验）'],
    ]);
    assert.equal(findings('elevator-inspection', record, '2027-05-10').length, 2);
  });
});

describe('rule fire-maintenance', () => {
  it('a high-rise compound needs a maintenance contractor', () => {
    const record = baseRecord();
    delete record.compound.fire_safety;
    assert.deepEqual(findings('fire-maintenance', record, '2026-11-05'), [
      ['missing', '高层住宅未公示消防设施维保合同'],
    ]);
    record.compound.fire_safety = { last_inspection: '2026-06-15', updated: '2026-06-20' };
    assert.deepEqual(findings('fire-maintenance', record, '2026-11-05'), [
      ['missing', '高层住宅未公示消防设施维保合同'],
    ]);
  });

  it('the contract is overdue the day after it ends', () => {
    const record = baseRecord();
    assert.deepEqual(findings('fire-maintenance', record, '2027-06-30'), []);
    assert.deepEqual(findings('fire-maintenance', record, '2027-07-01'), [
      ['overdue', '消防设施维保合同已于2027年6月30日到期'],
    ]);
  });

  it('a contract without an end date never expires', () => {
    const record = baseRecord();
    const { contract_until: _, ...rest } = baseFireSafety();
    record.compound.fire_safety = rest;
    assert.deepEqual(findings('fire-maintenance', record, '2040-01-01'), []);
  });

  it('a compound that is not high-rise has no fire finding', () => {
    const record = baseRecord();
    record.compound.high_rise = false;
    delete record.compound.fire_safety;
    assert.deepEqual(findings('fire-maintenance', record, '2026-11-05'), []);
  });
});

describe('rule five-disclosures', () => {
  it('a complete compound has none missing', () => {
    assert.deepEqual(findings('five-disclosures', baseRecord(), '2026-11-05'), []);
  });

  it('each absent disclosure is missing, in the policy’s order', () => {
    const record = baseRecord({ fees: [] });
    delete record.compound.manager;
    delete record.compound.services;
    delete record.compound.hotlines;
    delete record.compound.public_revenue;
    assert.deepEqual(findings('five-disclosures', record, '2026-11-05'), [
      ['missing', '未公示小区物业负责人信息'],
      ['missing', '未公示物业服务内容及标准'],
      ['missing', '未公示物业收费项目及标准'],
      ['missing', '未公示报修投诉及监督电话'],
      ['missing', '未公示公共收益收支情况'],
    ]);
  });

  it('a compound without a property company owes no project manager', () => {
    const record = baseRecord();
    delete record.compound.manager;
    record.compound.management = 'none';
    delete record.compound.company;
    assert.deepEqual(findings('five-disclosures', record, '2026-11-05'), []);
    record.compound.management = 'professional';
    record.compound.company = 'ceshi';
    assert.deepEqual(findings('five-disclosures', record, '2026-11-05'), [['missing', '未公示小区物业负责人信息']]);
  });
});

describe('RULES', () => {
  it('has one rule per id, each with a Chinese title and basis', () => {
    assert.deepEqual(
      RULES.map((r) => r.id),
      [
        'five-disclosures',
        'public-revenue-quarterly',
        'fee-change-notice',
        'committee-filing',
        'five-filings',
        'elevator-inspection',
        'fire-maintenance',
        'evaluation',
      ],
    );
    for (const rule of RULES) {
      assert.match(t(rule.title), /\p{Script=Han}/u, rule.id);
      assert.match(t(rule.basis), /\p{Script=Han}/u, rule.id);
    }
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
    const record = baseRecord({
      elevators: [
        {
          register_number: 'E1',
          location: '2号楼',
          contractor: '测试电梯公司',
          contractor_phone: '0994-7230005',
          last_maintenance: '2026-09-05',
          last_inspection: '2026-01-10',
          next_inspection: '2027-01-09',
        },
      ],
    });
    delete record.compound.services;
    assert.deepEqual(
      evaluateCompound(record, '2027-07-01').map((f) => [f.section, f.rule, f.level]),
      [
        ['services', 'five-disclosures', 'missing'],
        ['public-revenue', 'public-revenue-quarterly', 'overdue'],
        ['public-revenue', 'public-revenue-quarterly', 'overdue'],
        ['public-revenue', 'public-revenue-quarterly', 'due'],
        ['elevators', 'elevator-inspection', 'overdue'],
        ['fire-safety', 'fire-maintenance', 'overdue'],
      ],
    );
    assert.deepEqual(
      evaluateCompound(record, '2026-11-05').map((f) => f.section),
      ['services'],
    );
  });
});
