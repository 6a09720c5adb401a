/**
 * The change history from git: a throw-away repository holding the minimal
 * fixture as content/, changed and committed on fixed dates, read back as
 * sentences; and no history at all outside a checkout or without git.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { type CompoundHistory, type History, lastChanges, readHistory } from '../../src/core/data/history.ts';
import { MINIMAL } from './helpers.ts';

const COMPOUND = 'content/compounds/ceshi-xiaoqu';
let root: string;

/** Runs git in the test repository, every commit on the given day and time (China Standard Time). */
function git(args: string[], when = '2026-01-10T10:00:00+08:00') {
  execFileSync(
    'git',
    ['-c', 'user.name=测试', '-c', 'user.email=test@example.cn', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    },
  );
}

async function edit(file: string, from: string, to: string) {
  const text = await readFile(path.join(root, file), 'utf8');
  assert.equal(text.split(from).length, 2, `${from} once in ${file}`);
  await writeFile(path.join(root, file), text.replace(from, to));
}

function compound(history: History, slug = 'ceshi-xiaoqu'): CompoundHistory {
  assert.ok(history.available, 'history is available');
  const found = history.compounds.get(slug);
  assert.ok(found, slug);
  return found;
}

const texts = (h: CompoundHistory, index: number) => h.entries[index]?.changes.map((c) => c.text) ?? [];

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-history-'));
  // Never find a repository above the temporary folder.
  process.env.GIT_CEILING_DIRECTORIES = path.dirname(root);
  await cp(MINIMAL, path.join(root, 'content'), { recursive: true });
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'First publication']);

  // A new parking fee from March, as committees announce one: a new row with a later 计费起始时间.
  await appendFile(
    path.join(root, COMPOUND, 'fees.csv'),
    '地面停车费,机动车车主,地面车位停放管理,按车位,元/月,60,市场调节价,,,业主大会决议,2026-03-01,2026-01-25\n',
  );
  git(['commit', '-q', '-am', 'Parking fee from March'], '2026-01-26T09:30:00+08:00');

  // The announced service-fee change revised in place, a new manager phone, a reordered header only elsewhere.
  await edit(
    `${COMPOUND}/fees.csv`,
    '0.85,政府指导价,0.80,±10%,奇发改价〔2020〕12号,2026-12-01',
    '0.88,政府指导价,0.80,±10%,奇发改价〔2020〕12号,2027-01-01',
  );
  await edit(`${COMPOUND}/compound.yaml`, 'phone: 13800000000', 'phone: 13900000000');
  await edit(`${COMPOUND}/compound.yaml`, 'repair: 0994-7230003', 'repair: 0994-7230009');
  await edit(`${COMPOUND}/compound.yaml`, 'updated: 2026-03-05', 'updated: 2026-04-01');
  await appendFile(path.join(root, COMPOUND, 'public-revenue.csv'), '2026Q3,2026-10-08,0,0,0,0,0,11600\n');
  git(['commit', '-q', '-am', 'Manager phone, repair line, Q3'], '2026-04-02T08:00:00+08:00');

  // Only the `updated` date of a part: checked, not changed.
  await edit(`${COMPOUND}/compound.yaml`, 'updated: 2026-04-01', 'updated: 2026-05-01');
  git(['commit', '-q', '-am', 'Checked the manager'], '2026-05-02T08:00:00+08:00');

  // A year of elevator visits uploaded at once, to the other compound.
  const visits = Array.from({ length: 8 }, (_, i) => `31106523252015000001,2026-0${i + 1}-10,测试电梯公司,W-${i}`);
  await writeFile(
    path.join(root, 'content/compounds/laojie/elevator-maintenance.csv'),
    `电梯注册代码,维保日期,维保单位,维保单编号\n${visits.join('\n')}\n`,
  );
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'A year of visits'], '2026-05-03T08:00:00+08:00');
});

after(async () => {
  delete process.env.GIT_CEILING_DIRECTORIES;
  await rm(root, { recursive: true, force: true });
});

