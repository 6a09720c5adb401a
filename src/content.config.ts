import { defineCollection } from 'astro:content';
import { gongshiLoader } from './data/astro-loader.ts';

// Wiring only: what each collection holds is defined in src/schemas/, how it is read in src/data/.
export const collections = {
  site: defineCollection({ loader: gongshiLoader('site') }),
  communities: defineCollection({ loader: gongshiLoader('communities') }),
  companies: defineCollection({ loader: gongshiLoader('companies') }),
  compounds: defineCollection({ loader: gongshiLoader('compounds') }),
};
