import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import Papa from 'papaparse';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { isResidentId, type PrivacyHit, passesLuhn, scanPrivacy } from '../../src/core/data/privacy.ts';
import { privacyProblems } from '../../src/core/data/privacy-checks.ts';
import strings from '../../src/core/i18n/zh-CN.json' with { type: 'json' };
import { phone, text } from '../../src/core/schemas/primitives.ts';

// ------------------------------------------------ independent helpers that build test numbers

/** GB 11643 check character, computed as 2^(17-i) mod 11 weights rather than a table. */
function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'.charAt(sum % 11);
}
const makeId = (first17: string) => first17 + idCheck(first17);
/** A different, wrong check character for the same 17 digits. */
const wrongId = (first17: string) => first17 + (idCheck(first17) === '0' ? '1' : '0');

/** Appends the digit that makes `body` pass Luhn, found by trying all ten. */
function makeCard(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const card = body + d;
    let sum = 0;
    [...card].reverse().forEach((c, i) => {
      const v = Number(c) * (i % 2 ? 2 : 1);
      sum += Math.floor(v / 10) + (v % 10);
    });
    if (sum % 10 === 0) return card;
  }
  throw new Error('unreachable');
}
/** Same number with its last digit changed, so it fails Luhn. */
const breakCard = (card: string) => card.slice(0, -1) + ((Number(card.at(-1)) + 1) % 10);
const group4 = (digits: string, sep = ' ') => digits.match(/.{1,4}/g)?.join(sep) ?? digits;
const FULL = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const kinds = (hits: PrivacyHit[]) => hits.map((h) => h.kind);

const ID_A = '11010519491231002X'; // the GB 11643 standard's own example
const ID_B = makeId('65232519850612003');
const CARD16 = makeCard('622848001234567');
const CARD19 = makeCard('622848001234567890');

// ------------------------------------------------ check digits

describe('isResidentId', () => {
  it('accepts valid numbers, with X or x as the check character', () => {
    assert.equal(isResidentId(ID_A), true);
    assert.equal(isResidentId(ID_A.toLowerCase()), true);
    assert.equal(isResidentId(ID_B), true);
    assert.equal(isResidentId(makeId('81000020991231123')), true);
    assert.equal(isResidentId(makeId('11010519000101123')), true);
  });

  it('rejects a wrong check character', () => {
    assert.equal(isResidentId('110105194912310021'), false);
    assert.equal(isResidentId(wrongId('65232519850612003')), false);
  });

  it('rejects impossible birth dates and area codes even with a right check character', () => {
    assert.equal(isResidentId(makeId('11010519490230002')), false); // 30 February
    assert.equal(isResidentId(makeId('11010518991231002')), false); // before 1900
    assert.equal(idCheck('44052418800101001'), '4');
    assert.equal(isResidentId('440524188001010014'), false); // a widely quoted example, but born 1880
    assert.equal(isResidentId(makeId('11010521000101002')), false); // after 2099
    assert.equal(isResidentId(makeId('91010519491231002')), false); // area code starts 9
    assert.equal(isResidentId(makeId('01010519491231002')), false); // area code starts 0
  });

  it('rejects wrong lengths and characters', () => {
    assert.equal(isResidentId(ID_A.slice(1)), false);
    assert.equal(isResidentId(`${ID_A}0`), false);
    assert.equal(isResidentId('91652325MA775PLQ2X'), false);
    assert.equal(isResidentId(''), false);
  });
});

describe('passesLuhn', () => {
  it('matches known card test numbers', () => {
    assert.equal(passesLuhn('4111111111111111'), true);
    assert.equal(passesLuhn('5500000000000004'), true);
    assert.equal(passesLuhn('79927398713'), true);
    assert.equal(passesLuhn('4111111111111112'), false);
    assert.equal(passesLuhn('79927398710'), false);
  });

  it('agrees with the independent helper', () => {
    assert.equal(passesLuhn(CARD16), true);
    assert.equal(passesLuhn(CARD19), true);
    assert.equal(passesLuhn(breakCard(CARD16)), false);
  });

  it('rejects non-digits and empty strings', () => {
    assert.equal(passesLuhn(''), false);
    assert.equal(passesLuhn('4111 1111 1111 1111'), false);
  });
});

