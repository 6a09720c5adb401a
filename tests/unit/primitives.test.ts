import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { z } from 'zod';
import {
  count,
  decimal,
  isMobile,
  isoDate,
  money,
  normalizeText,
  parseDate,
  parsePhone,
  parseQuarter,
  parseYuanToFen,
  phone,
  quarter,
  scaledDecimal,
  signedMoney,
  slug,
  text,
  uscc,
  usccCheckChar,
  yearMonth,
  yesNo,
} from '../../src/core/schemas/primitives.ts';

/** The messages of a failed parse, or the parsed value. */
function parse(schema: z.ZodType, input: unknown): { ok: true; value: unknown } | { ok: false; messages: string[] } {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, messages: result.error.issues.map((issue) => issue.message) };
}

const MONEY_MSG = '应为金额（元），最多两位小数，例如 1234.50';
const SCIENTIFIC_MSG = '这是 Excel 的科学计数法，不是完整数字：请把该列设为“文本”或“数值（两位小数）”格式后重新输入';

describe('normalizeText', () => {
  it('folds full-width digits and letters and trims', () => {
    assert.equal(normalizeText('  １２３ＡＢＣ　'), '123ABC');
    assert.equal(normalizeText('（０９９４）'), '(0994)');
  });
});

describe('parseYuanToFen', () => {
  const cases: [string, number | 'scientific' | undefined][] = [
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.1', 10],
    ['0.07', 7],
    ['1,234.50', 123450],
    ['1,234.50元', 123450],
    ['12.5 元', 1250],
    ['¥12', 1200],
    ['￥1,000', 100000],
    ['１２３.５０', 12350],
    ['  8 000 ', 800000],
    ['-12.5', -1250],
    ['¥-5', -500],
    ['12.345', undefined],
    ['12.', undefined],
    ['.5', undefined],
    ['+5', undefined],
    ['abc', undefined],
    ['', undefined],
    ['1.23E+05', 'scientific'],
    ['1.23e5', 'scientific'],
    ['1E3', 'scientific'],
    ['-2.5E-3', 'scientific'],
    // Plain amounts are read without the clean-up; near misses must still get it.
    ['007.10', 710],
    ['-0.01', -1],
    ['12.50\t', 1250],
    ['－5', -500],
    ['12.5元', 1250],
    ['1,2', 1200],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      assert.equal(parseYuanToFen(input), expected);
    });
  }

  it('does not lose fen to floating point on large amounts', () => {
    assert.equal(parseYuanToFen('1234567.89'), 123456789);
    assert.equal(parseYuanToFen('90071992547409.91'), 9007199254740991);
    assert.equal(parseYuanToFen('90071992547409.92'), undefined);
  });

  it('reads Excel’s “-¥5.00” currency format as a negative amount', () => {
    assert.equal(parseYuanToFen('-¥5.00'), -500);
  });
});

describe('money and signedMoney', () => {
  it('store integer fen from strings and YAML numbers', () => {
    assert.deepEqual(parse(money, '1,234.56'), { ok: true, value: 123456 });
    assert.deepEqual(parse(money, 12.5), { ok: true, value: 1250 });
    assert.deepEqual(parse(money, 0), { ok: true, value: 0 });
  });
  it('money refuses a negative amount, signedMoney keeps it', () => {
    assert.deepEqual(parse(money, '-1'), { ok: false, messages: ['金额不能为负数'] });
    assert.deepEqual(parse(signedMoney, '-1,234.5'), { ok: true, value: -123450 });
  });
  it('explains Excel scientific notation', () => {
    assert.deepEqual(parse(money, '1.23E+05'), { ok: false, messages: [SCIENTIFIC_MSG] });
    assert.deepEqual(parse(signedMoney, '-1.2E+05'), { ok: false, messages: [SCIENTIFIC_MSG] });
  });
  it('a YAML number too big to print without an exponent is also refused as scientific', () => {
    assert.deepEqual(parse(money, 1e21), { ok: false, messages: [SCIENTIFIC_MSG] });
  });
  it('refuses three decimals, words and nothing with the money message', () => {
    assert.deepEqual(parse(money, '12.345'), { ok: false, messages: [MONEY_MSG] });
    assert.deepEqual(parse(money, 12.345), { ok: false, messages: [MONEY_MSG] });
    assert.deepEqual(parse(money, '两千'), { ok: false, messages: [MONEY_MSG] });
    assert.deepEqual(parse(money, undefined), { ok: false, messages: [MONEY_MSG] });
    assert.deepEqual(parse(money, true), { ok: false, messages: [MONEY_MSG] });
  });
});

