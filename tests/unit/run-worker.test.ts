import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startWorker } from '../../src/core/lib/run-worker.ts';

describe('startWorker', () => {
  let dir = '';
  const worker = async (name: string, source: string) => {
    const file = path.join(dir, name);
    await writeFile(file, source);
    return file;
  };
  /** Runs `code` (which may call startWorker) as a process of its own, and checks that it ends cleanly. */
  const endsOnItsOwn = async (name: string, code: string) => {
    const module = new URL('../../src/core/lib/run-worker.ts', import.meta.url).href;
    const main = await worker(name, `import { startWorker } from ${JSON.stringify(module)}; ${code}`);
    const ended = spawnSync(process.execPath, [main], { timeout: 30_000, encoding: 'utf8' });
    assert.equal(ended.error, undefined);
    assert.equal(ended.stderr, '');
    assert.equal(ended.status, 0);
  };
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gongshi-worker-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('passes a worker what it is sent after its start', async () => {
    const file = await worker(
      'waits.mjs',
      "import { parentPort, workerData } from 'node:worker_threads'; parentPort.once('message', (m) => parentPort.postMessage(workerData.n + m));",
    );
    const running = startWorker<number>(file, { n: 40 });
    running.post(2);
    assert.equal(await running.result, 42);
  });

  // A message lost would leave it waiting: fail instead.
  it('passes a worker started before its data what it is sent; its first message is early, its second the result', {
    timeout: 30_000,
  }, async () => {
    const file = await worker(
      'sent-then-posted.mjs',
      "import { parentPort } from 'node:worker_threads'; let data; parentPort.on('message', (m) => { if (data === undefined) { data = m; parentPort.postMessage(data * 2); } else parentPort.postMessage(data + m); });",
    );
    const running = startWorker<number, number>(file, undefined, { early: true });
    running.send(20);
    assert.equal(await running.early, 40);
    running.post(22);
    assert.equal(await running.result, 42);
  });

  it('rejects the result, the early message kept, when the worker exits after it', async () => {
    const file = await worker(
      'early-only.mjs',
      "import { parentPort } from 'node:worker_threads'; parentPort.postMessage('findings'); parentPort.close();",
    );
    const running = startWorker<string, string>(file, {}, { early: true });
    running.post('go');
    assert.equal(await running.early, 'findings');
    await assert.rejects(running.result, /exit code 0/);
  });

  it('rejects early with the worker’s error when it fails before posting it', async () => {
    const file = await worker('throws-early.mjs', "throw new Error('bad row');");
    const running = startWorker<number, number>(file, {}, { early: true });
    await assert.rejects(running.early, /bad row/);
    await assert.rejects(running.result, /bad row/);
  });

  it('has no early message unless started with early', async () => {
    const file = await worker(
      'one.mjs',
      "import { parentPort } from 'node:worker_threads'; parentPort.once('message', (m) => parentPort.postMessage(m));",
    );
    const running = startWorker<number, number>(file, {});
    await assert.rejects(running.early, /not started to post an early message/);
    running.post(7);
    assert.equal(await running.result, 7);
  });

  it('does not keep the process alive while it waits for what it is to be sent', async () => {
    const waiting = await worker(
      'waits-forever.mjs',
      "import { parentPort } from 'node:worker_threads'; parentPort.once('message', () => {});",
    );
    // Nothing is ever sent (as when the build fails before it would be): the process must still end.
    await endsOnItsOwn('starts.mjs', `startWorker(${JSON.stringify(waiting)}, {});`);
  });

  it('does not keep the process alive for a message sent, until one is posted', async () => {
    const listening = await worker(
      'listens.mjs',
      "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});",
    );
    await endsOnItsOwn('sends.mjs', `startWorker(${JSON.stringify(listening)}, {}).send('the content');`);
  });

  it('rejects with the error the worker throws', async () => {
    const file = await worker('throws.mjs', "throw new Error('bad row');");
    const running = startWorker<number>(file, {});
    running.post('go');
    await assert.rejects(running.result, /bad row/);
  });

  it('rejects when the worker exits without posting', async () => {
    const file = await worker('silent.mjs', 'process.exit(0);');
    const running = startWorker<number>(file, {});
    running.post('go');
    await assert.rejects(running.result, /exit code 0/);
  });
});