// ------------------------------------------------ scanning

describe('scanPrivacy: resident ID numbers', () => {
  it('flags a valid ID inside Chinese text, masked, with its offset', () => {
    const text = `业主张三，身份证号${ID_A}，已缴费`;
    assert.deepEqual(scanPrivacy(text), [
      {
        kind: 'id-card',
        index: text.indexOf(ID_A),
        length: 18,
        masked: '**************002X',
        expected: strings['privacy.idCard'],
      },
    ]);
  });

  it('flags IDs written with groups and lowercase x', () => {
    const hits = scanPrivacy(`身份证 110105 19491231 002x`);
    assert.deepEqual(kinds(hits), ['id-card']);
    assert.equal(hits[0]?.index, 4);
    assert.equal(hits[0]?.masked, '**************002x');
    assert.equal(hits[0]?.length, '110105 19491231 002x'.length);
  });

  it('does not flag an 18-digit number whose check character is wrong', () => {
    assert.deepEqual(scanPrivacy('登记号110105194912310021'), []);
    assert.deepEqual(scanPrivacy(wrongId('65232519850612003')), []);
  });

  it('does not flag a valid ID cut out of a longer digit run', () => {
    assert.deepEqual(scanPrivacy(`9${ID_B}`), []);
    assert.deepEqual(scanPrivacy(`${ID_B}7`), []);
  });

  it('does not flag 20-digit elevator register codes or a unified social credit code', () => {
    for (const code of ['31106523252015000001', '31106523252016000004', '31106523252019000012']) {
      assert.deepEqual(scanPrivacy(code), [], code);
      assert.deepEqual(scanPrivacy(`电梯注册代码：${code}。`), [], code);
    }
    assert.deepEqual(scanPrivacy('91652325MA775PLQ2X'), []);
    assert.deepEqual(scanPrivacy('统一社会信用代码 91652325MA775PLQ2X'), []);
  });

  it('reports an ID that also passes Luhn only once, as an ID', () => {
    // Search for a valid ID that happens to be Luhn-valid and start like a card (area code 4xxxxx).
    let both: string | undefined;
    for (let seq = 100; seq < 1000 && !both; seq++) {
      const id = makeId(`41010219900101${seq}`);
      if (/^\d{18}$/.test(id) && passesLuhn(id)) both = id;
    }
    assert.ok(both);
    assert.deepEqual(kinds(scanPrivacy(both)), ['id-card']);
  });
});

