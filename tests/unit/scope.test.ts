/**
 * `npm run validate -- --changed`: a scoped check finds exactly what a full
 * run finds in the files in scope and in every county-wide file and check,
 * and nothing about compounds outside it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type LoadScope, loadContent } from '../../src/core/data/load-content.ts';
import type { Problem } from '../../src/core/data/problems.ts';
import { changedPaths, scopeOfPaths } from '../../src/core/data/scope.ts';
import { compoundReferences } from '../../src/core/data/validate-content.ts';
import { readYaml } from '../../src/core/data/yaml-source.ts';
import type { Compound } from '../../src/core/schemas/compound.ts';
import { PROJECT_ROOT, utf8 } from './helpers.ts';

const TODAY = '2026-11-20';
const none = new Set<string>();
const scope = (parts: Partial<LoadScope>): LoadScope => ({
  compounds: none,
  communities: none,
  companies: none,
  ...parts,
});

test('scopeOfPaths: compound folders, 社区 and company files; county files add nothing', () => {
  const result = scopeOfPaths([
    'compounds/a/fees.csv',
    'compounds/a/compound.yaml',
    'compounds/b/public-revenue.csv',
    'communities/nanmen.yaml',
    'companies/tianrun.yml',
    'companies/readme.txt/x',
    'oversight/credit-records.csv',
    'site.yaml',
    'compounds/stray.txt',
  ]);
  assert.deepEqual([...result.compounds], ['a', 'b']);
  assert.deepEqual([...result.communities], ['nanmen']);
  assert.deepEqual([...result.companies], ['tianrun']);
});

test('compoundReferences reads the three references as the full YAML reading does, whatever the style', async () => {
  const folder = path.join(PROJECT_ROOT, 'content/compounds');
  for (const slug of await readdir(folder)) {
    const bytes = await readFile(path.join(folder, slug, 'compound.yaml'));
    const data = readYaml('compound.yaml', bytes).data as Compound;
    const expected = { community: data.community, company: data.company, managerFiling: data.manager?.filing_number };
    assert.deepEqual(compoundReferences(bytes), JSON.parse(JSON.stringify(expected)), slug);
  }
  const styles = [
    'name: 甲\ncommunity: nanmen\ncompany: tianrun\nmanager:\n  name: 张三\n  filing_number: F1\n',
    '{name: 甲, community: nanmen, company: tianrun, manager: {filing_number: F1}}\n',
    '"community": nanmen\ncompany: "tianrun"\nmanager: { filing_number: F1 }\n',
    '\uFEFF# 注释\r\ncommunity: nanmen # 社区\r\ncompany: tianrun\r\nmanager:\r\n\tfiling_number: F1\r\n',
    '---\ncommunity: nanmen\ncompany: tianrun\nmanager:\n  filing_number: F1\n',
  ];
  for (const text of styles) {
    // A tab indents nothing in YAML: that file is unreadable, and gives no references.
    const expected = text.includes('\t') ? {} : { community: 'nanmen', company: 'tianrun', managerFiling: 'F1' };
    assert.deepEqual(compoundReferences(utf8(text)), expected, text);
  }
});

describe('a scoped check against a full run, on the sample with problems in three compounds', () => {
  let root: string;
  let contentDir: string;
  let fullRun: Problem[];
  const load = async (parts: Partial<LoadScope>) =>
    (await loadContent({ contentDir, projectRoot: root, today: TODAY, history: false, scope: scope(parts) })).problems;
  /** What a full run says about county files and the given compound folders. */
  const fullAbout = (...slugs: string[]) =>
    fullRun.filter((p) => {
      const folder = /^content\/compounds\/([^/]+)\//.exec(p.file)?.[1];
      return folder === undefined || slugs.includes(folder);
    });

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'gongshi-scope-'));
    contentDir = path.join(root, 'content');
    await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    // bogeda-xiaoqu (ruifeng): a row with too few cells.
    await appendFile(path.join(contentDir, 'compounds/bogeda-xiaoqu/fees.csv'), 'x\r\n');
    // jinxiu-huating (tianrun): the same.
    await appendFile(path.join(contentDir, 'compounds/jinxiu-huating/fees.csv'), 'y\r\n');
    // tianshan-huayuan (tianrun): its manager's filing changes, so a county credit record names a filing no compound has.
    const yamlPath = path.join(contentDir, 'compounds/tianshan-huayuan/compound.yaml');
    const yaml = await readFile(yamlPath, 'utf8');
    assert.ok(yaml.includes('奇物项备〔2024〕021号'));
    await writeFile(yamlPath, yaml.replaceAll('奇物项备〔2024〕021号', '奇物项备〔2024〕099号'));
    fullRun = (await loadContent({ contentDir, projectRoot: root, today: TODAY, history: false })).problems;
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('the full run finds all three', () => {
    const files = new Set(fullRun.map((p) => p.file));
    assert.ok(files.has('content/compounds/bogeda-xiaoqu/fees.csv'));
    assert.ok(files.has('content/compounds/jinxiu-huating/fees.csv'));
    assert.ok(files.has('content/oversight/credit-records.csv'));
  });

  test('one compound in scope: its problems and the county-wide ones, exactly as the full run words them', async () => {
    assert.deepEqual(await load({ compounds: new Set(['bogeda-xiaoqu']) }), fullAbout('bogeda-xiaoqu'));
  });

  test('the county-wide checks read the compounds outside the scope: the credit record is still refused', async () => {
    const problems = await load({});
    assert.deepEqual(problems, fullAbout());
    assert.deepEqual(
      problems.map((p) => p.file),
      ['content/oversight/credit-records.csv'],
    );
  });

  test('a changed company file brings in every compound that names it', async () => {
    assert.deepEqual(
      await load({ companies: new Set(['tianrun']) }),
      fullAbout('huimin-xiaoqu', 'jinxiu-huating', 'tianshan-huayuan'),
    );
  });

  test('a scoped check gives no bundle, even when all is well', async () => {
    const result = await loadContent({
      contentDir: path.join(PROJECT_ROOT, 'content'),
      projectRoot: PROJECT_ROOT,
      today: TODAY,
      history: false,
      scope: scope({ compounds: new Set(['bogeda-xiaoqu']) }),
    });
    assert.deepEqual(result.problems, []);
    assert.equal(result.bundle, undefined);
  });
});

