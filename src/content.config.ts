import { defineCollection } from 'astro:content';
import path from 'node:path';
import { glob } from 'astro/loaders';
import { gongshiLoader } from './data/astro-loader.ts';
import { defaultLoadOptions } from './data/options.ts';
import { noticeSchema } from './schemas/notice.ts';

// Wiring only: what each collection holds is defined in src/schemas/, how it is read in src/data/.
export const collections = {
  site: defineCollection({ loader: gongshiLoader('site') }),
  communities: defineCollection({ loader: gongshiLoader('communities') }),
  companies: defineCollection({ loader: gongshiLoader('companies') }),
  compounds: defineCollection({ loader: gongshiLoader('compounds') }),
  departments: defineCollection({ loader: gongshiLoader('departments') }),
  oversight: defineCollection({ loader: gongshiLoader('oversight') }),
  // The maintainers' MDX announcements in content/notices/ (validate-content.ts admits only <slug>.mdx there).
  notices: defineCollection({
    loader: glob({ pattern: '*.mdx', base: path.join(defaultLoadOptions().contentDir, 'notices') }),
    schema: noticeSchema,
  }),
};