describe('scanPrivacy: bank accounts', () => {
  it('flags Luhn-valid 16- and 19-digit cards written solid', () => {
    const hits = scanPrivacy(`卡号${CARD16}，另一张${CARD19}`);
    assert.deepEqual(kinds(hits), ['bank-account', 'bank-account']);
    assert.equal(hits[0]?.index, 2);
    assert.equal(hits[0]?.masked, `************${CARD16.slice(-4)}`);
    assert.equal(hits[1]?.masked, `***************${CARD19.slice(-4)}`);
    assert.equal(hits[0]?.expected, strings['privacy.bankAccount']);
  });

  it('flags cards grouped by four with spaces or hyphens', () => {
    for (const written of [group4(CARD16), group4(CARD19), group4(CARD16, '-'), group4(CARD19, '-')]) {
      const text = `开户行农行，账号：${written}`;
      const hits = scanPrivacy(text);
      assert.deepEqual(kinds(hits), ['bank-account'], written);
      assert.equal(hits[0]?.index, text.indexOf(written.slice(0, 4)));
      const digits = written.replace(/\D/g, '');
      assert.equal(hits[0]?.masked, '*'.repeat(digits.length - 4) + digits.slice(-4));
    }
    // 6228 4800 1234 5678 901 as printed, made Luhn-valid.
    assert.equal(group4(CARD19), `6228 4800 1234 5678 90${CARD19.at(-1)}`);
  });

  it('flags a grouped card next to other numbers that are not groups of four', () => {
    assert.deepEqual(kinds(scanPrivacy(`13912345678 ${group4(CARD16)}`)), ['mobile', 'bank-account']);
    assert.deepEqual(kinds(scanPrivacy(`${group4(CARD19)} 13912345678`)), ['bank-account', 'mobile']);
    assert.deepEqual(kinds(scanPrivacy(`2026-01-05 ${group4(CARD16, '-')} 0994-7231234`)), ['bank-account']);
  });

  it('accepts the issuer prefixes 62, 4, 5 and 3', () => {
    for (const body of ['411111111111111', '550000000000000', '353011133330000', '621700000000000000']) {
      assert.deepEqual(kinds(scanPrivacy(makeCard(body))), ['bank-account'], body);
    }
  });

  it('does not flag Luhn-invalid numbers', () => {
    assert.deepEqual(scanPrivacy(breakCard(CARD16)), []);
    assert.deepEqual(scanPrivacy(breakCard(CARD19)), []);
    assert.deepEqual(scanPrivacy(group4(breakCard(CARD19))), []);
  });

  it('does not flag Luhn-valid numbers with no card issuer prefix', () => {
    assert.deepEqual(scanPrivacy(makeCard('912345678901234')), []);
    assert.deepEqual(scanPrivacy(makeCard('112345678901234')), []);
  });

  it('does not flag a card cut out of a longer digit run or a longer grouping', () => {
    assert.deepEqual(scanPrivacy(`1${CARD19}`), []);
    assert.deepEqual(scanPrivacy(`${CARD19}12`), []);
    assert.deepEqual(scanPrivacy(`${group4(CARD16)} 1234`), []);
    assert.deepEqual(scanPrivacy(`1234 ${group4(CARD16)}`), []);
    assert.deepEqual(scanPrivacy(`${group4(CARD16, '-')}-1234`), []);
    // A 20-digit elevator code grouped by four: no 16-digit part of it is a card.
    const elevator = makeCard('3110652325201500000');
    assert.equal(elevator.length, 20);
    assert.deepEqual(scanPrivacy(group4(elevator)), []);
    assert.deepEqual(scanPrivacy(elevator), []);
  });

  it('does not flag the last four digits alone', () => {
    assert.deepEqual(scanPrivacy('账号后四位 7742'), []);
    assert.deepEqual(scanPrivacy(`尾号${CARD16.slice(-4)}`), []);
  });
});

describe('scanPrivacy: mobiles', () => {
  it('flags a mobile in free text', () => {
    const text = '有问题请联系王经理13899990000。';
    assert.deepEqual(scanPrivacy(text), [
      { kind: 'mobile', index: 9, length: 11, masked: '*******0000', expected: strings['privacy.mobile'] },
    ]);
  });

  it('flags grouped mobiles and reports the number after +86', () => {
    assert.deepEqual(kinds(scanPrivacy('电话 138 0000 1234')), ['mobile']);
    assert.deepEqual(kinds(scanPrivacy('电话 138-0000-1234')), ['mobile']);
    const hits = scanPrivacy('+86 13800001234');
    assert.deepEqual(kinds(hits), ['mobile']);
    assert.equal(hits[0]?.index, 4);
    assert.equal(scanPrivacy('+8613800001234')[0]?.index, 3);
  });

  it('leaves mobiles alone in phone fields', () => {
    assert.deepEqual(scanPrivacy('13899990000', { allowMobile: true }), []);
    assert.deepEqual(scanPrivacy('138 9999 0000', { allowMobile: true }), []);
  });

  it('still flags IDs and cards in phone fields', () => {
    assert.deepEqual(kinds(scanPrivacy(ID_A, { allowMobile: true })), ['id-card']);
    assert.deepEqual(kinds(scanPrivacy(CARD16, { allowMobile: true })), ['bank-account']);
  });

  it('never flags landlines, service numbers or 400 numbers', () => {
    for (const phone of [
      '0994-7231234',
      '09947231234',
      '0994 7231234',
      '7231234',
      '12345',
      '400-123-4567',
      '010-12345678',
    ]) {
      assert.deepEqual(scanPrivacy(phone), [], phone);
    }
  });

  it('does not flag 11 digits inside a longer run, or numbers starting 12', () => {
    assert.deepEqual(scanPrivacy('213899990000'), []);
    assert.deepEqual(scanPrivacy('138999900001'), []);
    assert.deepEqual(scanPrivacy('12899990000'), []);
  });
});

