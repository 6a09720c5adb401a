import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { YIELDING } from '../../src/core/lib/thread-priority.ts';

/** The nice value of the thread /proc/thread-self names (field 19 of its stat). */
const niceOfThisThread = () =>
  Number(
    readFileSync('/proc/thread-self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')[16],
  );

describe('yieldToOtherThreads', () => {
  it('lowers the priority of the thread that calls it, and of no other', async () => {
    const before = niceOfThisThread();
    const module = JSON.stringify(new URL('../../src/core/lib/thread-priority.ts', import.meta.url).href);
    const worker = new Worker(
      `import { readFileSync } from 'node:fs';
       import { parentPort } from 'node:worker_threads';
       const { yieldToOtherThreads } = await import(${module});
       const nice = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').replace(/^.*\\) /s, '').split(' ')[16]);
       const was = nice();
       parentPort.postMessage({ done: yieldToOtherThreads(), was, now: nice() });`,
      { eval: true },
    );
    const answer = await new Promise<{ done: boolean; was: number; now: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.deepEqual(answer, { done: true, was: before, now: Math.max(before, YIELDING) });
    assert.equal(niceOfThisThread(), before);
  });
});
