import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { check, labelFor } from '../../src/core/data/zod-issues.ts';
import { compoundSchema } from '../../src/core/schemas/compound.ts';
import { feeItemSchema } from '../../src/core/schemas/fee-item.ts';
import { siteSchema } from '../../src/core/schemas/site.ts';
import { utilitySplitSchema } from '../../src/core/schemas/utility-split.ts';
import { baseCompound } from './helpers.ts';

describe('labelFor', () => {
  const cases: [PropertyKey[], string][] = [
    [['name'], '小区名称'],
    [['buildings'], '楼栋数'],
    [['filings'], '五备案'],
    [['filings', 'committee'], '五备案 › 业主委员会成立备案'],
    [['filings', 'committee', 'date'], '五备案 › 业主委员会成立备案 › 备案日期'],
    [['manager', 'phone'], '小区物业负责人信息 › 项目负责人电话'],
    [['committee', 'members', 0, 'name'], '业主委员会 › 委员名单 › 第1项 › 姓名'],
    [['services', 'items', 2, 'category'], '物业服务内容及标准 › 服务项目 › 第3项 › 服务类别'],
    [['hotlines', 'elevator_maintenance', 'phone'], '报修投诉及监督电话 › 电梯维保单位 › 电话'],
    [['location', 'lat'], '位置坐标 › 纬度'],
    [['public_revenue', 'account_last4'], '公共收益账户 › 账号后四位'],
    [[], ''],
  ];
  for (const [path, label] of cases) {
    it(`${path.join('.') || '(root)'} → ${label || '(empty)'}`, () =>
      assert.equal(labelFor(compoundSchema, path), label));
  }

  it('an unknown key is shown as itself, and so is everything below it', () => {
    assert.equal(labelFor(compoundSchema, ['nmae']), 'nmae');
    assert.equal(labelFor(compoundSchema, ['manager', 'mobile']), '小区物业负责人信息 › mobile');
    assert.equal(labelFor(compoundSchema, ['nmae', 'x', 0]), 'nmae › x › 第1项');
  });

  it('reads titles through default(), optional() and pipes', () => {
    assert.equal(labelFor(siteSchema, ['service_hotline']), '政务服务便民热线');
    assert.equal(labelFor(feeItemSchema, ['base_price']), '基准价（元）');
    assert.equal(labelFor(utilitySplitSchema, ['usage']), '用量');
    assert.equal(labelFor(compoundSchema, ['year_built']), '建成年份');
  });
});

describe('check', () => {
  it('returns the parsed value when valid', () => {
    const result = check(compoundSchema, { ...baseCompound(), buildings: '６' });
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.value.buildings, 6);
  });

  it('gives one issue per unknown key, pointing at that key', () => {
    const result = check(compoundSchema, {
      ...baseCompound(),
      nmae: 'x',
      manager: { ...baseCompound().manager, mobile: '1' },
    });
    assert.deepEqual(result, {
      ok: false,
      issues: [
        { path: ['manager', 'mobile'], expected: '不认识这个字段，请检查拼写或删除', unknownKey: true },
        { path: ['nmae'], expected: '不认识这个字段，请检查拼写或删除', unknownKey: true },
      ],
    });
  });

  it('turns zod’s own issues into Chinese expectations', () => {
    const { manager: _manager, ...noManager } = baseCompound();
    const input = {
      ...noManager,
      location: { lat: '44', lon: 200 },
      old_compound: 'no',
      management: 'outsourced',
      services: { grade: '二级', items: [], updated: '2026-01-10' },
      committee: 'established',
      hotlines: undefined,
    };
    const result = check(compoundSchema, input);
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.issues, [
      { path: ['location', 'lat'], expected: '应为纬度（WGS-84，十进制度数，奇台约为 44.0）' },
      { path: ['location', 'lon'], expected: '应为经度（WGS-84，十进制度数，奇台约为 89.6）' },
      { path: ['old_compound'], expected: '应为 true（是）或 false（否）' },
      {
        path: ['management'],
        expected: '应为以下之一：professional（专业物业）、self（业主自管）、none（无物业，社区兜底）',
      },
      { path: ['services', 'items'], expected: '至少应有 1 项' },
      { path: ['committee'], expected: '应为一组字段（下一行缩进两格书写）' },
    ]);
  });

  it('uses the generic words for schemas without their own message', () => {
    const schema = z.object({
      list: z.array(z.string()),
      n: z.number().max(3),
      s: z.string().max(2),
      k: z.number().min(5),
    });
    const result = check(schema, { list: 'x', n: 4, s: 'abc', k: 1 });
    assert.deepEqual(result.ok ? [] : result.issues, [
      { path: ['list'], expected: '应为列表（每项以“- ”开头）' },
      { path: ['n'], expected: '应不大于 3' },
      { path: ['s'], expected: '应不超过 2 个字' },
      { path: ['k'], expected: '应不小于 5' },
    ]);
  });
});
