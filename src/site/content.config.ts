import { defineCollection } from 'astro:content';
import path from 'node:path';
import { glob } from 'astro/loaders';
import { defaultLoadOptions } from '../core/data/options.ts';
import { noticeSchema } from '../core/schemas/notice.ts';
import { gongshiLoader, plainFilesOnly } from './astro-loader.ts';

const noticesDir = path.join(defaultLoadOptions().contentDir, 'notices');

// Wiring only: what the data is is defined in src/core/schemas/, how it is read and checked in src/core/data/.
export const collections = {
  // Validates all of content/ at content sync; pages read the records through src/core/model/content.ts.
  validation: defineCollection({ loader: gongshiLoader() }),
  // The maintainers' MDX announcements in content/notices/ (validate-content.ts admits only <slug>.mdx there).
  notices: defineCollection({
    loader: plainFilesOnly(glob({ pattern: '*.mdx', base: noticesDir }), noticesDir),
    schema: noticeSchema,
  }),
};
