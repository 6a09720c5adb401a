/** One-shot worker threads: each posts one message, its result. */
import { Worker } from 'node:worker_threads';

/** A worker started: its result, and a way to send it what it needs later than its data. */
export interface RunningWorker<T> {
  /** Resolves with the one message it posts; rejects if it fails or exits without one. */
  result: Promise<T>;
  post(message: unknown): void;
}

/** The one message a worker posts; a failure, or an exit without it, rejects. */
function resultOf<T>(worker: Worker, file: string | URL): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (posted: T) => {
      resolve(posted);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the worker ${file} stopped (exit code ${code}) before it posted its result`));
    });
  });
}

/**
 * Starts a worker that waits to be sent a message (`post`) before it works. Until then it does not keep
 * the process alive: if what should send it fails first, the process still ends.
 */
export function startWorker<T>(file: string | URL, workerData: unknown): RunningWorker<T> {
  const worker = new Worker(file, { workerData });
  const result = resultOf<T>(worker, file);
  // After the listeners: listening for its message refs the worker again.
  worker.unref();
  const post = (message: unknown) => {
    worker.ref();
    worker.postMessage(message);
  };
  return { result, post };
}

/** Runs a worker that needs nothing but its data. */
export const runWorker = <T>(file: string | URL, workerData: unknown): Promise<T> =>
  resultOf<T>(new Worker(file, { workerData }), file);