describe('history from a repository', () => {
  it('reads the fee change with its old and new price, date and commit', () => {
    const history = compound(
      readHistory({ contentDir: path.join(root, 'content'), repositoryUrl: 'https://git.example.cn/gongshi/' }),
    );
    const entry = history.entries.find((e) => e.date === '2026-01-26');
    assert.ok(entry, 'the fee commit is in the history');
    assert.deepEqual(entry.changes, [{ section: 'fees', text: '地面停车费 50.00 → 60.00 元/月，2026年3月1日起' }]);
    assert.equal(entry.time, '2026-01-26T09:30:00+08:00');
    assert.match(entry.commit, /^[0-9a-f]{40}$/);
    assert.equal(entry.url, `https://git.example.cn/gongshi/commit/${entry.commit}`);
    assert.equal(entry.created, false);
  });

  it('lists entries newest first, names manager and hotline changes, and skips a new `updated` date alone', () => {
    const history = compound(readHistory({ contentDir: path.join(root, 'content') }));
    assert.deepEqual(
      history.entries.map((e) => e.date),
      ['2026-04-02', '2026-01-26', '2026-01-10'],
    );
    assert.deepEqual(texts(history, 0), [
      '项目负责人电话：13800000000 → 13900000000',
      '物业报修电话：0994-7230003 → 0994-7230009',
      '住宅物业服务费 0.85 → 0.88 元/㎡·月，2027年1月1日起',
      '公布2026年第3季度公共收益：收入 0.00 元，支出 0.00 元，期末结余 11,600.00 元',
    ]);
    assert.deepEqual(
      history.entries[0]?.changes.map((c) => c.section),
      ['manager', 'hotlines', 'fees', 'public-revenue'],
    );
    assert.equal(history.entries[0]?.url, undefined);
    assert.equal(history.truncated, false);
  });

  it('marks the first commit as the start of publication, and knows what changed last', () => {
    const history = compound(readHistory({ contentDir: path.join(root, 'content') }));
    const first = history.entries.at(-1);
    assert.equal(first?.created, true);
    assert.equal(first?.date, '2026-01-10');
    const last = lastChanges(history);
    assert.equal(last.get('fees')?.date, '2026-04-02');
    assert.equal(last.get('manager')?.date, '2026-04-02');
    assert.equal(last.get('committee'), undefined);
    assert.deepEqual(compound(readHistory({ contentDir: path.join(root, 'content') }), 'laojie').entries.length, 2);
  });

  it('counts the rows when one commit changes many rows of a table', () => {
    const laojie = compound(readHistory({ contentDir: path.join(root, 'content') }), 'laojie');
    assert.deepEqual(texts(laojie, 0), ['电梯维保记录：新增 8 行，更正 0 行，删除 0 行（逐行内容见本小区的开放数据）']);
    assert.deepEqual(
      laojie.entries[0]?.changes.map((c) => c.section),
      ['elevators'],
    );
  });

  it('reads only as many commits per compound as it is allowed, a commit without visible change included', () => {
    const history = compound(readHistory({ contentDir: path.join(root, 'content'), maxCommitsPerCompound: 3 }));
    assert.equal(history.truncated, true);
    assert.deepEqual(
      history.entries.map((e) => e.date),
      ['2026-04-02', '2026-01-26'],
    );
  });
});

describe('a shallow clone', () => {
  it('does not take its oldest commit for the start of publication', async () => {
    const clone = await mkdtemp(path.join(os.tmpdir(), 'gongshi-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${root}`, clone], { stdio: 'ignore' });
      const history = compound(readHistory({ contentDir: path.join(clone, 'content') }));
      // Two commits: the `updated`-only one, and the boundary, which has nothing to compare with.
      assert.deepEqual(history.entries, []);
      assert.equal(history.truncated, true);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });
});

describe('no history', () => {
  it('outside a git checkout', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gongshi-nogit-'));
    try {
      await cp(MINIMAL, path.join(dir, 'content'), { recursive: true });
      assert.deepEqual(readHistory({ contentDir: path.join(dir, 'content') }), { available: false });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('when git is not installed', () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(root, 'no-such-folder');
    try {
      assert.deepEqual(readHistory({ contentDir: path.join(root, 'content') }), { available: false });
    } finally {
      process.env.PATH = saved;
    }
  });
});

/**
 * A clone of the test repository with a cache folder beside it, for one test: `commit` adds a fee row to the
 * compound and commits it on the day given; `done` removes it all.
 */
async function scratchClone(prefix: string) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), prefix));
  const repo = path.join(scratch, 'repo');
  execFileSync('git', ['clone', '-q', `file://${root}`, repo], { stdio: 'ignore' });
  return {
    repo,
    contentDir: path.join(repo, 'content'),
    cacheDir: path.join(scratch, 'cache'),
    async commit(message: string, when: string, amend = false) {
      await appendFile(
        path.join(repo, COMPOUND, 'fees.csv'),
        `${message},全体业主,电梯运行与维护,按户,元/月,1,市场调节价,,,业主大会决议,2026-05-01,2026-04-25\n`,
      );
      const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
      const args = ['-c', 'user.name=测试', '-c', 'user.email=test@example.cn', 'commit', '-q', '-am', message];
      execFileSync('git', amend ? [...args, '--amend'] : args, { cwd: repo, stdio: 'ignore', env });
    },
    done: () => rm(scratch, { recursive: true, force: true }),
  };
}

