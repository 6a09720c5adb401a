import strings from './zh-CN.json' with { type: 'json' };

export type StringKey = keyof typeof strings;

/**
 * Looks up a UI or error string and fills its `{name}` placeholders.
 * Every text a reader sees goes through here, so that wording lives in one JSON file.
 */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  const template: string = strings[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
