import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perValidationPass, provideValidatedContent } from '../../src/core/data/content-bundle.ts';
import type { LoadResult } from '../../src/core/data/load-content.ts';
import type { ContentBundle } from '../../src/core/data/records.ts';

/** Only the bundle's identity matters here: a pass is told apart from another by its bundle object. */
function pass(name: string): ContentBundle {
  const bundle = { name } as unknown as ContentBundle;
  provideValidatedContent({ bundle, problems: [] } as unknown as LoadResult);
  return bundle;
}

describe('perValidationPass', () => {
  it('makes the value once per pass, and again for the next pass', async () => {
    const seen: ContentBundle[] = [];
    const made = perValidationPass(async (bundle) => {
      seen.push(bundle);
      return { madeFor: bundle };
    });
    const first = pass('first');
    const [a, b] = await Promise.all([made(), made()]);
    assert.equal(a, b, 'callers in one pass share the value');
    assert.equal(a.madeFor, first);
    assert.equal((await made()).madeFor, first);
    assert.deepEqual(seen, [first]);

    const second = pass('second');
    assert.equal((await made()).madeFor, second);
    assert.deepEqual(seen, [first, second]);
  });

  it('hands back what a synchronous maker returns, not a promise of it', async () => {
    pass('sync');
    const made = perValidationPass(() => 42);
    assert.equal(await made(), 42);
  });
});
