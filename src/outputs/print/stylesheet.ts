/**
 * The one stylesheet of the printable pages (src/site/styles/print.css: the site's
 * global rules and the sheets' own), bundled and minified with lightningcss,
 * the tool Vite itself uses for CSS, and named by its content so that it can
 * be cached for good.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { bundle } from 'lightningcss';
import { sitePath } from '../../core/lib/site-path.ts';

export interface PrintStylesheet {
  /** Its file in the output folder: /_astro/print.<hash>.css. */
  path: string;
  /** Its address on the site: the path under the site's base. */
  href: string;
  css: string;
}

export function printStylesheet(projectRoot: string): PrintStylesheet {
  const { code } = bundle({ filename: path.join(projectRoot, 'src', 'site', 'styles', 'print.css'), minify: true });
  const css = code.toString();
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
  const file = `/_astro/print.${hash}.css`;
  return { path: file, href: sitePath(file), css };
}