describe('scaledDecimal', () => {
  const price = scaledDecimal(4, 'expect.unitPrice');
  it('stores a fixed number of places as an integer', () => {
    assert.deepEqual(parse(price, '0.5613'), { ok: true, value: 5613 });
    assert.deepEqual(parse(price, '1.5'), { ok: true, value: 15000 });
    assert.deepEqual(parse(price, 2), { ok: true, value: 20000 });
    assert.deepEqual(parse(scaledDecimal(2, 'expect.usage'), '1,250.5'), { ok: true, value: 125050 });
  });
  it('refuses more places than allowed, negatives and exponents', () => {
    const msg = '应为单价（元），最多四位小数，例如 0.5613';
    assert.deepEqual(parse(price, '0.56131'), { ok: false, messages: [msg] });
    assert.deepEqual(parse(price, '-0.5'), { ok: false, messages: [msg] });
    assert.deepEqual(parse(price, '5E-01'), { ok: false, messages: [SCIENTIFIC_MSG] });
  });
});

describe('parseDate and isoDate', () => {
  const cases: [string, string | undefined][] = [
    ['2023-06-05', '2023-06-05'],
    ['2023/6/5', '2023-06-05'],
    ['2023.6.5', '2023-06-05'],
    ['2023年6月5日', '2023-06-05'],
    ['2023 年 6 月 5 日', '2023-06-05'],
    ['２０２３－０６－０５', '2023-06-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-12-31', '2023-12-31'],
    ['2023-02-30', undefined],
    ['2023-02-29', undefined],
    ['2023-13-01', undefined],
    ['2023-00-10', undefined],
    ['2023-04-31', undefined],
    ['23-6-5', undefined],
    ['2023-06', undefined],
    ['6/5/2023', undefined],
    ['昨天', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      assert.equal(parseDate(input), expected);
    });
  }
  it('isoDate reads typed dates (YAML is read with the core schema, so no Date objects) and explains a bad day', () => {
    assert.equal(parse(isoDate, new Date(Date.UTC(2024, 2, 1))).ok, false);
    assert.deepEqual(parse(isoDate, '2023/6/5'), { ok: true, value: '2023-06-05' });
    assert.deepEqual(parse(isoDate, '2023-02-30'), {
      ok: false,
      messages: ['应为日期，例如 2026-03-01、2026/3/1 或 2026年3月1日'],
    });
    assert.deepEqual(parse(isoDate, 20230605), {
      ok: false,
      messages: ['应为日期，例如 2026-03-01、2026/3/1 或 2026年3月1日'],
    });
  });
});

describe('yearMonth', () => {
  const good: [string, string][] = [
    ['2026-09', '2026-09'],
    ['2026-9', '2026-09'],
    ['2026/9', '2026-09'],
    ['2026.10', '2026-10'],
    ['2026年9月', '2026-09'],
    ['2026年12', '2026-12'],
  ];
  for (const [input, expected] of good) {
    it(`${JSON.stringify(input)} → ${expected}`, () =>
      assert.deepEqual(parse(yearMonth, input), { ok: true, value: expected }));
  }
  for (const input of ['2026-13', '2026-00', '2026', '26-09', '2026-09-01']) {
    it(`refuses ${JSON.stringify(input)}`, () =>
      assert.deepEqual(parse(yearMonth, input), { ok: false, messages: ['应为月份，例如 2026-09 或 2026年9月'] }));
  }
});

describe('parseQuarter and quarter', () => {
  const cases: [string, string | undefined][] = [
    ['2025Q3', '2025Q3'],
    ['2025q3', '2025Q3'],
    ['2025-Q3', '2025Q3'],
    ['2025 Q3', '2025Q3'],
    ['２０２５Ｑ３', '2025Q3'],
    ['2025年第3季度', '2025Q3'],
    ['2025年第三季度', '2025Q3'],
    ['2025年第一季度', '2025Q1'],
    ['2025年第四季度', '2025Q4'],
    ['2025第4季度', '2025Q4'],
    ['2025Q5', undefined],
    ['2025Q0', undefined],
    ['2025年第五季度', undefined],
    ['2025-3', undefined],
    ['25Q3', undefined],
    ['Q3 2025', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(parseQuarter(input), expected));
  }
  it('the schema gives the quarter message', () => {
    assert.deepEqual(parse(quarter, '2025年第三季度'), { ok: true, value: '2025Q3' });
    assert.deepEqual(parse(quarter, '2025Q5'), { ok: false, messages: ['应为季度，例如 2025Q3 或 2025年第3季度'] });
  });
});

