/**
 * Work done in a Node process of its own: one question after another, each answered in order.
 *
 * Why a process, not a worker thread: memory. A thread's garbage (the parsed
 * text of thousands of files) stays with the process after the thread ends:
 * glibc keeps the freed memory of the thread's arena, and the build then
 * carries hundreds of megabytes it no longer uses. A process gives all of it
 * back when it exits.
 */
import { fork, type Serializable } from 'node:child_process';

/** What a process started by startProcess answers: its result, or why it has none. */
type Answer<T> = { result: T } | { error: string };

/** How a process ended, in words: a process killed outright has no exit code, only the signal. */
function endOf(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed (SIGKILL; most often by the system, short of memory)';
  if (signal) return `was stopped by ${signal}`;
  return `stopped (exit code ${code})`;
}

/** Why a question to a process went unanswered: it answered nothing for `minutes`, and was stopped. */
export class NoAnswerError extends Error {
  readonly minutes: number;
  constructor(file: string, minutes: number) {
    super(`the process ${file} answered nothing for ${minutes} minutes and was stopped`);
    this.name = 'NoAnswerError';
    this.minutes = minutes;
  }
}

/** A process started by startProcess: ask it one thing after another, then let it end. */
export interface AskedProcess<T> {
  /** Resolves with its answer to `data`; rejects with its error, or if it ends without answering. */
  ask(data: Serializable): Promise<T>;
  /** Ends it: stopped at once when it owes no answer, else let go of (an answer still owed then never comes). */
  end(): void;
}

/**
 * Starts `file` (a module that calls answerParent) as a Node process of its own, to be asked one thing
 * after another: it answers in order. Maps, Sets and typed arrays pass as they do to a worker thread.
 * Aborting `signal` kills the process: the caller no longer needs its answers (another process failed).
 * With `answerWithin` (minutes), a process that owes an answer and sends none for that long is killed and
 * every question still owed fails with a NoAnswerError: a hung process would otherwise hold a build, or a
 * committee's pull request, until the CI host gives up, and say nothing about why.
 */
export function startProcess<T>(
  file: string,
  { signal, answerWithin }: { signal?: AbortSignal; answerWithin?: number } = {},
): AskedProcess<T> {
  // A timer's delay past 2^31 - 1 ms, or not a number, is taken as 1 ms: the process would be killed at once.
  if (answerWithin !== undefined && !(answerWithin > 0 && answerWithin * 60_000 <= 2 ** 31 - 1)) {
    throw new RangeError(`answerWithin must be more than 0 and at most 35,791 minutes, not ${answerWithin}`);
  }
  // No execArgv: a flag of this process (a test runner's `--test`) must not change what the file does.
  const child = fork(file, [], { serialization: 'advanced', execArgv: [], ...(signal ? { signal } : {}) });
  const waiting: PromiseWithResolvers<T>[] = [];
  let failure: Error | undefined;
  let ended = false;
  let watch: NodeJS.Timeout | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    clearTimeout(watch);
    for (const asked of waiting.splice(0)) asked.reject(failure);
  };
  // Restarted whenever an answer arrives or a question is asked of a process that owed none.
  const watchForAnswer = () => {
    clearTimeout(watch);
    if (answerWithin === undefined || waiting.length === 0) return;
    watch = setTimeout(() => {
      child.kill('SIGKILL');
      failAll(new NoAnswerError(file, answerWithin));
    }, answerWithin * 60_000);
    // The watch alone must not keep this process alive.
    watch.unref();
  };
  child.on('message', (message: Answer<T>) => {
    const asked = waiting.shift();
    if (!asked) return;
    watchForAnswer();
    if ('error' in message) asked.reject(new Error(`${file}: ${message.error}`));
    else asked.resolve(message.result);
  });
  // 'on', not 'once': a failed start can be followed by a failed send, and an unheard 'error' would end this process.
  child.on('error', failAll);
  // 'close', not 'exit': at 'exit' the channel may still hold an answer, unread.
  child.once('close', (code, ended) =>
    failAll(new Error(`the process ${file} ${endOf(code, ended)} before it answered`)),
  );
  return {
    ask(data) {
      const asked = Promise.withResolvers<T>();
      if (failure) asked.reject(failure);
      else if (ended || !child.connected) asked.reject(new Error(`the process ${file} was asked after it was let go`));
      else {
        waiting.push(asked);
        if (waiting.length === 1) watchForAnswer();
        child.send(data);
      }
      return asked.promise;
    },
    end() {
      ended = true;
      // Stopped at once when it owes no answer: letting go of the channel takes effect only once this
      // thread's event loop turns, and until then a process that is done (400 MB of a validation's) lives on.
      if (waiting.length === 0 && failure === undefined) child.kill();
      else if (child.connected) child.disconnect();
    },
  };
}

/**
 * In a process started by startProcess: answers each message it is sent, in order, with what `answer`
 * makes of it, or with the error it throws. The process ends when its parent lets it (or is gone).
 */
export function answerParent<D, T>(answer: (data: D) => T): void {
  process.on('message', (data: D) => {
    let reply: Answer<T>;
    try {
      reply = { result: answer(data) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send?.(reply);
  });
}
