import assert from 'node:assert/strict';
import { type Serializable, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NoAnswerError, startProcess } from '../../src/core/lib/run-process.ts';
import { isRunning, waitUntil } from './helpers.ts';

const MODULE = JSON.stringify(new URL('../../src/core/lib/run-process.ts', import.meta.url).href);

/** Asks a process started from `file` one question, then lets it end. */
async function askOnce<T>(file: string, data: Serializable, options: { signal?: AbortSignal } = {}): Promise<T> {
  const asked = startProcess<T>(file, options);
  try {
    return await asked.ask(data);
  } finally {
    asked.end();
  }
}

describe('startProcess', () => {
  let dir = '';
  /** A module that answers with `answer`, a function of what it is sent. */
  const child = async (name: string, answer: string) => {
    const file = path.join(dir, name);
    await writeFile(file, `import { answerParent } from ${MODULE}; answerParent(${answer});`);
    return file;
  };
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gongshi-process-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('resolves with the answer to what it sends; Maps, Sets and bytes pass whole', async () => {
    const file = await child(
      'answers.mjs',
      '(data) => ({ pid: process.pid, sum: data.n + data.bytes[0], slugs: [...data.known], byName: data.byName })',
    );
    const sent = { n: 40, bytes: new Uint8Array([2]), known: new Set(['a', 'b']), byName: new Map([['x', 1]]) };
    const answer = await askOnce<{ pid: number; sum: number; slugs: string[]; byName: Map<string, number> }>(
      file,
      sent,
    );
    assert.notEqual(answer.pid, process.pid);
    assert.equal(answer.sum, 42);
    assert.deepEqual(answer.slugs, ['a', 'b']);
    assert.deepEqual(answer.byName, new Map([['x', 1]]));
  });

  it('answers one question after another, in order, until it is let go', async () => {
    const file = await child('doubles.mjs', '(n) => ({ n: n * 2, pid: process.pid })');
    const asked = startProcess<{ n: number; pid: number }>(file);
    const answers = await Promise.all([1, 2, 3].map((n) => asked.ask(n)));
    asked.end();
    assert.deepEqual(
      answers.map(({ n }) => n),
      [2, 4, 6],
    );
    assert.equal(new Set(answers.map(({ pid }) => pid)).size, 1);
    await assert.rejects(asked.ask(4), /doubles\.mjs was asked after it was let go/);
  });

  it('stops a process that owes no answer at once, without waiting for this thread to be free', async () => {
    const file = await child('idle.mjs', '() => process.pid');
    const asked = startProcess<number>(file);
    const pid = await asked.ask(0);
    asked.end();
    // This thread stays busy: a channel let go of closes only when its event loop turns, a kill does not
    // wait. Ended, the process is a zombie ('Z') until this thread's loop reaps it.
    const stateOf = () => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    for (const until = Date.now() + 10_000; stateOf() !== 'Z' && Date.now() < until; ) spawnSync('sleep', ['0.01']);
    assert.equal(stateOf(), 'Z');
  });

  it('does not pass on the flags of this process', async () => {
    const file = await child('flags.mjs', '() => process.execArgv');
    assert.deepEqual(await askOnce<string[]>(file, {}), []);
  });

  it('rejects with the error the process throws, naming its file', async () => {
    const file = await child('throws.mjs', "() => { throw new Error('bad row'); }");
    await assert.rejects(askOnce(file, {}), (error: Error) => {
      assert.match(error.message, /throws\.mjs: Error: bad row/);
      return true;
    });
  });

  it('rejects when the process exits without answering', async () => {
    const file = path.join(dir, 'silent.mjs');
    await writeFile(file, 'process.exit(3);');
    await assert.rejects(askOnce(file, {}), /silent\.mjs stopped \(exit code 3\) before it answered/);
  });

  it('takes the first answer and rejects with the signal when the process is stopped by one', async () => {
    const twice = path.join(dir, 'twice.mjs');
    await writeFile(
      twice,
      "process.once('message', () => { process.send({ result: 1 }); process.send({ result: 2 }); });",
    );
    assert.equal(await askOnce<number>(twice, {}), 1);
    const stopped = path.join(dir, 'stopped.mjs');
    await writeFile(stopped, "process.once('message', () => process.kill(process.pid, 'SIGTERM'));");
    await assert.rejects(askOnce(stopped, {}), /stopped\.mjs was stopped by SIGTERM before it answered/);
  });

  it('kills the process when told its answer is no longer wanted', async () => {
    const waits = path.join(dir, 'waits.mjs');
    await writeFile(waits, 'setInterval(() => {}, 1000);');
    const stop = new AbortController();
    const running = askOnce(waits, {}, { signal: stop.signal });
    stop.abort();
    await assert.rejects(running, /abort/i);
  });

  it('kills a process that owes an answer and sends none in time, and says so', { timeout: 60_000 }, async () => {
    const pidFile = path.join(dir, 'hung-pid');
    const file = await child(
      'hangs.mjs',
      `() => { process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); for (;;); }`,
    );
    // 0.05 minutes: 3 s, time enough for the process to start and say who it is on a busy machine.
    const asked = startProcess<number>(file, { answerWithin: 0.05 });
    const both = [asked.ask(1), asked.ask(2)];
    for (const answer of both) {
      await assert.rejects(answer, (error: Error) => {
        assert.ok(error instanceof NoAnswerError);
        assert.equal(error.minutes, 0.05);
        assert.match(error.message, /hangs\.mjs answered nothing for 0\.05 minutes and was stopped/);
        return true;
      });
    }
    asked.end();
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(pid > 0);
    await waitUntil(() => !isRunning(pid));
  });

  it('gives each answer the time again: a slow process that keeps answering is not stopped', {
    timeout: 60_000,
  }, async () => {
    // 1.5 s an answer, four answers owed at once: 6 s in all, against 4.5 s for any one answer.
    const file = await child(
      'slow.mjs',
      '(n) => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); return n * 2; }',
    );
    const asked = startProcess<number>(file, { answerWithin: 0.075 });
    try {
      assert.deepEqual(await Promise.all([1, 2, 3, 4].map((n) => asked.ask(n))), [2, 4, 6, 8]);
    } finally {
      asked.end();
    }
  });

  it('refuses a time limit a timer cannot keep', async () => {
    const file = await child('never-started.mjs', '(n) => n');
    for (const answerWithin of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 40_000]) {
      assert.throws(() => startProcess(file, { answerWithin }), RangeError);
    }
  });

  it('lets both processes end once it has answered', async () => {
    const file = await child('once.mjs', '(n) => n + 1');
    const main = path.join(dir, 'main.mjs');
    await writeFile(
      main,
      `import { startProcess } from ${MODULE}; const asked = startProcess(${JSON.stringify(file)}); console.log(await asked.ask(41)); asked.end();`,
    );
    // A process left connected would keep this one waiting: the timeout fails the test instead.
    const ended = spawnSync(process.execPath, [main], { timeout: 30_000, encoding: 'utf8' });
    assert.equal(ended.error, undefined);
    assert.equal(ended.stderr, '');
    assert.equal(ended.stdout, '42\n');
    assert.equal(ended.status, 0);
  });
});