describe('changedPaths: what differs from where the branch left its base', () => {
  let repo: string;
  const run = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.cn', ...args], { cwd: repo });
  before(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), 'gongshi-changed-'));
    run('init', '-q', '-b', 'main');
    await cp(path.join(PROJECT_ROOT, 'tests/fixtures/minimal'), path.join(repo, 'content'), { recursive: true });
    await writeFile(path.join(repo, 'README.md'), 'x\n');
    run('add', '.');
    run('commit', '-q', '-m', 'base');
    run('checkout', '-q', '-b', 'pr');
    await appendFile(path.join(repo, 'content/compounds/ceshi-xiaoqu/fees.csv'), '\r\n');
    run('commit', '-qam', 'committed');
    // After the branch: main moves on; its own change is not the pull request's.
    run('checkout', '-q', 'main');
    await appendFile(path.join(repo, 'content/site.yaml'), '\n');
    run('commit', '-qam', 'main moved');
    run('checkout', '-q', 'pr');
    await appendFile(path.join(repo, 'content/compounds/ceshi-xiaoqu/compound.yaml'), '\n');
    await writeFile(path.join(repo, 'content/compounds/ceshi-xiaoqu/new.csv'), 'a\n');
    await appendFile(path.join(repo, 'README.md'), 'outside content\n');
  });
  after(() => rm(repo, { recursive: true, force: true }));

  test('committed, uncommitted and new files below the content folder, relative to it', () => {
    assert.deepEqual(changedPaths(path.join(repo, 'content'), 'main'), [
      'compounds/ceshi-xiaoqu/compound.yaml',
      'compounds/ceshi-xiaoqu/fees.csv',
      'compounds/ceshi-xiaoqu/new.csv',
    ]);
  });

  test('an unknown base: undefined, never a guess', () => {
    assert.equal(changedPaths(path.join(repo, 'content'), 'no-such-branch'), undefined);
  });
});
