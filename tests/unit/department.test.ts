/**
 * content/departments.yaml: the departments of the 执法部门职责及联系人公告牌.
 * The schema on its own, then the file through the loader, where every
 * problem must name the file, line, column and field like any other.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { Problem } from '../../src/core/data/problems.ts';
import { check } from '../../src/core/data/zod-issues.ts';
import { t } from '../../src/core/i18n/t.ts';
import { departmentsSchema } from '../../src/core/schemas/department.ts';
import { type ContentCopy, copyMinimal, MINIMAL, MINIMAL_TODAY, PROJECT_ROOT } from './helpers.ts';

const bureau = {
  name: '住房和城乡建设局',
  duty: '监督管理物业服务',
  contact: { name: '测试甲', title: '股长' },
  phone: '0994-7210000',
};
const communityRow = { community: true, duty: '指导成立业主大会' };

/** Each issue as `path: expected`, in order. */
function issues(input: unknown): string[] {
  const result = check(departmentsSchema, input);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.expected}`);
}

describe('departmentsSchema', () => {
  it('accepts departments and one 社区 row, normalising phones', () => {
    const result = check(departmentsSchema, [{ ...bureau, phone: '7210000' }, { ...communityRow }]);
    assert.ok(result.ok);
    assert.equal(result.value[0]?.phone, '0994-7210000');
    assert.equal(result.value[1]?.community, true);
  });

  it('a contact may be named without a title, or left out', () => {
    assert.deepEqual(issues([{ ...bureau, contact: { name: '测试甲' } }]), []);
    const { contact: _, ...withoutContact } = bureau;
    assert.deepEqual(issues([withoutContact]), []);
  });

  it('a department needs its name and phone', () => {
    assert.deepEqual(issues([{ duty: '监督管理物业服务' }]), [
      `0.name: ${t('expect.departmentNeeds')}`,
      `0.phone: ${t('expect.departmentNeeds')}`,
    ]);
  });

  it('the 社区 row takes its name and phone from communities/, not from here', () => {
    assert.deepEqual(issues([{ ...communityRow, name: '东城社区', phone: '0994-7230001' }]), [
      `0.name: ${t('expect.departmentFromCommunity')}`,
      `0.phone: ${t('expect.departmentFromCommunity')}`,
    ]);
  });

  it('there is at most one 社区 row and no department twice', () => {
    assert.deepEqual(issues([bureau, communityRow, bureau, communityRow]), [
      `2.name: ${t('expect.departmentDuplicate', { n: 1 })}`,
      `3.community: ${t('expect.departmentOneCommunity', { n: 2 })}`,
    ]);
  });

  it('a duty is short enough for the board to fit one page', () => {
    assert.deepEqual(issues([{ ...bureau, duty: '监'.repeat(57) }]), [`0.duty: ${t('expect.textMax', { max: 56 })}`]);
  });

  it('the file is a list of at least one department', () => {
    assert.deepEqual(issues(bureau), [`: ${t('expect.list')}`]);
    assert.deepEqual(issues([]), [`: ${t('expect.minItems', { min: 1 })}`]);
  });
});

const at = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.label}：${p.expected}`;

async function loadMutated(mutate: (c: ContentCopy) => Promise<void>) {
  const copy = await copyMinimal();
  try {
    await mutate(copy);
    return await loadContent({ contentDir: copy.contentDir, projectRoot: copy.root, today: MINIMAL_TODAY });
  } finally {
    await copy.dispose();
  }
}

describe('loadContent: departments.yaml', () => {
  it('loads in the order of the file, each with its place', async () => {
    const { bundle } = await loadContent({ contentDir: MINIMAL, projectRoot: PROJECT_ROOT, today: MINIMAL_TODAY });
    assert.ok(bundle);
    assert.deepEqual(
      bundle.departments.map((d) => [d.order, d.name, d.phone, d.community]),
      [
        [0, '住房和城乡建设局', '0994-7210000', undefined],
        [1, '政务服务和公共资源交易中心', '12345', undefined],
        [2, undefined, undefined, true],
      ],
    );
  });

  it('is required for the build', async () => {
    const { bundle, problems } = await loadMutated((c) => c.remove('departments.yaml'));
    assert.equal(bundle, undefined);
    assert.deepEqual(problems.map(at), [`content/departments.yaml:1:1  ${t('load.file')}：${t('load.missingFile')}`]);
  });

  it('a wrong phone and a missing name are located by line, column and field', async () => {
    const { bundle, problems } = await loadMutated(async (c) => {
      await c.edit('departments.yaml', '  phone: 0994-7210000', '  phone: 72100');
      await c.edit('departments.yaml', '- name: 政务服务和公共资源交易中心\n  duty:', '- duty:');
    });
    assert.equal(bundle, undefined);
    assert.deepEqual(problems.map(at), [
      `content/departments.yaml:5:10 0.phone 第1项 › 联系电话：${t('expect.phone')}`,
      `content/departments.yaml:6:3 1.name 第2项 › 部门名称：${t('expect.departmentNeeds')}`,
    ]);
  });

  it('a personal mobile in a duty is refused like anywhere else', async () => {
    const { problems } = await loadMutated((c) =>
      c.edit('departments.yaml', '督促“五备案”“五公开”', '督促“五备案”“五公开”，电话13800000000'),
    );
    assert.deepEqual(
      problems.map((p) => [p.file, p.field, p.expected]),
      [['content/departments.yaml', '0.duty', t('privacy.mobile')]],
    );
  });
});
