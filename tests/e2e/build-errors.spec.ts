/**
 * A committee's mistakes, and hostile files, must stop the real `astro build`
 * with every problem named by file, line and column, and no stack trace. One
 * broken tree carries them all, so that one build checks them: a non-number
 * in a numeric cell, a deleted required field, UTF-16, unbalanced quotes, a
 * YAML alias, a folder name that is not a slug, a stray file, a key that
 * JavaScript treats specially, a javascript: address, a year typed decades
 * wrong, a direction control, and a link out of the repository. That the
 * valid fixture builds is shown by hostile-build.spec.ts.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from './build-site.ts';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const SECRET = 'a line of a file outside the repository, never to be quoted';

async function edit(file: string, change: (text: string) => string) {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, file).not.toBe(before);
  await writeFile(file, after);
}

async function breakEverything(root: string): Promise<string> {
  const content = path.join(root, 'content');
  await cp(FIXTURE, content, { recursive: true });
  const compound = path.join(content, 'compounds/ceshi-xiaoqu');
  await edit(path.join(compound, 'fees.csv'), (text) => text.replace(',0.80,政府指导价', ',八毛,政府指导价'));
  await edit(path.join(compound, 'public-revenue-items.csv'), (text) =>
    text.replace('2026Q2,收入,电梯广告,3000', '2026Q2,收入,电梯广告\u202E,三千'),
  );
  await edit(path.join(compound, 'public-revenue.csv'), (text) => text.replace('"10,000.00"', '"10,000.00'));
  await edit(path.join(compound, 'compound.yaml'), (text) =>
    text.replace('  since: 2024-03-01', '  since: 1924-03-01'),
  );
  const elevators = await readFile(path.join(compound, 'elevators.csv'), 'utf8');
  await writeFile(
    path.join(compound, 'elevators.csv'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(elevators, 'utf16le')]),
  );
  const laojie = path.join(content, 'compounds/laojie/compound.yaml');
  await edit(laojie, (text) => text.replace(/^households: .*\n/m, ''));
  await edit(path.join(content, 'communities/dongcheng.yaml'), (text) =>
    text.replace('name: 东城社区', 'name: &n 东城社区'),
  );
  await edit(path.join(content, 'site.yaml'), (text) =>
    text.replace(/^base_url: .*$/m, 'base_url: javascript:alert(1)').replace(/^town: /m, 'constructor: x\ntown: '),
  );
  await cp(path.join(content, 'compounds/laojie'), path.join(content, 'compounds/天山 a b'), { recursive: true });
  await writeFile(path.join(compound, 'evil.html'), '<script>alert(1)</script>');
  await writeFile(path.join(root, 'outside.csv'), `${SECRET}\n`);
  await symlink(path.join(root, 'outside.csv'), path.join(compound, 'maintenance-fund.csv'));
  return content;
}

test('a tree of broken and hostile files fails the build with every problem located, and nothing more', async () => {
  // A build on a busy two-core machine: about 15 s when quiet, several times that when loaded.
  test.setTimeout(240_000);
  const root = await mkdtemp(path.join(tmpdir(), 'gongshi-broken-'));
  try {
    const content = await breakEverything(root);
    const result = buildSite(content, path.join(root, 'out'), path.join(root, 'cache'));
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output.slice(-3000)).not.toBe(0);
    const shown = path.relative(process.cwd(), content);
    const expected: [string, string][] = [
      [
        'compounds/ceshi-xiaoqu/fees.csv:2:6',
        '收费标准（元）：应为金额（元），最多两位小数，例如 1234.50；实际为「八毛」',
      ],
      ['compounds/ceshi-xiaoqu/public-revenue-items.csv:6:3', '改变文字显示方向'],
      ['compounds/ceshi-xiaoqu/public-revenue-items.csv:6:4', '金额（元）：'],
      ['compounds/ceshi-xiaoqu/public-revenue.csv:2:1', '引号不成对'],
      ['compounds/ceshi-xiaoqu/compound.yaml:17:10', '到岗日期（manager.since）：应为 2010 年或以后的日期'],
      ['site.yaml:2:1', 'constructor（constructor）：不认识这个字段'],
      ['compounds/ceshi-xiaoqu/elevators.csv:1:1', 'UTF-16'],
      ['compounds/ceshi-xiaoqu/maintenance-fund.csv:1:1', '不能是符号链接'],
      ['compounds/ceshi-xiaoqu/evil.html:1:1', '小区文件夹中只能有'],
      ['compounds/laojie/compound.yaml:1:1', '户数（households）'],
      ['communities/dongcheng.yaml:1:10', '不支持 YAML 锚点'],
      ['compounds/天山 a b:1:1', '小区文件夹名'],
      ['site.yaml:4:11', '网站地址（base_url）：应为以 http:// 或 https:// 开头的完整网址'],
    ];
    const located = output.split('\n').filter((line) => line.startsWith(`${shown}/`));
    for (const [where, message] of expected) {
      expect(
        located.some((line) => line.startsWith(`${shown}/${where} `) && line.includes(message)),
        `${where} ${message}\n${located.join('\n')}`,
      ).toBe(true);
    }
    expect(output).toContain(`数据文件中有 ${located.length} 处错误`);
    expect(output).not.toContain(SECRET);
    expect(output).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
