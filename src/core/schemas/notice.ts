import { z } from 'zod';
import { isoDate, text } from './primitives.ts';

/**
 * The frontmatter of a county notice, `content/notices/<slug>.mdx`: an
 * announcement by the site's maintainers (the housing bureau), not a
 * committee's data. The body below the frontmatter is MDX.
 */
export const noticeSchema = z.strictObject({
  /** Headline, as the list and the feed show it. */
  title: text(100).meta({ title: '标题' }),
  /** Day of publication; notices are listed newest first. An unquoted YAML date arrives as a Date. */
  date: z
    .preprocess((raw) => (raw instanceof Date ? raw.toISOString().slice(0, 10) : raw), isoDate)
    .meta({ title: '发布日期' }),
  /** One or two sentences for the list and the feed. */
  summary: text(300).meta({ title: '摘要' }),
});
export type Notice = z.output<typeof noticeSchema>;
