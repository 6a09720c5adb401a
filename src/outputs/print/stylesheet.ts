/**
 * The one stylesheet of the printable pages (src/site/styles/print.css: the site's
 * global rules and the sheets' own), bundled and minified with lightningcss,
 * the tool Vite itself uses for CSS, for the same older browsers as the rest
 * of the site, and named by its content so that it can be cached for good.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { bundle, type Targets } from 'lightningcss';
import { OLDER_BROWSERS } from '../../core/lib/browsers.ts';
import { sitePath } from '../../core/lib/site-path.ts';

export interface PrintStylesheet {
  /** Its file in the output folder: /_astro/print.<hash>.css. */
  path: string;
  /** Its address on the site: the path under the site's base. */
  href: string;
  css: string;
}

export function printStylesheet(projectRoot: string): PrintStylesheet {
  const { code } = bundle({
    filename: path.join(projectRoot, 'src', 'site', 'styles', 'print.css'),
    minify: true,
    // Without targets lightningcss writes the newest syntax, which the older phones ignore.
    targets: olderBrowserTargets(),
  });
  const css = code.toString();
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
  const file = `/_astro/print.${hash}.css`;
  return { path: file, href: sitePath(file), css };
}

/** Vite's names of browsers as lightningcss's (Vite's own mapping). */
const LIGHTNINGCSS_NAMES: Record<string, keyof Targets> = {
  chrome: 'chrome',
  edge: 'edge',
  firefox: 'firefox',
  ios: 'ios_saf',
  safari: 'safari',
};

/** OLDER_BROWSERS as lightningcss targets: a version as (major << 16) | (minor << 8); the lowest of a browser's. */
export function olderBrowserTargets(): Targets {
  const targets: Targets = {};
  for (const browser of OLDER_BROWSERS) {
    const [, name = '', major = '', minor = '0'] = /^([a-z]+)(\d+)(?:\.(\d+))?$/.exec(browser) ?? [];
    const key = LIGHTNINGCSS_NAMES[name];
    if (key === undefined) throw new Error(`src/core/lib/browsers.ts: no lightningcss name for ${browser}`);
    targets[key] = Math.min(targets[key] ?? Number.POSITIVE_INFINITY, (Number(major) << 16) | (Number(minor) << 8));
  }
  return targets;
}
