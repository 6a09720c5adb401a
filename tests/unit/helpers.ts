/**
 * Shared helpers for the unit tests: byte encoding, a fresh copy of the
 * minimal content set to mutate, and a CompoundRecord builder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import type { Compound } from '../../src/core/schemas/compound.ts';
import type { FeeItem } from '../../src/core/schemas/fee-item.ts';
import type { Filings } from '../../src/core/schemas/filings.ts';
import type { FireSafety } from '../../src/core/schemas/fire-safety.ts';
import type { PublicRevenueAccount } from '../../src/core/schemas/public-revenue.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const MINIMAL = path.join(PROJECT_ROOT, 'tests/fixtures/minimal');
export const UNIT_FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** UTF-8 bytes of a string, as a file saved by a text editor. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A throw-away copy of tests/fixtures/minimal at `<tmp>/content`, so that a
 * test can break one thing. File names in problems are then relative to
 * `root`, for example `content/compounds/ceshi-xiaoqu/compound.yaml`.
 */
export interface ContentCopy {
  root: string;
  contentDir: string;
  /** Replaces exactly one occurrence of `from` in a file under content/; fails if it is not there. */
  edit(file: string, from: string | RegExp, to: string): Promise<void>;
  write(file: string, text: string | Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function copyMinimal(): Promise<ContentCopy> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-unit-'));
  const contentDir = path.join(root, 'content');
  await cp(MINIMAL, contentDir, { recursive: true });
  const abs = (file: string) => path.join(contentDir, file);
  return {
    root,
    contentDir,
    async edit(file, from, to) {
      const before = await readFile(abs(file), 'utf8');
      const count = typeof from === 'string' ? before.split(from).length - 1 : (before.match(from) ?? []).length;
      if (count !== 1) throw new Error(`edit: ${String(from)} occurs ${count} times in ${file}`);
      await writeFile(abs(file), before.replace(from, to));
    },
    async write(file, text) {
      await writeFile(abs(file), text);
    },
    async remove(file) {
      await rm(abs(file), { recursive: true });
    },
    async dispose() {
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The first day on which every date in tests/fixtures/minimal is in the past (latest: elevator maintenance). */
export const MINIMAL_TODAY = '2026-11-05';

/** The public revenue account of baseCompound(): 70% to owners, due from 2026Q1. */
export function baseAccount(): PublicRevenueAccount {
  return {
    account_holder: '测试花园业主委员会',
    bank: '测试银行奇台支行',
    account_last4: '1234',
    owner_share_percent: 70,
    since: '2026Q1',
  };
}

/** All five filings done; the committee's on 2024-04-20, 19 days after its election. */
export function baseFilings(): Filings {
  return {
    area: { status: 'filed', date: '2015-06-01', number: 'QT-QY-2015-01' },
    committee: { status: 'filed', date: '2024-04-20', number: 'QT-YWH-2024-01' },
    contract: { status: 'filed', date: '2024-02-20', number: 'QT-HT-2024-01' },
    manager: { status: 'filed', date: '2024-03-05', number: 'QT-XMFZR-2024-001' },
    handover: { status: 'filed', date: '2015-05-20', number: 'QT-CJ-2015-01' },
    updated: '2026-01-10',
  };
}

/** A fire maintenance contract running to 2027-06-30. */
export function baseFireSafety(): FireSafety {
  return {
    contractor: { name: '测试消防公司', phone: '0994-7230006' },
    contract_until: '2027-06-30',
    last_inspection: '2026-06-15',
    updated: '2026-06-20',
  };
}

/** A complete, professionally managed, high-rise compound with every disclosure present, the fund's included. */
export function baseCompound(): Compound {
  return {
    name: '测试花园',
    community: 'dongcheng',
    address: '奇台县奇台镇东城路10号',
    location: { lat: 44.012, lon: 89.59 },
    buildings: 6,
    households: 320,
    floor_area: 30500.5,
    year_built: 2015,
    old_compound: false,
    high_rise: true,
    management: 'professional',
    company: 'ceshi',
    manager: {
      name: '测试员',
      phone: '13800000000',
      filing_number: 'QT-XMFZR-2024-001',
      since: '2024-03-01',
      updated: '2026-03-05',
    },
    services: {
      grade: '二级',
      items: [{ category: '保洁', content: '楼道及公共区域清扫', standard: '楼道每日清扫一次' }],
      updated: '2026-01-10',
    },
    hotlines: {
      repair: '0994-7230003',
      repair_hours: '全天24小时',
      complaint: '0994-7230004',
      updated: '2026-01-10',
    },
    public_revenue: baseAccount(),
    filings: baseFilings(),
    elevator_safety: { rescue_phone: '96333', last_drill: '2026-06-18', updated: '2026-06-20' },
    committee: {
      status: 'established',
      elected: '2024-04-01',
      term_end: '2029-03-31',
      members: [{ name: '甲某', role: '主任' }],
      updated: '2026-01-10',
    },
    maintenance_fund: { balance: 12_000_000, as_of: '2026-09-30', updated: '2026-10-10' },
    fire_safety: baseFireSafety(),
    // Shared utilities are in the fee here, so that no billing month is owed.
    utility_split: false,
  };
}

export function fee(overrides: Partial<FeeItem> = {}): FeeItem {
  return {
    item: '住宅物业服务费',
    payer: '住宅业主',
    content: '公共区域保洁',
    standard: '二级',
    unit: '元/㎡·月',
    price: 80,
    price_form: '市场调节价',
    basis: '业主大会决议',
    effective: '2024-01-01',
    announced: '2023-11-20',
    ...overrides,
  };
}

/**
 * A record built from baseCompound(), with one fee and the quarters 2026Q1–2026Q3
 * published on time: it has no finding at all on 2026-11-05.
 */
export function baseRecord(overrides: Partial<CompoundRecord> = {}): CompoundRecord {
  return {
    slug: 'ceshi-xiaoqu',
    compound: baseCompound(),
    fees: [fee()],
    revenueQuarters: [
      {
        quarter: '2026Q1',
        published: '2026-04-10',
        owner_share: 560000,
        company_share: 240000,
        to_maintenance_fund: 0,
        balance: 560000,
      },
      {
        quarter: '2026Q2',
        published: '2026-07-08',
        owner_share: 700000,
        company_share: 300000,
        to_maintenance_fund: 100000,
        balance: 1160000,
      },
      {
        quarter: '2026Q3',
        published: '2026-10-08',
        owner_share: 0,
        company_share: 0,
        to_maintenance_fund: 0,
        balance: 1160000,
      },
    ],
    revenueItems: [],
    fundUses: [],
    elevators: [
      {
        register_number: '31106523252015000009',
        location: '6号楼1单元',
        contractor: '测试电梯公司',
        contractor_phone: '0994-7230005',
        last_maintenance: '2026-11-01',
        last_inspection: '2026-05-10',
        next_inspection: '2027-05-09',
      },
    ],
    fundInflows: [],
    fundYears: [{ year: 2025, opening: 1_000_000, closing: 1_000_000 }],
    elevatorMaintenance: [],
    fireHazards: [],
    waterServices: [],
    utilitySplits: [],
    files: [],
    ...overrides,
  };
}

/** Resolves once `done()` is true; checked every 50 ms, failing after 30 s. */
export async function waitUntil(done: () => boolean): Promise<void> {
  for (const started = Date.now(); !done(); await delay(50)) {
    if (Date.now() - started > 30_000) throw new Error('waited 30 s in vain');
  }
}

/** Whether a process of this id is still running (or a zombie not yet reaped). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
