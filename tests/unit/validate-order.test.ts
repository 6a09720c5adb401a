/**
 * validateContent works through the files in the order `localeCompare` puts
 * their paths: compounds and problems come out in that order. Plain ASCII
 * paths are sorted by code unit as a shortcut, so these check that the
 * shortcut never changes the order, whatever the names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SourceFile, validateContent } from '../../src/core/data/validate-content.ts';
import { t } from '../../src/core/i18n/t.ts';

const file = (path: string): SourceFile => ({ path, bytes: new TextEncoder().encode('x: 1\n') });
const options = { today: '2026-11-20', mode: 'tree' as const };
const byLocale = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

describe('validateContent: the order of files', () => {
  it('takes compound folders in locale order, a-b before a and a0', () => {
    const slugs = ['a0', 'a', 'b', 'a-b', 'a-0', 'ab', '0a'];
    const { problems } = validateContent(
      slugs.map((s) => file(`compounds/${s}/fees.csv`)),
      options,
    );
    const missing = problems
      .filter((p) => p.expected === t('load.missingFile') && p.file.startsWith('compounds/'))
      .map((p) => p.file.split('/')[1] ?? '');
    assert.deepEqual(
      missing,
      byLocale(slugs.map((s) => `${s}/`)).map((s) => s.slice(0, -1)),
    );
  });

  it('keeps locale order where it differs from code-unit order', () => {
    // Code units put B and _x apart from a; locale order puts _x first and a before B.
    const names = ['B', 'a', '_x', 'É', '中', 'z', 'Z'];
    const { problems } = validateContent(
      names.map((n) => file(n)),
      options,
    );
    const unknown = problems.filter((p) => names.includes(p.file));
    assert.deepEqual(
      unknown.map((p) => p.found),
      byLocale(names),
    );
    assert.notDeepEqual(byLocale(names), [...names].sort());
  });
});
