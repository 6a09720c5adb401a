/**
 * The build's notion of "today". Deadlines are checked against it, so it must
 * not depend on when the build happens to run: it comes from SOURCE_DATE_EPOCH,
 * else from the last commit, and only outside a git checkout from the clock.
 * Days are counted in China Standard Time (UTC+8), the time the policy is written in.
 */
import { execFileSync } from 'node:child_process';
import { dateFromEpochSeconds } from '../lib/calendar.ts';

export interface BuildDate {
  /** YYYY-MM-DD in China Standard Time. */
  date: string;
  /** Where it came from, for the build log and the page footer. */
  source: 'SOURCE_DATE_EPOCH' | 'git' | 'clock';
}

let cached: BuildDate | undefined;

export function buildDate(env: NodeJS.ProcessEnv = process.env): BuildDate {
  if (env === process.env && cached) return cached;
  let result: BuildDate;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    result = { date: dateFromEpochSeconds(Number(epoch)), source: 'SOURCE_DATE_EPOCH' };
  } else {
    let gitSeconds: number | undefined;
    try {
      const out = execFileSync('git', ['log', '-1', '--format=%ct'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      gitSeconds = /^\d+$/.test(out.trim()) ? Number(out.trim()) : undefined;
    } catch {
      gitSeconds = undefined;
    }
    result =
      gitSeconds !== undefined
        ? { date: dateFromEpochSeconds(gitSeconds), source: 'git' }
        : { date: dateFromEpochSeconds(Math.floor(Date.now() / 1000)), source: 'clock' };
  }
  if (env === process.env) cached = result;
  return result;
}
