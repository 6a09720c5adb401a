/**
 * Runs the privacy scanner over every value a committee submits: each YAML
 * scalar and each CSV cell. A personal mobile is allowed only in a phone
 * field, which is recognised by its schema (it refuses words and accepts a
 * mobile number), not by its name.
 */
import type { z } from 'zod';
import { t } from '../i18n/t.ts';
import { memoize } from '../lib/memo.ts';
import { scanPrivacy } from './privacy.ts';
import type { Problem } from './problems.ts';
import { labelFor, schemaAt } from './zod-issues.ts';

type AnySchema = z.core.$ZodType;

const phoneField = memoize((schema: AnySchema): boolean => {
  const s = schema as z.ZodType;
  return !s.safeParse('物业').success && s.safeParse('13800000000').success;
});

export const isPhoneField = (schema: AnySchema | undefined): boolean => schema !== undefined && phoneField(schema);

/** Problems for one value at `path` of a record checked by `schema`. */
export function privacyProblems(
  value: string,
  where: { file: string; line: number; column: number; path: (string | number)[] },
  schema: AnySchema,
  csv: boolean,
): Problem[] {
  let hits = scanPrivacy(value);
  if (hits.length === 0) return [];
  // Mobiles are scanned last and never hide an ID or a card, so dropping them afterwards
  // is the same as not looking for them: the schema is asked only when one was found.
  if (hits.some((hit) => hit.kind === 'mobile') && isPhoneField(schemaAt(schema, where.path))) {
    hits = hits.filter((hit) => hit.kind !== 'mobile');
  }
  return hits.map((hit) => ({
    file: where.file,
    line: where.line,
    column: where.column,
    field: where.path.join('.'),
    label: csv ? labelFor(schema, where.path.slice(0, 1)) : labelFor(schema, where.path) || t('privacy.label'),
    expected: hit.expected,
    // The number itself is never repeated: logs of a public repository are public too.
    found: hit.masked,
    severity: 'error',
  }));
}

/**
 * Every string or number scalar in parsed YAML, with its path, in document order.
 * A plain list rather than a generator: nested yield* costs more than the scan of most values.
 */
export function scalars(
  value: unknown,
  path: (string | number)[] = [],
  out: { path: (string | number)[]; text: string }[] = [],
): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string' || typeof value === 'number') out.push({ path, text: String(value) });
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) scalars(value[i], [...path, i], out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) scalars(item, [...path, key], out);
  }
  return out;
}
