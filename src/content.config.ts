import { defineCollection } from 'astro:content';
import path from 'node:path';
import { glob } from 'astro/loaders';
import { gongshiLoader, plainFilesOnly } from './data/astro-loader.ts';
import { defaultLoadOptions } from './data/options.ts';
import { noticeSchema } from './schemas/notice.ts';

const noticesDir = path.join(defaultLoadOptions().contentDir, 'notices');

// Wiring only: what the data is is defined in src/schemas/, how it is read and checked in src/data/.
export const collections = {
  // Validates all of content/ at content sync; pages read the records through src/model/content.ts.
  validation: defineCollection({ loader: gongshiLoader() }),
  // The maintainers' MDX announcements in content/notices/ (validate-content.ts admits only <slug>.mdx there).
  notices: defineCollection({
    loader: plainFilesOnly(glob({ pattern: '*.mdx', base: noticesDir }), noticesDir),
    schema: noticeSchema,
  }),
};
