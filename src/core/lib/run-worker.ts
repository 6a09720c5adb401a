/** Runs a one-shot worker thread: resolves with the one message it posts, rejects if it fails or exits without one. */
import { Worker } from 'node:worker_threads';

export function runWorker<T>(file: string | URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the worker ${file} stopped (exit code ${code}) before it posted its result`));
    });
  });
}
