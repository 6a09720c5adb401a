/** One-shot worker threads: each posts one message, its result. */
import { Worker } from 'node:worker_threads';

/** A worker started: its result, and a way to send it what it needs later than its data. */
export interface RunningWorker<T> {
  /** Resolves with the one message it posts; rejects if it fails or exits without one. */
  result: Promise<T>;
  post(message: unknown): void;
}

export function startWorker<T>(file: string | URL, workerData: unknown): RunningWorker<T> {
  const worker = new Worker(file, { workerData });
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (posted: T) => {
      resolve(posted);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the worker ${file} stopped (exit code ${code}) before it posted its result`));
    });
  });
  return { result, post: (message) => worker.postMessage(message) };
}

export const runWorker = <T>(file: string | URL, workerData: unknown): Promise<T> =>
  startWorker<T>(file, workerData).result;