describe('read on from the last build', () => {
  it('asks git only for the commits since the kept head, and tells what a read from scratch tells', async () => {
    const { contentDir, cacheDir, commit, done } = await scratchClone('gongshi-history-on-');
    try {
      const fresh = () => readHistory({ contentDir });
      const readOn = () => readHistory({ contentDir, cacheDir });
      const dates = (history: History) => compound(history).entries.map((e) => e.date);

      assert.deepEqual(readOn(), fresh());
      await commit('电梯运行费', '2026-05-02T10:00:00+08:00');
      assert.deepEqual(readOn(), fresh());
      assert.equal(dates(readOn())[0], '2026-05-02');

      // Keep only the newest commit in the checkpoint: a build that goes on from it tells only that
      // and what it asks git for, so the older entries are missing, which shows they were not read again.
      const checkpoint = path.join(cacheDir, 'history-log.v8');
      const stored = deserialize(readFileSync(checkpoint)) as { commits: unknown[] };
      writeFileSync(checkpoint, serialize({ ...stored, commits: stored.commits.slice(0, 1) }));
      await commit('二次供水费', '2026-05-03T10:00:00+08:00');
      assert.deepEqual(dates(readOn()), ['2026-05-03', '2026-05-02']);

      // A rewritten history is not gone on from: the whole log is read again.
      await commit('二次供水费（更正）', '2026-05-04T10:00:00+08:00', true);
      assert.deepEqual(readOn(), fresh());
      assert.ok(dates(readOn()).length > 2);
    } finally {
      await done();
    }
  });

  it('keeps the sentences of each comparison, and makes only the new ones again', async () => {
    const { contentDir, cacheDir, commit, done } = await scratchClone('gongshi-history-said-');
    try {
      const fresh = () => readHistory({ contentDir });
      const kept = (program = 'program-1', names = {}) => readHistory({ contentDir, cacheDir, program, names });
      const said = (history: History) => compound(history).entries.map((e) => e.changes.map((c) => c.text));

      assert.deepEqual(kept(), fresh());
      // Mark every kept comparison: a build that reuses them tells the marks, one that compares again does not.
      const file = path.join(cacheDir, 'history-changes.v8');
      const stored = deserialize(readFileSync(file)) as { seal: string; changes: Map<string, unknown[]> };
      assert.ok(stored.changes.size >= 3, 'every commit after the first was compared');
      const MARK = '（沿用）';
      const markKept = () =>
        writeFileSync(
          file,
          serialize({
            ...stored,
            changes: new Map([...stored.changes.keys()].map((k) => [k, [{ section: 'facts', text: MARK }]])),
          }),
        );
      markKept();
      const reused = said(kept());
      assert.deepEqual(
        reused.slice(0, -1),
        reused.slice(0, -1).map(() => [MARK]),
      );
      assert.deepEqual(reused.at(-1), said(fresh()).at(-1), 'the first commit is a creation, never compared');

      // Another program, or other names for 社区 and companies, say the changes again.
      assert.deepEqual(kept('program-2'), fresh());
      markKept();
      const names = { communities: new Map([['ceshi-shequ', '改名社区']]) };
      assert.deepEqual(said(kept('program-1', names)), said(readHistory({ contentDir, names })));

      // A new commit: its comparison is made, the others are taken as kept.
      markKept();
      await commit('电梯运行费', '2026-05-05T10:00:00+08:00');
      const next = said(kept());
      assert.deepEqual(next[0], said(fresh())[0]);
      assert.notDeepEqual(next[0], [MARK]);
      assert.deepEqual(next[1], [MARK]);
    } finally {
      await done();
    }
  });

  it('does not keep a comparison made without a blob git could not give', async () => {
    const { repo, contentDir, cacheDir, commit, done } = await scratchClone('gongshi-history-missing-');
    try {
      const kept = () => readHistory({ contentDir, cacheDir, program: 'program-1' });
      await commit('电梯运行费', '2026-05-02T10:00:00+08:00');
      // The new fees.csv is a loose object of the clone: move it away, as a partial clone offline lacks it.
      const id = execFileSync('git', ['rev-parse', `HEAD:${COMPOUND}/fees.csv`], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
      const object = path.join(repo, '.git', 'objects', id.slice(0, 2), id.slice(2));
      const aside = `${object}.aside`;
      await rename(object, aside);
      const without = kept();
      await rename(aside, object);
      assert.notDeepEqual(without, readHistory({ contentDir }), 'the missing blob changed what was said');
      assert.deepEqual(kept(), readHistory({ contentDir }));
    } finally {
      await done();
    }
  });
});
