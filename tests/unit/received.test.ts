/**
 * The day the site received a row, from git: a throw-away repository in which
 * a quarter's public revenue is owed, missing past its deadline, then
 * committed late with an earlier 公示日期 typed in. Before the fix the
 * compound is on the open list; after it, the quarter is history (曾逾期),
 * judged by the day it reached the repository, not by the typed date.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readReceived, readReceivedApart } from '../../src/core/data/git-received.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import { publicationDate, showsBothDates } from '../../src/core/data/received.ts';
import type { CompoundRecord } from '../../src/core/data/records.ts';
import { evaluateCompound, isOpen } from '../../src/core/model/compliance.ts';
import { quarterViews } from '../../src/core/model/compound-view.ts';
import { dashboard } from '../../src/core/model/dashboard.ts';
import { baseRecord, MINIMAL, MINIMAL_TODAY } from './helpers.ts';

const COMPOUND = 'content/compounds/ceshi-xiaoqu';
let root: string;

function git(args: string[], when: string, cwd = root) {
  execFileSync(
    'git',
    ['-c', 'user.name=测试', '-c', 'user.email=test@example.cn', '-c', 'commit.gpgsign=false', ...args],
    { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } },
  );
}

/** Removes the lines of a CSV file that start with `prefix`, returning them. */
async function takeLines(file: string, prefix: string): Promise<string[]> {
  const text = await readFile(path.join(root, file), 'utf8');
  const lines = text.split('\n');
  await writeFile(path.join(root, file), lines.filter((l) => !l.startsWith(prefix)).join('\n'));
  return lines.filter((l) => l.startsWith(prefix));
}

