/**
 * An older in-app browser, as far as a current Chromium can play one: the
 * JavaScript APIs that Chromium 87 and iOS 14 Safari lack are deleted before
 * any of the page's scripts run, and every cascade-layer rule is removed from
 * the page's CSS, as browsers before Chromium 99 and iOS Safari 15.4 ignore
 * them.
 */
import type { Page } from '@playwright/test';

export async function withoutNewerApis(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drop = (target: object, names: string[]) => {
      for (const name of names) delete (target as Record<string, unknown>)[name];
    };
    drop(Array.prototype, ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']);
    drop(String.prototype, ['at', 'isWellFormed', 'toWellFormed']);
    drop(Object.getPrototypeOf(Uint8Array.prototype), ['at', 'findLast', 'toSorted']);
    drop(Object, ['hasOwn', 'groupBy']);
    drop(Map, ['groupBy']);
    drop(Promise, ['withResolvers']);
    drop(globalThis, ['structuredClone']);
    drop(HTMLFormElement.prototype, ['requestSubmit']);
  });
}

/** CSS text without `@layer a, b;` statements and `@layer name { … }` blocks, braces matched. */
export function withoutLayers(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf('@layer', i);
    if (at < 0) return out + css.slice(i);
    out += css.slice(i, at);
    const brace = css.indexOf('{', at);
    const semicolon = css.indexOf(';', at);
    if (semicolon >= 0 && (brace < 0 || semicolon < brace)) {
      i = semicolon + 1;
      continue;
    }
    let depth = 0;
    let j = brace;
    for (; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

/** Serves every HTML page with its inline CSS stripped of cascade layers. */
export async function withoutCascadeLayers(page: Page): Promise<void> {
  await page.route(
    (url) => !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      await route.fulfill({
        response,
        body: html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => `<style>${withoutLayers(css)}</style>`),
      });
    },
  );
}