describe('scanPrivacy: text as typed', () => {
  it('folds full-width digits and letters and reports offsets in the original text', () => {
    const text = `身份证：${FULL(ID_A)}，手机${FULL('13899990000')}`;
    const hits = scanPrivacy(text);
    assert.deepEqual(kinds(hits), ['id-card', 'mobile']);
    assert.equal(hits[0]?.index, 4);
    assert.equal(hits[0]?.masked, '**************002X');
    assert.equal(hits[1]?.index, text.indexOf(FULL('1389')));
    assert.equal(hits[1]?.masked, '*******0000');
  });

  it('keeps offsets right after characters that NFKC expands or shrinks', () => {
    // ㎡ folds to two characters and 𝟏 (a surrogate pair) to one.
    const text = `面积㎡，编号𝟏，卡号${CARD16}`;
    const hits = scanPrivacy(text);
    assert.deepEqual(kinds(hits), ['bank-account']);
    assert.equal(hits[0]?.index, text.indexOf(CARD16));
  });

  it('finds every hit in one string, in order', () => {
    const text = `${ID_B} 13912345678 ${group4(CARD19)} 0994-7231234 ${ID_A}`;
    const hits = scanPrivacy(text);
    assert.deepEqual(kinds(hits), ['id-card', 'mobile', 'bank-account', 'id-card']);
    assert.deepEqual(
      hits.map((h) => h.index),
      [0, 19, 31, 31 + 23 + 14],
    );
    assert.equal(text.slice(hits[3]?.index), ID_A);
  });

  it('finds nothing in ordinary disclosure text', () => {
    for (const text of [
      '2026-11-09',
      '1,234.50元',
      '2025年第3季度',
      '物业服务费 1.20 元/㎡·月',
      '9号楼1单元',
      '社区代行业主委员会职责，电话0994-7231234',
      '合同编号 QT-2024-000123',
    ]) {
      assert.deepEqual(scanPrivacy(text), [], text);
    }
  });
});

describe('scanPrivacy: values passed over without folding', () => {
  // Values with fewer than 11 digits once folded cannot hold any number looked for and are
  // skipped before NFKC; these pin down that the count is of folded digits, not of characters.
  it('finds a mobile of exactly 11 digits and nothing in 10', () => {
    assert.deepEqual(kinds(scanPrivacy('13899990000')), ['mobile']);
    assert.deepEqual(scanPrivacy('1389999000'), []);
    assert.deepEqual(scanPrivacy('电话1389999000，2026-11-09'), []);
  });

  it('counts full-width digits as digits', () => {
    const hits = scanPrivacy(`联系${FULL('13899990000')}`);
    assert.deepEqual(kinds(hits), ['mobile']);
    assert.equal(hits[0]?.index, 2);
    assert.equal(hits[0]?.length, 11);
    assert.deepEqual(kinds(scanPrivacy(FULL(ID_A))), ['id-card']);
    assert.deepEqual(kinds(scanPrivacy(FULL(CARD16))), ['bank-account']);
  });

  it('counts every digit a character folds to, even when fewer characters than digits are written', () => {
    // ⑬ folds to 13 and ⓪ to 0: ten characters, eleven digits.
    const hits = scanPrivacy('⑬⑧⑨⑨⑨⑨⓪⓪⓪⓪');
    assert.deepEqual(kinds(hits), ['mobile']);
    assert.equal(hits[0]?.index, 0);
    assert.equal(hits[0]?.length, 10);
    assert.equal(hits[0]?.masked, '*******0000');
  });

  it('counts digits written as surrogate pairs', () => {
    const bold = [...'13899990000'].map((d) => String.fromCodePoint(0x1d7ce + Number(d))).join('');
    const hits = scanPrivacy(`号${bold}`);
    assert.deepEqual(kinds(hits), ['mobile']);
    assert.equal(hits[0]?.index, 1);
    assert.equal(hits[0]?.masked, '*******0000');
  });

  it('reports offsets in plain ASCII text as they are', () => {
    const text = `tel: 138 9999 0000; id ${ID_A}`;
    const hits = scanPrivacy(text);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.index, h.length]),
      [
        ['mobile', 5, 13],
        ['id-card', text.indexOf(ID_A), 18],
      ],
    );
  });

  it('relies on CJK ideographs U+4E00–U+9FFF folding to themselves', () => {
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(ch.normalize('NFKC'), ch, c.toString(16));
    }
  });

  it('treats lone surrogates like any other character', () => {
    assert.deepEqual(kinds(scanPrivacy('\ud83513899990000\udc00')), ['mobile']);
    assert.equal(scanPrivacy('\ud83513899990000\udc00')[0]?.index, 1);
  });
});

