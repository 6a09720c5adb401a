/**
 * A committee's mistake must stop the build with a message that names the
 * file, the line, the column and the field. Each case copies the small valid
 * fixture, breaks it, and runs the real `astro build` on it.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EPOCH } from './test-env.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');

async function buildBroken(breakIt: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongshi-broken-'));
  await cp(FIXTURE, dir, { recursive: true });
  await breakIt(dir);
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GONGSHI_CONTENT_DIR: dir,
      GONGSHI_OUT_DIR: path.join(dir, 'out'),
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  await rm(dir, { recursive: true, force: true });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    dir: path.relative(process.cwd(), dir),
  };
}

async function edit(file: string, change: (text: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

test.describe.configure({ mode: 'serial' });

test('the valid fixture builds', async () => {
  const result = await buildBroken(async () => {});
  expect(result.output).not.toContain('错误');
  expect(result.status).toBe(0);
});

test('a non-number in a numeric CSV cell and a deleted required YAML field both fail the build, each located', async () => {
  const result = await buildBroken(async (dir) => {
    await edit(path.join(dir, 'compounds/ceshi-xiaoqu/fees.csv'), (text) =>
      text.replace(',0.80,政府指导价', ',八毛,政府指导价'),
    );
    await edit(path.join(dir, 'compounds/ceshi-xiaoqu/public-revenue-items.csv'), (text) =>
      text.replace('2026Q2,收入,电梯广告,3000', '2026Q2,收入,电梯广告,三千'),
    );
    await edit(path.join(dir, 'compounds/laojie/compound.yaml'), (text) => text.replace(/^households: .*\n/m, ''));
  });
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('数据文件中有 3 处错误');
  expect(result.output).toContain(
    `${result.dir}/compounds/ceshi-xiaoqu/fees.csv:2:6 收费标准（元）：应为金额（元），最多两位小数，例如 1234.50；实际为「八毛」`,
  );
  expect(result.output).toContain(`${result.dir}/compounds/ceshi-xiaoqu/public-revenue-items.csv:6:4 金额（元）：`);
  expect(result.output).toContain(`${result.dir}/compounds/laojie/compound.yaml:1:1 户数（households）：`);
});