describe('parsePhone and phone', () => {
  const cases: [string, string | undefined][] = [
    ['13800000000', '13800000000'],
    ['138 0000 0000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['１３８００００００００', '13800000000'],
    ['0994-7231234', '0994-7231234'],
    ['0994 7231234', '0994-7231234'],
    ['(0994)7231234', '0994-7231234'],
    ['（0994）7231234', '0994-7231234'],
    ['09947231234', '0994-7231234'],
    ['7231234', '0994-7231234'],
    ['0994-723123', undefined],
    ['0994-72312345', undefined],
    ['0991-2345678', '0991-2345678'],
    ['010-62345678', '010-62345678'],
    // A local number never begins with 1: 0991-12345678 is not a number that can be dialled.
    ['0991-12345678', undefined],
    ['12345', '12345'],
    ['12315', '12315'],
    ['95588', '95588'],
    ['110', '110'],
    ['400-123-4567', '400-123-4567'],
    ['4001234567', '400-123-4567'],
    ['800 123 4567', '800-123-4567'],
    ['1234567', undefined],
    ['12300000000', undefined],
    ['1380000000', undefined],
    ['12348', undefined],
    ['电话', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(parsePhone(input), expected));
  }
  it('the schema accepts a mobile typed as a YAML number and explains a bad one', () => {
    assert.deepEqual(parse(phone, 13800000000), { ok: true, value: '13800000000' });
    assert.deepEqual(parse(phone, '0994-723123'), {
      ok: false,
      messages: ['应为电话号码：手机号（11位）、带区号的座机（如 0994-7231234）或 12345 等服务号码'],
    });
  });
  it('isMobile tells a mobile from an office line', () => {
    assert.equal(isMobile('13800000000'), true);
    assert.equal(isMobile('0994-7231234'), false);
    assert.equal(isMobile('12345'), false);
  });
  it('refuses a Qitai number missing a digit when typed without a dash', () => {
    assert.equal(parsePhone('0994723123'), undefined);
  });
  it('splits a Beijing number typed without a dash after its 3-digit area code', () => {
    assert.equal(parsePhone('01062345678'), '010-62345678');
  });
});

describe('usccCheckChar and uscc', () => {
  it('computes the GB 32100 check character', () => {
    // Worked out independently with weights 3^i mod 31 over the 31-character set.
    assert.equal(usccCheckChar('91350100M000100Y4'), '3');
    assert.equal(usccCheckChar('91652325MA0000000'), '3');
    assert.equal(usccCheckChar('91110108MA0000000'), 'A');
    assert.equal(usccCheckChar('91110108MA0000001'), 'D');
  });
  it('gives undefined for characters outside the code set (I, O, S, V, Z)', () => {
    assert.equal(usccCheckChar('91350100M000100I4'), undefined);
    assert.equal(usccCheckChar('91350100M000100O4'), undefined);
    assert.equal(usccCheckChar('91350100z000100Y4'), undefined);
  });
  it('accepts valid codes, normalising case and full-width letters', () => {
    assert.deepEqual(parse(uscc, '91350100M000100Y43'), { ok: true, value: '91350100M000100Y43' });
    assert.deepEqual(parse(uscc, '91652325ma00000003'), { ok: true, value: '91652325MA00000003' });
    assert.deepEqual(parse(uscc, ' ９１６５２３２５ＭＡ００００００03 '), { ok: true, value: '91652325MA00000003' });
  });
  it('a wrong check character names the right one', () => {
    assert.deepEqual(parse(uscc, '91652325MA00000004'), {
      ok: false,
      messages: ['统一社会信用代码校验位不对（按前17位计算，最后一位应为 3），请核对营业执照'],
    });
    assert.deepEqual(parse(uscc, '91110108MA00000011'), {
      ok: false,
      messages: ['统一社会信用代码校验位不对（按前17位计算，最后一位应为 D），请核对营业执照'],
    });
  });
  it('refuses a malformed code with the format message', () => {
    const msg = '应为18位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）';
    assert.deepEqual(parse(uscc, '91652325MI00000003'), { ok: false, messages: [msg] });
    assert.deepEqual(parse(uscc, '91652325MA0000000'), { ok: false, messages: [msg] });
    assert.deepEqual(parse(uscc, '916523X5MA00000003'), { ok: false, messages: [msg] });
  });
});

describe('count', () => {
  const schema = count(1, 1000);
  it('reads whole numbers from text and YAML', () => {
    assert.deepEqual(parse(schema, '12'), { ok: true, value: 12 });
    assert.deepEqual(parse(schema, '1,000'), { ok: true, value: 1000 });
    assert.deepEqual(parse(schema, '１２'), { ok: true, value: 12 });
    assert.deepEqual(parse(schema, 7), { ok: true, value: 7 });
  });
  it('refuses fractions and signs with the integer message', () => {
    for (const input of ['12.0', '-1', 'abc', 3.5]) {
      assert.deepEqual(parse(schema, input), { ok: false, messages: ['应为整数，例如 12'] }, String(input));
    }
  });
  it('checks the range', () => {
    const msg = '应为 1 到 1000 之间的整数';
    assert.deepEqual(parse(schema, 0), { ok: false, messages: [msg] });
    assert.deepEqual(parse(schema, '1001'), { ok: false, messages: [msg] });
    assert.deepEqual(parse(count(), '0'), { ok: true, value: 0 });
  });
});

describe('decimal', () => {
  it('reads decimals', () => {
    assert.deepEqual(parse(decimal, '72000.5'), { ok: true, value: 72000.5 });
    assert.deepEqual(parse(decimal, '1,234.5'), { ok: true, value: 1234.5 });
    assert.deepEqual(parse(decimal, 3.5), { ok: true, value: 3.5 });
    assert.deepEqual(parse(decimal, '0'), { ok: true, value: 0 });
  });
  it('refuses negatives and words', () => {
    for (const input of ['-1', 'abc', '1.2.3', '']) {
      assert.deepEqual(parse(decimal, input), { ok: false, messages: ['应为数字，例如 72000.5'] }, input);
    }
  });
});

describe('yesNo', () => {
  const cases: [unknown, boolean][] = [
    ['是', true],
    ['有', true],
    ['yes', true],
    ['true', true],
    [true, true],
    ['否', false],
    ['无', false],
    ['no', false],
    ['false', false],
    [false, false],
    [' 是 ', true],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () =>
      assert.deepEqual(parse(yesNo, input), { ok: true, value: expected }));
  }
  it('refuses anything else', () => {
    assert.deepEqual(parse(yesNo, '也许'), { ok: false, messages: ['应为“是”或“否”'] });
    assert.deepEqual(parse(yesNo, 1), { ok: false, messages: ['应为“是”或“否”'] });
  });
  it('accepts TRUE / FALSE as Excel writes boolean cells', () => {
    assert.deepEqual(parse(yesNo, 'TRUE'), { ok: true, value: true });
    assert.deepEqual(parse(yesNo, 'FALSE'), { ok: true, value: false });
  });
});