describe('privacyProblems', () => {
  const schema = z.object({ phone, note: text() });
  const where = (key: string) => ({ file: 'x.csv', line: 2, column: 1, path: [key] });

  it('allows a mobile in a phone field but still reports an ID or card there', () => {
    assert.deepEqual(privacyProblems('13899990000', where('phone'), schema, true), []);
    const problems = privacyProblems(`13899990000 ${ID_A}`, where('phone'), schema, true);
    assert.deepEqual(
      problems.map((p) => p.expected),
      [strings['privacy.idCard']],
    );
  });

  it('reports a mobile outside a phone field, in order with the other hits', () => {
    const problems = privacyProblems(`13899990000 ${ID_A}`, where('note'), schema, true);
    assert.deepEqual(
      problems.map((p) => [p.expected, p.found]),
      [
        [strings['privacy.mobile'], '*******0000'],
        [strings['privacy.idCard'], '**************002X'],
      ],
    );
  });

  it('returns nothing for a value without digits enough', () => {
    assert.deepEqual(privacyProblems('王经理 2026-11-09', where('note'), schema, true), []);
  });
});

// ------------------------------------------------ the sample content

/** Every CSV cell and YAML scalar in content/, with whether its field is a phone. */
async function contentValues(dir: string): Promise<{ where: string; value: string; phoneField: boolean }[]> {
  const out: { where: string; value: string; phoneField: boolean }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (entry.name.endsWith('.csv')) {
      const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const header = rows[0] ?? [];
      rows.slice(1).forEach((row, r) => {
        row.forEach((value, c) => {
          out.push({ where: `${file}:${r + 2}:${c + 1}`, value, phoneField: /电话|phone/i.test(header[c] ?? '') });
        });
      });
    } else if (/\.ya?ml$/.test(entry.name)) {
      const walk = (node: unknown, key: string) => {
        if (Array.isArray(node)) for (const item of node) walk(item, key);
        else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
        else if (typeof node === 'string' || typeof node === 'number') {
          out.push({ where: `${file} ${key}`, value: String(node), phoneField: /phone|tel|mobile/i.test(key) });
        }
      };
      for (const doc of parseAllDocuments(text)) if (!('empty' in doc)) walk(doc.toJS(), '');
      // Comments are published nowhere, but a committee may paste a number there too.
      out.push({
        where: `${file} (whole text)`,
        value: text.replace(/^.*(?:phone|tel|mobile).*$/gim, ''),
        phoneField: false,
      });
    }
  }
  return out;
}

test('the sample content has no personal data outside phone fields', async () => {
  const values = await contentValues(path.resolve('content'));
  assert.ok(values.length > 100);
  const hits = values.flatMap(({ where, value, phoneField }) =>
    scanPrivacy(value, { allowMobile: phoneField }).map((h) => `${where} ${h.kind} ${h.masked}`),
  );
  assert.deepEqual(hits, []);
});