const [q1, q2] = baseRecord().revenueQuarters;
/** The compound as the repository holds it: Q1 only before the fix, Q1 and Q2 (typed 2026-07-08) after. */
const record = (today: string, quarters: NonNullable<typeof q1>[]): CompoundRecord => {
  const received = readReceived(path.join(root, 'content'), today)?.received.get('ceshi-xiaoqu');
  assert.ok(received, 'history is read');
  return baseRecord({ revenueQuarters: quarters, received });
};
const community = { slug: 'dongcheng', name: '东城社区', address: 'x', phone: '12345' };

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-received-'));
  process.env.GIT_CEILING_DIRECTORIES = path.dirname(root);
  await cp(MINIMAL, path.join(root, 'content'), { recursive: true });
  // First publication on 2026-05-01, with 2026Q1 only; 2026Q2 is owed by 2026-09-30.
  const quarter = await takeLines(`${COMPOUND}/public-revenue.csv`, '2026Q2');
  const items = await takeLines(`${COMPOUND}/public-revenue-items.csv`, '2026Q2');
  git(['init', '-q'], '2026-05-01T10:00:00+08:00');
  git(['add', '-A'], '2026-05-01T10:00:00+08:00');
  git(['commit', '-q', '-m', 'First publication'], '2026-05-01T10:00:00+08:00');
  // 2026Q2 arrives on 2026-10-20, three weeks late, typed as posted on 2026-07-08.
  const append = async (file: string, lines: string[]) =>
    writeFile(
      path.join(root, file),
      `${(await readFile(path.join(root, file), 'utf8')).trimEnd()}\n${lines.join('\n')}\n`,
    );
  await append(`${COMPOUND}/public-revenue.csv`, quarter);
  await append(`${COMPOUND}/public-revenue-items.csv`, items);
  git(['commit', '-q', '-am', '2026Q2 public revenue'], '2026-10-20T18:00:00+08:00');
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('received dates from git', () => {
  it('before the fix: the quarter is missing, overdue, and the compound is on the open list', () => {
    assert.ok(q1 && q2);
    const before = record('2026-10-05', [q1]);
    assert.equal(before.received?.firstCommit, '2026-05-01');
    // The later commit is after this build's today: the repository is read as it stood then.
    assert.deepEqual([...(before.received?.rows['public-revenue.csv']?.keys() ?? [])], ['["2026Q1"]']);
    const [overdue] = evaluateCompound(before, '2026-10-05').filter((f) => f.rule === 'public-revenue.quarterly');
    assert.deepEqual([overdue?.level, overdue?.since], ['overdue', '2026-10-01']);
    const lists = dashboard([before], [community], '2026-10-05').county.lists;
    assert.deepEqual(
      lists['revenue-overdue'].map((r) => r.slug),
      ['ceshi-xiaoqu'],
    );
  });

  it('after the fix: judged by the day it reached the repository, it is history, not open', () => {
    assert.ok(q1 && q2);
    const fixed = record('2026-10-25', [q1, q2]);
    assert.equal(fixed.received?.rows['public-revenue.csv']?.get('["2026Q2"]'), '2026-10-20');
    const revenue = evaluateCompound(fixed, '2026-10-25').filter((f) => f.section === 'public-revenue');
    assert.deepEqual(
      revenue.map((f) => [f.level, f.text]),
      [
        ['resolved', '2026年第2季度公共收益逾期公示（应于2026年9月30日前，实际2026年10月20日）'],
        ['due', '2026年第3季度公共收益尚未公示，应于2026年12月31日前公示'],
      ],
    );
    assert.equal(revenue.filter(isOpen).length, 0);
    const lists = dashboard([fixed], [community], '2026-10-25').county.lists;
    assert.deepEqual(lists['revenue-overdue'], []);
    // The page shows both dates: typed 2026-07-08, received 2026-10-20.
    const view = quarterViews(fixed).find((q) => q.quarter === '2026Q2');
    assert.deepEqual(
      [view?.posted.basis, view?.posted.date, view && showsBothDates(view.posted)],
      ['received', '2026-10-20', true],
    );
  });

  it('rows that came with the compound’s first commit keep their typed date, labelled', () => {
    assert.ok(q1);
    const first = record('2026-10-25', [q1]);
    assert.deepEqual(publicationDate(first.received, 'public-revenue.csv', '["2026Q1"]', q1.published), {
      date: '2026-04-10',
      typed: '2026-04-10',
      received: '2026-05-01',
      basis: 'beforeSite',
    });
  });

  it('the build attaches them to every compound; a shallow clone has none, and says so', async () => {
    const built = await loadContent({
      projectRoot: root,
      contentDir: path.join(root, 'content'),
      today: MINIMAL_TODAY,
    });
    const ceshi = built.bundle?.compounds.find((r) => r.slug === 'ceshi-xiaoqu');
    assert.deepEqual([ceshi?.received?.source, ceshi?.received?.firstCommit], ['git', '2026-05-01']);

    const clone = await mkdtemp(path.join(os.tmpdir(), 'gongshi-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, path.join(clone, 'repo')], {
        stdio: 'ignore',
      });
      const contentDir = path.join(clone, 'repo', 'content');
      assert.equal(readReceived(contentDir, MINIMAL_TODAY), undefined);
      const shallow = await loadContent({ projectRoot: clone, contentDir, today: MINIMAL_TODAY });
      const typed = shallow.bundle?.compounds.find((r) => r.slug === 'ceshi-xiaoqu');
      assert.equal(typed?.received?.source, 'none');
      assert.equal(quarterViews(typed as CompoundRecord)[0]?.posted.basis, 'noHistory');
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });
});

