/**
 * The printed sheets' data: the permanent address in the QR code, the QR
 * drawing itself, the notice's fees and the board's lines. Whether the code
 * scans and the sheet fits one page is checked on real PDFs in tests/e2e/print.spec.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommunityRecord, DepartmentRecord } from '../../src/core/data/records.ts';
import { t } from '../../src/core/i18n/t.ts';
import { QUIET_ZONE, qrDrawing } from '../../src/core/lib/qr.ts';
import { boardRows, compoundUrl, noticeFees, propertyContacts } from '../../src/outputs/print/print-view.ts';
import { baseCompound, baseRecord, fee } from './helpers.ts';

const community: CommunityRecord = {
  slug: 'dongcheng',
  name: '东城社区',
  address: '奇台县奇台镇东城路1号',
  phone: '0994-7230001',
  hours: '工作日 9:30—19:30',
};

describe('compoundUrl', () => {
  it('is <base_url>c/<slug>/', () => {
    assert.equal(
      compoundUrl('https://gongshi.example.cn/', 'tianshan-huayuan'),
      'https://gongshi.example.cn/c/tianshan-huayuan/',
    );
  });

  it('keeps a base path, with or without its closing slash', () => {
    assert.equal(compoundUrl('https://x.github.io/gongshi/', 'a-b'), 'https://x.github.io/gongshi/c/a-b/');
    assert.equal(compoundUrl('https://x.github.io/gongshi', 'a-b'), 'https://x.github.io/gongshi/c/a-b/');
  });
});

describe('qrDrawing', () => {
  const url = 'https://gongshi.example.cn/c/nongjichang-jiashuyuan/';
  const drawing = qrDrawing(url);

  it('is square, of a QR version size plus a quiet zone of 4 modules on each side', () => {
    const modules = drawing.size - 2 * QUIET_ZONE;
    assert.equal(QUIET_ZONE, 4);
    assert.equal((modules - 17) % 4, 0, `${modules} modules is no QR version`);
  });

  it('draws nothing in the quiet zone', () => {
    const runs = [...drawing.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number));
    assert.ok(runs.length > 0);
    for (const [x = 0, y = 0, width = 0] of runs) {
      assert.ok(x >= QUIET_ZONE && y >= QUIET_ZONE, `run at ${x},${y}`);
      assert.ok(x + width <= drawing.size - QUIET_ZONE && y < drawing.size - QUIET_ZONE, `run at ${x},${y}`);
    }
  });

  it('starts with the top-left finder pattern: a run of 7 dark modules at the corner of the quiet zone', () => {
    assert.ok(drawing.path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`));
  });

  it('is the same for the same text, and grows with more robust error correction', () => {
    assert.deepEqual(qrDrawing(url), drawing);
    assert.ok(qrDrawing(url, 'H').size > qrDrawing(url, 'M').size);
  });
});

describe('noticeFees', () => {
  it('gives each item its current price and any announced change', () => {
    const record = baseRecord({
      fees: [
        fee({ price: 80 }),
        fee({ price: 85, effective: '2026-12-01', announced: '2026-10-20' }),
        fee({ item: '地面停车费', payer: '租用车位的业主', unit: '元/个·月', price: 5000 }),
      ],
    });
    assert.deepEqual(noticeFees(record, '2026-11-05'), [
      {
        item: '住宅物业服务费',
        payer: '住宅业主',
        price: '0.80 元/㎡·月',
        priceForm: '市场调节价',
        changes: [t('notice.feeChange', { date: '2026年12月1日', amount: '0.85', unit: '元/㎡·月' })],
      },
      { item: '地面停车费', payer: '租用车位的业主', price: '50.00 元/个·月', priceForm: '市场调节价', changes: [] },
    ]);
  });

  it('an item that has only an announced price has no current price', () => {
    const record = baseRecord({ fees: [fee({ effective: '2027-01-01', announced: '2026-11-01' })] });
    const [line] = noticeFees(record, '2026-11-05');
    assert.equal(line?.price, undefined);
    assert.equal(line?.changes.length, 1);
  });
});

describe('boardRows', () => {
  const departments: DepartmentRecord[] = [
    {
      order: 0,
      name: '住房和城乡建设局',
      duty: '监督管理',
      contact: { name: '甲', title: '股长' },
      phone: '0994-7210000',
    },
    { order: 1, name: '政务服务和公共资源交易中心', duty: '催办督办', phone: '12345' },
    { order: 2, community: true, duty: '调解纠纷' },
  ];

  it('keeps the order, and turns the 社区 row into the compound’s own 社区', () => {
    assert.deepEqual(boardRows(departments, community), [
      {
        name: '住房和城乡建设局',
        duty: '监督管理',
        contact: t('department.contact', { name: '甲', title: '股长' }),
        phone: '0994-7210000',
        ownCommunity: false,
      },
      { name: '政务服务和公共资源交易中心', duty: '催办督办', contact: undefined, phone: '12345', ownCommunity: false },
      {
        name: '东城社区',
        duty: '调解纠纷',
        contact: t('department.ownCommunity'),
        phone: '0994-7230001',
        ownCommunity: true,
      },
    ]);
  });
});

describe('propertyContacts', () => {
  it('a managed compound: company, manager, repair and complaint lines, committee, 社区 hours', () => {
    const compound = baseCompound();
    const committee = {
      status: 'established' as const,
      elected: '2024-04-01',
      term_end: '2029-03-31',
      members: [{ name: '甲某', role: '主任' }],
      phone: '0994-7230009',
      updated: '2026-01-10',
    };
    const record = baseRecord({ compound: { ...compound, committee } });
    const company = {
      slug: 'ceshi',
      name: '测试物业',
      uscc: '91652325MA00000003',
      address: '某路',
      phone: '0994-7230005',
    };
    assert.deepEqual(
      propertyContacts(record, company, community).map((c) => [c.label, c.text, c.phone]),
      [
        [t('manager.company'), '测试物业', undefined],
        [t('manager.name'), '测试员', '13800000000'],
        [t('hotline.repair'), undefined, '0994-7230003'],
        [t('hotline.complaint'), undefined, '0994-7230004'],
        [t('board.committee'), undefined, '0994-7230009'],
        [t('board.communityHours', { name: '东城社区' }), '工作日 9:30—19:30', undefined],
      ],
    );
  });

  it('a compound without a company says who manages it', () => {
    const { manager: _m, hotlines: _h, company: _c, ...rest } = baseCompound();
    const record = baseRecord({ compound: { ...rest, management: 'none' } });
    assert.deepEqual(
      propertyContacts(record, undefined, { ...community, hours: undefined }).map((c) => [c.label, c.text]),
      [[t('board.management'), t('management.none')]],
    );
  });
});