describe('text', () => {
  const schema = text(5);
  it('trims and keeps text; a YAML number becomes its digits', () => {
    assert.deepEqual(parse(schema, '  测试  '), { ok: true, value: '测试' });
    assert.deepEqual(parse(schema, 12), { ok: true, value: '12' });
  });
  it('an empty or blank value is missing', () => {
    for (const input of ['', '   ', undefined, null]) {
      assert.deepEqual(parse(schema, input), { ok: false, messages: ['应为一段文字，不能为空'] }, String(input));
    }
  });
  it('checks the length in characters', () => {
    assert.deepEqual(parse(schema, '一二三四五'), { ok: true, value: '一二三四五' });
    assert.deepEqual(parse(schema, '一二三四五六'), { ok: false, messages: ['应不超过 5 个字'] });
  });
  it('refuses control characters but keeps line breaks and tabs', () => {
    assert.deepEqual(parse(schema, 'a\u0001b'), {
      ok: false,
      messages: ['不能含有控制字符（多为从其他软件复制时带入），请重新输入'],
    });
    assert.deepEqual(parse(text(), '第一行\n第二行\t完'), { ok: true, value: '第一行\n第二行\t完' });
  });
  it('when optional, an absent value passes but a blank one is still refused', () => {
    assert.deepEqual(parse(text().optional(), undefined), { ok: true, value: undefined });
    assert.deepEqual(parse(text().optional(), '  '), { ok: false, messages: ['应为一段文字，不能为空'] });
  });
});

describe('slug', () => {
  it('accepts lowercase ASCII words joined by hyphens only', () => {
    assert.equal(slug.safeParse('tianshan-huayuan').success, true);
    assert.equal(slug.safeParse('a1').success, true);
    for (const bad of ['Tianshan', 'tian_shan', '-a', 'a-', 'a--b', '天山', '']) {
      assert.equal(slug.safeParse(bad).success, false, bad);
    }
  });
});

test('every primitive error message, in Chinese', (t) => {
  const cases: [string, z.ZodType, unknown][] = [
    ['money 12.345', money, '12.345'],
    ['money -1', money, '-1'],
    ['money 1.23E+05', money, '1.23E+05'],
    ['isoDate 2023-02-30', isoDate, '2023-02-30'],
    ['yearMonth 2026-13', yearMonth, '2026-13'],
    ['quarter 2025Q5', quarter, '2025Q5'],
    ['phone 0994-723123', phone, '0994-723123'],
    ['uscc bad check', uscc, '91652325MA00000004'],
    ['uscc bad format', uscc, '91652325MA000000'],
    ['count 12.5', count(1, 100), '12.5'],
    ['count 101', count(1, 100), '101'],
    ['decimal abc', decimal, 'abc'],
    ['yesNo 也许', yesNo, '也许'],
    ['text empty', text(10), ''],
    ['text too long', text(3), '一二三四'],
  ];
  t.assert.snapshot(Object.fromEntries(cases.map(([name, schema, input]) => [name, parse(schema, input)])));
});
