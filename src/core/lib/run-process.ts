/**
 * Work done in a Node process of its own, for one message and one answer.
 *
 * Why a process, not a worker thread: memory. A thread's garbage (the parsed
 * text of thousands of files) stays with the process after the thread ends:
 * glibc keeps the freed memory of the thread's arena, and the build then
 * carries hundreds of megabytes it no longer uses. A process gives all of it
 * back when it exits.
 */
import { fork, type Serializable } from 'node:child_process';

/** What a process started by runProcess answers: its result, or why it has none. */
type Answer<T> = { result: T } | { error: string };

/** How a process ended, in words: a process killed outright has no exit code, only the signal. */
function endOf(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed (SIGKILL; most often by the system, short of memory)';
  if (signal) return `was stopped by ${signal}`;
  return `stopped (exit code ${code})`;
}

/**
 * Runs `file` (a module that calls answerParent) as a Node process of its own, sends it `data`, and
 * resolves with its answer; rejects with its error, or if it exits without answering. Maps, Sets and
 * typed arrays pass as they do to a worker thread. Aborting `signal` kills the process: the caller
 * no longer needs its answer (another process failed).
 */
export function runProcess<T>(file: string, data: Serializable, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
  const { promise, resolve, reject } = Promise.withResolvers<T>();
  // No execArgv: a flag of this process (a test runner's `--test`) must not change what the file does.
  const child = fork(file, [], { serialization: 'advanced', execArgv: [], ...(signal ? { signal } : {}) });
  let answered = false;
  child.once('message', (message: Answer<T>) => {
    answered = true;
    if ('error' in message) reject(new Error(`${file}: ${message.error}`));
    else resolve(message.result);
  });
  // 'on', not 'once': a failed start can be followed by a failed send, and an unheard 'error' would end this process.
  child.on('error', reject);
  // 'close', not 'exit': at 'exit' the channel may still hold the answer, unread.
  child.once('close', (code, ended) => {
    if (!answered) reject(new Error(`the process ${file} ${endOf(code, ended)} before it answered`));
  });
  child.send(data);
  return promise;
}

/**
 * In a process started by runProcess: answers the one message it is sent with what `answer`
 * makes of it, or with the error it throws, and then lets the process end.
 */
export function answerParent<D, T>(answer: (data: D) => T): void {
  process.once('message', (data: D) => {
    let reply: Answer<T>;
    try {
      reply = { result: answer(data) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send?.(reply, () => process.disconnect());
  });
}
