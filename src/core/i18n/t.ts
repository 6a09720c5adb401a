import { memoize } from '../lib/memo.ts';
import strings from './zh-CN.json' with { type: 'json' };

export type StringKey = keyof typeof strings;

/**
 * A template cut at its placeholders: literal text at even positions, names at odd ones.
 * Validation calls t() for every problem and every label, so each template is cut once.
 */
const partsOf = memoize((template: string): string[] => template.split(/\{(\w+)\}/g));

/**
 * Looks up a UI or error string and fills its `{name}` placeholders.
 * Every text a reader sees goes through here, so that wording lives in one JSON file.
 */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  const template: string = strings[key];
  if (!template.includes('{')) return template;
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    // `in`, not own keys, exactly as the replace() this stands for did.
    out += (name in params ? String(params[name]) : `{${name}}`) + (parts[i + 1] ?? '');
  }
  return out;
}
