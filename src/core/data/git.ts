/**
 * The two ways the build reads git: a command's text output, and many blobs
 * through one `git cat-file --batch`. Node only. Both answer undefined when
 * git is missing or the folder is not a checkout, and callers then say that
 * there is no history; they never guess.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Runs git in `cwd` and returns its output, or undefined if git is missing or fails. */
export function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/**
 * Reads many `<rev>:<path>` blobs with one `git cat-file --batch`: one
 * process for the whole build instead of one `git show` per file and commit.
 * A blob that does not exist (no such file then, or no parent commit) is absent from the map.
 */
export function readBlobs(cwd: string, requests: string[]): Map<string, Uint8Array> | undefined {
  const blobs = new Map<string, Uint8Array>();
  if (requests.length === 0) return blobs;
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd,
    input: `${requests.join('\n')}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout) return undefined;
  const out = result.stdout;
  let at = 0;
  for (const request of requests) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) return undefined;
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const blob = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!blob) {
      // "<request> missing", or an object that is not a file (a folder where a file was expected).
      const other = /^[0-9a-f]+ \w+ (\d+)$/.exec(header);
      if (other) at += Number(other[1]) + 1;
      continue;
    }
    const size = Number(blob[1]);
    blobs.set(request, new Uint8Array(out.subarray(at, at + size)));
    at += size + 1;
  }
  return blobs;
}

/**
 * Whether `earlier` is on the first-parent line of `head` (on main, a commit main itself was at):
 * then the commits since it, first parents only, are exactly what a later build has to add to a
 * state kept at `earlier`. Not so after a rewritten history, or for a pull request's branch.
 */
export function onFirstParentLine(cwd: string, earlier: string, head: string): boolean {
  if (earlier === head) return true;
  const since = git(cwd, ['rev-list', '--first-parent', '--reverse', `${earlier}..${head}`]);
  const oldest = since?.split('\n')[0]?.trim();
  return !!oldest && git(cwd, ['rev-parse', `${oldest}^`])?.trim() === earlier;
}
