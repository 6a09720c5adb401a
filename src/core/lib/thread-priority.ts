/**
 * A thread that yields its core to the build's main thread. On Linux a nice value belongs to a thread,
 * not to the whole process (setpriority(2), NOTES), so os.setPriority given this thread's id lowers only
 * this thread. Elsewhere, or where /proc is missing, nothing changes: a matter of speed, never of output.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value the site-files worker runs at: below the main thread, which renders the pages. */
export const YIELDING = 10;

/** Lowers this thread's priority to `nice` (never raises it: a build run under `nice` stays there); returns whether it could. */
export function yieldToOtherThreads(nice = YIELDING): boolean {
  try {
    // '/proc/thread-self' links to '<pid>/task/<thread id>'.
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(thread) || thread <= 0) return false;
    setPriority(thread, Math.max(nice, getPriority(thread)));
    return true;
  } catch {
    return false;
  }
}
