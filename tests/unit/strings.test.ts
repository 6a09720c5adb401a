/**
 * Every UI string lives in src/core/i18n/zh-CN.json. A key no code uses is dead
 * text that will drift; this finds them. Keys built at run time from a
 * prefix (`section.${id}`) count as used when the prefix is.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { type StringKey, t } from '../../src/core/i18n/t.ts';
import strings from '../../src/core/i18n/zh-CN.json' with { type: 'json' };

async function sources(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) text += await sources(full);
    else if (/\.(ts|astro|mjs)$/.test(entry.name)) text += await readFile(full, 'utf8');
  }
  return text;
}

test('every string in zh-CN.json is used', async () => {
  const code = (await sources('src')) + (await sources('scripts'));
  const dynamicPrefixes = [...code.matchAll(/`([\w-]+(?:\.[\w-]+)*)\.\$\{/g)].map((m) => `${m[1]}.`);
  const unused = Object.keys(strings).filter(
    (key) => !code.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix)),
  );
  assert.deepEqual(unused, []);
});

test('every placeholder is written {name}, with no stray braces', () => {
  for (const [key, value] of Object.entries(strings)) {
    const stripped = value.replace(/\{\w+\}/g, '');
    assert.ok(!/[{}]/.test(stripped), `${key}: ${value}`);
  }
});

test('t() fills placeholders exactly as a plain replace() would', () => {
  const reference = (template: string, params: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const keys = Object.keys(strings) as StringKey[];
  for (const key of keys) {
    const template: string = strings[key];
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const all = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i : `«${n}$&$1»`]));
    const some = Object.fromEntries(names.slice(1).map((n) => [n, '']));
    for (const params of [all, some, {}]) assert.equal(t(key, params), reference(template, params), key);
    assert.equal(t(key), reference(template, {}), key);
  }
});
