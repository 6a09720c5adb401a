/**
 * `npm run format:data`: on a copy of the minimal fixture, whose tables are
 * written as committees write them (GBK, thousands separators, LF, columns
 * out of order), it rewrites every file to canonical form once, changes no
 * value, and a second run finds nothing to do.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import { copyMinimal, MINIMAL_TODAY, PROJECT_ROOT } from './helpers.ts';

const run = (contentDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/format-data.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      GONGSHI_CONTENT_DIR: contentDir,
      // Beside the throw-away copy, and removed with it.
      GONGSHI_CACHE_DIR: path.join(path.dirname(contentDir), 'cache'),
      SOURCE_DATE_EPOCH: String(Date.parse(`${MINIMAL_TODAY}T00:00:00+08:00`) / 1000),
    },
  });

describe('format:data', () => {
  it('rewrites to canonical form, keeps every value, and is idempotent', async () => {
    const copy = await copyMinimal();
    try {
      const values = async () =>
        (
          await loadContent({
            contentDir: copy.contentDir,
            projectRoot: copy.root,
            today: MINIMAL_TODAY,
            history: false,
          })
        ).bundle?.compounds.map(({ digest, ...values }) => {
          // The folder's bytes change, as intended: its digest with them.
          assert.match(digest ?? '', /^[0-9a-f]{64}$/);
          return values;
        });
      const before = await values();
      assert.ok(before);
      const check = run(copy.contentDir, '--check');
      assert.equal(check.status, 1, check.stdout);
      assert.match(check.stdout, /compounds\/ceshi-xiaoqu\/public-revenue\.csv/);
      assert.match(check.stdout, /npm run format:data/);
      const first = run(copy.contentDir);
      assert.equal(first.status, 0, first.stdout);
      const revenue = await readFile(path.join(copy.contentDir, 'compounds/ceshi-xiaoqu/public-revenue.csv'), 'utf8');
      assert.ok(revenue.startsWith('\uFEFF季度,公示日期,'));
      assert.match(revenue, /\r\n2026Q1,2026-04-10,10000\.00,2000\.00,5600\.00,2400\.00,0\.00,5600\.00,\r\n/);
      assert.deepEqual(await values(), before);
      const again = run(copy.contentDir, '--check');
      assert.equal(again.status, 0, again.stdout);
      assert.match(again.stdout, /全部数据文件都是统一格式/);
    } finally {
      await copy.dispose();
    }
  });

  it('leaves invalid content as it is and says why', async () => {
    const copy = await copyMinimal();
    try {
      await copy.edit('compounds/ceshi-xiaoqu/public-revenue.csv', '2026Q1,2026-04-10', '2026Q1,2026-04-31');
      const before = await readFile(path.join(copy.contentDir, 'compounds/ceshi-xiaoqu/fees.csv'));
      const result = run(copy.contentDir);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /数据文件未改写/);
      assert.deepEqual(await readFile(path.join(copy.contentDir, 'compounds/ceshi-xiaoqu/fees.csv')), before);
    } finally {
      await copy.dispose();
    }
  });
});
