/**
 * Turns zod issues into the words of a problem: the field's Chinese name,
 * taken from the schema's own `.meta({ title })`, and what was expected.
 */
import { z } from 'zod';
import { type StringKey, t } from '../i18n/t.ts';
import strings from '../i18n/zh-CN.json' with { type: 'json' };

type AnySchema = z.core.$ZodType;
type PathKey = PropertyKey;

function titleOf(schema: AnySchema): string | undefined {
  const meta = z.globalRegistry.get(schema as z.ZodType);
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

/** Wrappers that hold the schema a value is really checked against. */
function inner(schema: AnySchema): AnySchema | undefined {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
    return def.innerType;
  }
  if (def.type === 'pipe') return def.in;
  return undefined;
}

/** The schema's own title, or that of a schema it wraps. */
function titleThrough(schema: AnySchema): string | undefined {
  for (let s: AnySchema | undefined = schema; s; s = inner(s)) {
    const title = titleOf(s);
    if (title) return title;
  }
  return undefined;
}

/**
 * A field's declared `kind` (src/core/schemas/primitives.ts: fen, scaled, integer, number,
 * boolean, date, yearmonth, quarter, halfyear) with the rest of its meta, looked for
 * through its wrappers and on both sides of a pipe: `z.preprocess(fix, isoDate)` is a date too.
 */
export function declaredKind(schema: AnySchema | undefined): { kind: string; scale?: number } | undefined {
  if (!schema) return undefined;
  const meta = z.globalRegistry.get(schema as z.ZodType);
  if (typeof meta?.kind === 'string') return meta as { kind: string; scale?: number };
  const def = schema._zod.def as { type: string; out?: AnySchema };
  return declaredKind(inner(schema)) ?? (def.type === 'pipe' ? declaredKind(def.out) : undefined);
}

function child(schema: AnySchema, key: PathKey): AnySchema | undefined {
  for (let s: AnySchema | undefined = schema; s; s = inner(s)) {
    const def = s._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    // Own keys only: a key such as `constructor` or `__proto__` must not find Object.prototype's members.
    if (def.type === 'object' && def.shape && typeof key === 'string') {
      return Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    }
    if (def.type === 'array' && def.element && typeof key === 'number') return def.element;
  }
  return undefined;
}

/** The schema a value at `path` is checked against, if the path exists in the schema. */
export function schemaAt(schema: AnySchema, path: readonly PathKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of path) current = current ? child(current, key) : undefined;
  return current;
}

/**
 * The Chinese names along a path, joined: `五备案 › 业主委员会成立备案 › 备案日期`.
 * Array positions become 第N项.
 */
export function labelFor(schema: AnySchema, path: readonly PathKey[]): string {
  const names: string[] = [];
  let current: AnySchema | undefined = schema;
  for (const key of path) {
    current = current ? child(current, key) : undefined;
    if (typeof key === 'number') names.push(t('problem.item', { n: key + 1 }));
    else names.push((current && titleThrough(current)) ?? String(key));
  }
  return names.join(' › ');
}

const TYPE_WORDS: Record<string, Parameters<typeof t>[0]> = {
  string: 'expect.text',
  number: 'expect.number',
  boolean: 'expect.boolean',
  array: 'expect.list',
  object: 'expect.map',
};

/** A choice written in English in YAML, with its Chinese meaning: `acting（社区代行）`. */
function glossed(value: string): string {
  const key = `value.${value}` as StringKey;
  return key in strings ? `${value}（${t(key)}）` : value;
}

/** What a zod issue expected, as a Chinese clause; used as the per-parse error map. */
export function expectationFor(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const key = TYPE_WORDS[issue.expected];
      return key ? t(key) : t('expect.type', { type: issue.expected });
    }
    case 'invalid_value':
      return t('expect.oneOf', { values: issue.values.map((v) => glossed(String(v))).join('、') });
    case 'unrecognized_keys':
      return t('expect.knownField');
    case 'too_small':
      return issue.origin === 'array'
        ? t('expect.minItems', { min: String(issue.minimum) })
        : t('expect.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('expect.textMax', { max: String(issue.maximum) })
        : t('expect.atMost', { max: String(issue.maximum) });
    default:
      return issue.message ?? t('expect.valid');
  }
}

/** A zod issue reduced to what the problem formatter needs. */
export interface FieldIssue {
  path: PathKey[];
  expected: string;
  /** The last path step is a key that the schema does not know. */
  unknownKey?: boolean;
}

/**
 * Validates `input` and returns either the parsed value or every issue.
 * Unknown keys become one issue each, pointing at the key itself.
 */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(input, { error: expectationFor });
  if (result.success) return { ok: true, value: result.data };
  const issues: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        issues.push({ path: [...issue.path, key], expected: issue.message, unknownKey: true });
    } else {
      issues.push({ path: [...issue.path], expected: issue.message });
    }
  }
  return { ok: false, issues };
}
