/**
 * content/notices/ holds the maintainers' MDX notices: a <slug>.mdx file is
 * admitted (Astro's loader then checks its frontmatter), anything else there
 * fails validation rather than going unpublished.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { loadContent } from '../../src/core/data/load-content.ts';
import { noticeSchema } from '../../src/core/schemas/notice.ts';
import { copyMinimal, MINIMAL_TODAY } from './helpers.ts';

const NOTICE = '---\ntitle: 测试公告\ndate: 2026-11-01\nsummary: 一句话。\n---\n\n正文。\n';

test('a notices folder of <slug>.mdx files is accepted, any other file in it is a problem', async () => {
  const content = await copyMinimal();
  try {
    await mkdir(path.join(content.contentDir, 'notices/old'), { recursive: true });
    await content.write('notices/shui-fei.mdx', NOTICE);
    await content.write('notices/README.md', '说明');
    await content.write('notices/Shui_Fei.mdx', NOTICE);
    await content.write('notices/old/a.mdx', NOTICE);
    const { problems } = await loadContent({
      contentDir: content.contentDir,
      projectRoot: content.root,
      today: MINIMAL_TODAY,
    });
    assert.deepEqual(
      problems.map((p) => [p.file, p.found]),
      [
        ['content/notices/old/a.mdx', 'old/a.mdx'],
        ['content/notices/README.md', 'README.md'],
        ['content/notices/Shui_Fei.mdx', 'Shui_Fei.mdx'],
      ],
    );
  } finally {
    await content.dispose();
  }
});

test('the notice frontmatter takes a YAML date as a day, and refuses a missing summary', () => {
  assert.deepEqual(noticeSchema.parse({ title: '标题', date: new Date('2026-11-01T00:00:00Z'), summary: '摘要' }), {
    title: '标题',
    date: '2026-11-01',
    summary: '摘要',
  });
  assert.equal(noticeSchema.safeParse({ title: '标题', date: '2026-11-01' }).success, false);
});
