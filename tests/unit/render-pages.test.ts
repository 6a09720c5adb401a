import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerCount } from '../../src/integrations/render-pages.ts';

test('pages are rendered on worker threads only for a large county on a machine with cores to spare', () => {
  assert.equal(workerCount(16, {}, 8), 0, 'the sample data: not worth a worker');
  assert.equal(workerCount(10_000, {}, 2), 0, 'two cores: this thread and what runs beside the pages');
  assert.equal(workerCount(10_000, {}, 4), 2);
  assert.equal(workerCount(16, { GONGSHI_RENDER_THREADS: '2' }, 2), 2, 'the tests force workers');
  assert.equal(workerCount(10_000, { GONGSHI_RENDER_THREADS: '0' }, 8), 0);
});
