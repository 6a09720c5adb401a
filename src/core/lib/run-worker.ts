/**
 * A worker thread that posts its result as one message, and may post one message before it; and, on the
 * worker's side, the messages it is sent (inboxOf).
 */
import { type MessagePort, Worker } from 'node:worker_threads';

/** A worker started: its result, and a way to send it what it needs later than its data. */
export interface RunningWorker<T, E = never> {
  /** Resolves with the message it posts last; rejects if it fails or exits without one. */
  result: Promise<T>;
  /** Resolves with the message it posts first, when started with `early`; rejects like `result` until then. */
  early: Promise<E>;
  /** Sends it a message it needs before it can finish; the process waits for it from then on. */
  post(message: unknown): void;
  /** Sends it a message on which more follow: until `post`, it still does not keep the process alive. */
  send(message: unknown): void;
}

/** What a worker posts: its result, and (with `early`) one message before it. */
function messagesOf<T, E>(
  worker: Worker,
  file: string | URL,
  early: boolean,
): Pick<RunningWorker<T, E>, 'result' | 'early'> {
  const first = Promise.withResolvers<E>();
  const last = Promise.withResolvers<T>();
  // Each is awaited only by those who ask for it; a failure reaches them all the same.
  first.promise.catch(() => {});
  last.promise.catch(() => {});
  if (!early) first.reject(new Error(`the worker ${file} was not started to post an early message`));
  const fail = (error: unknown) => {
    first.reject(error);
    last.reject(error);
  };
  let waitingForEarly = early;
  worker.on('message', (posted: unknown) => {
    if (waitingForEarly) {
      waitingForEarly = false;
      first.resolve(posted as E);
      return;
    }
    last.resolve(posted as T);
    void worker.terminate();
  });
  // A message that could not be read would otherwise be taken for the next one, or never end the wait.
  worker.once('messageerror', fail);
  worker.once('error', fail);
  worker.once('exit', (code) => {
    fail(new Error(`the worker ${file} stopped (exit code ${code}) before it posted its result`));
  });
  return { result: last.promise, early: first.promise };
}

/**
 * Starts a worker that waits to be sent a message (`post`) before it finishes. Until then it does not keep
 * the process alive: if what should send it fails first, the process still ends. A worker started before
 * its data is ready (to load its code meanwhile) is sent it with `send`. With `early`, the first
 * message it posts is `early`, and the second its result.
 */
export function startWorker<T, E = never>(
  file: string | URL,
  workerData: unknown,
  { early = false }: { early?: boolean } = {},
): RunningWorker<T, E> {
  const worker = new Worker(file, { workerData });
  const messages = messagesOf<T, E>(worker, file, early);
  // After the listeners: listening for its message refs the worker again.
  worker.unref();
  const post = (message: unknown) => {
    worker.ref();
    worker.postMessage(message);
  };
  return { ...messages, post, send: (message) => worker.postMessage(message) };
}

/**
 * The messages a worker is sent (its `parentPort`), one after the other, in order: a message that
 * arrives before it is asked for waits for `next`, so none is lost while the worker is busy. A message
 * that cannot be read rejects what is asked from then on: taking the next one for it would be wrong,
 * and waiting for it would never end.
 */
export function inboxOf(port: MessagePort): { next: () => Promise<unknown> } {
  const arrived: unknown[] = [];
  const waiting: PromiseWithResolvers<unknown>[] = [];
  let unreadable: Error | undefined;
  port.on('message', (message: unknown) => {
    // After one that could not be read, the next is not the one asked for.
    if (unreadable) return;
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else arrived.push(message);
  });
  port.on('messageerror', (error: Error) => {
    unreadable ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(unreadable);
  });
  return {
    next: () => {
      if (arrived.length > 0) return Promise.resolve(arrived.shift());
      if (unreadable) return Promise.reject(unreadable);
      const waiter = Promise.withResolvers<unknown>();
      waiting.push(waiter);
      return waiter.promise;
    },
  };
}