describe('received dates, read on from the last build', () => {
  let repo: string;
  let cacheDir: string;
  const program = 'program-digest';
  const contentDir = () => path.join(repo, 'content');
  const fromScratch = (today: string) => readReceived(contentDir(), today)?.received;
  const readOn = (today: string) => readReceived(contentDir(), today, { dir: cacheDir, program });

  before(async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'gongshi-received-on-'));
    repo = path.join(scratch, 'repo');
    cacheDir = path.join(scratch, 'cache');
    execFileSync('git', ['clone', '-q', `file://${root}`, repo], { stdio: 'ignore' });
  });
  after(async () => {
    await rm(path.dirname(repo), { recursive: true, force: true });
  });

  it('reads every commit the first time, none the next, and only the new ones after a merge', async () => {
    const first = readOn('2026-10-25');
    assert.deepEqual([first?.resumed, first?.commitsRead], [false, 2]);
    assert.deepEqual(first?.received, fromScratch('2026-10-25'));
    const again = readOn('2026-10-25');
    assert.deepEqual([again?.resumed, again?.commitsRead], [true, 0]);
    assert.deepEqual(again?.received, first?.received);

    await cp(path.join(repo, COMPOUND), path.join(repo, `${COMPOUND}-2`), { recursive: true });
    git(['add', '-A'], '2026-10-22T09:00:00+08:00', repo);
    git(['commit', '-q', '-m', 'A second compound'], '2026-10-22T09:00:00+08:00', repo);
    const after = readOn('2026-10-25');
    assert.deepEqual([after?.resumed, after?.commitsRead], [true, 1]);
    assert.deepEqual(after?.received, fromScratch('2026-10-25'));
    assert.equal(after?.received.get('ceshi-xiaoqu-2')?.firstCommit, '2026-10-22');
  });

  it('starts again from the first commit for an earlier today, a rewritten history or another program', () => {
    const earlier = readOn('2026-10-21');
    assert.deepEqual([earlier?.resumed, earlier?.commitsRead], [false, 2]);
    assert.deepEqual(earlier?.received, fromScratch('2026-10-21'));
    assert.equal(earlier?.received.has('ceshi-xiaoqu-2'), false);
    // A read that left a later commit out keeps no checkpoint: the last full one still stands.
    assert.deepEqual(readOn('2026-10-25')?.resumed, true);

    git(['commit', '-q', '--amend', '-m', 'The second compound, amended'], '2026-10-23T09:00:00+08:00', repo);
    const rewritten = readOn('2026-10-25');
    assert.deepEqual([rewritten?.resumed, rewritten?.commitsRead], [false, 3]);
    assert.deepEqual(rewritten?.received, fromScratch('2026-10-25'));
    assert.equal(rewritten?.received.get('ceshi-xiaoqu-2')?.firstCommit, '2026-10-23');

    const otherProgram = readReceived(contentDir(), '2026-10-25', { dir: cacheDir, program: 'another' });
    assert.equal(otherProgram?.resumed, false);
  });

  it('reads the same in a process of its own, and keeps its checkpoint for the next build', async () => {
    const apartCache = { dir: path.join(path.dirname(cacheDir), 'cache-apart'), program };
    const apart = await readReceivedApart(contentDir(), '2026-10-25', apartCache, process.cwd());
    assert.deepEqual([apart?.resumed, apart?.commitsRead], [false, 3]);
    assert.deepEqual(apart?.received, fromScratch('2026-10-25'));
    // The process kept the state at HEAD: the next read takes it from the cache, without a process.
    const kept = await readReceivedApart(contentDir(), '2026-10-25', apartCache, path.join(repo, 'no-project-here'));
    assert.deepEqual([kept?.resumed, kept?.commitsRead], [true, 0]);
    assert.deepEqual(kept?.received, apart?.received);

    // A new commit: the kept head (received.head) no longer matches, and a process reads on from the checkpoint.
    await cp(path.join(repo, COMPOUND), path.join(repo, `${COMPOUND}-3`), { recursive: true });
    git(['add', '-A'], '2026-10-24T09:00:00+08:00', repo);
    git(['commit', '-q', '-m', 'A third compound'], '2026-10-24T09:00:00+08:00', repo);
    // A project whose received-process.ts ends at once: the read rejects only if it starts a process.
    const elsewhere = path.join(path.dirname(cacheDir), 'quiet-project');
    await mkdir(path.join(elsewhere, 'src/core/data'), { recursive: true });
    await writeFile(path.join(elsewhere, 'src/core/data/received-process.ts'), 'process.exit(3);\n');
    await assert.rejects(readReceivedApart(contentDir(), '2026-10-25', apartCache, elsewhere), /exit code 3/);
    const on = await readReceivedApart(contentDir(), '2026-10-25', apartCache, process.cwd());
    assert.deepEqual([on?.resumed, on?.commitsRead], [true, 1]);
    assert.deepEqual(on?.received, fromScratch('2026-10-25'));
  });
});
