/**
 * Reads every file of the content folder from disk and validates them all in
 * one pass, as validateContent does, with the compound folders spread over
 * the machine's cores. The Astro loaders and the command-line validator both
 * call this, so they can never disagree.
 */
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  type Stats,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { t } from '../i18n/t.ts';
import { internStrings } from '../lib/intern.ts';
import { memoize } from '../lib/memo.ts';
import { type AskedProcess, NoAnswerError, startProcess } from '../lib/run-process.ts';
import { type ReceivedRead, readReceived, readReceivedApart } from './git-received.ts';
import { readKeptBytes } from './kept-file.ts';
import type { CompoundRecord } from './records.ts';
import type { LoadScope } from './scope.ts';
import { COMPOUND_FILE } from './tables.ts';
import {
  type CompoundContext,
  type CompoundJob,
  type CompoundReferences,
  type CompoundResult,
  compoundReferences,
  type LoadResult,
  planValidation,
  type SourceFile,
  validateCompound,
} from './validate-content.ts';
import {
  type Answered,
  folderDigest,
  openValidationCache,
  programDigest,
  type ValidationCache,
} from './validation-cache.ts';

export type { LoadScope } from './scope.ts';
export type { LoadResult } from './validate-content.ts';

export interface LoadOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path file names in messages are relative to. */
  projectRoot: string;
  /** The build's today, YYYY-MM-DD. */
  today: string;
  /**
   * Processes the compound folders are validated in (1: this one, and git's history read in it too); by
   * default one per core once there are enough compounds to pay for them.
   */
  processes?: number;
  /** Minutes a validation process may go without answering before it is stopped; by default ten. */
  answerWithin?: number;
  /** false: do not read git for the days rows were received (every typed date then stands, labelled). */
  history?: boolean;
  /** Where validation results are kept between runs (validation-cache.ts); none: every folder is validated. */
  cacheDir?: string;
  /**
   * Validate only these compounds in full (and those naming these 社区 or companies); of the others
   * only what the county-wide checks need is read. The result then has problems but no bundle.
   */
  scope?: LoadScope;
}

/** A slab the files of a tree are read into (FileSlabs): as large as glibc's largest threshold for mapping memory of its own. */
const SLAB_BYTES = 32 * 1024 * 1024;

/**
 * Where readTree reads the files of a tree: one after the other into slabs of 32 MB, not each into a
 * buffer of its own. Tens of thousands of small buffers (164 MB at 10,000 compounds) come from glibc's
 * heap, which keeps their memory once they are freed: the build carried it to the end. A slab this
 * large is mapped and unmapped on its own, and goes back to the system with the last file read into it.
 * (10,000 compounds, cold: the main process held 784–788 MiB after validating, 705–732 with slabs, V8's
 * heap being 310 of them.)
 */
class FileSlabs {
  private slab = Buffer.alloc(0);
  private used = 0;

  /**
   * The bytes of the open file `fd`, whose size was `size`: never more (fewer if it shrank since). A file
   * that grows meanwhile is read as it was; validation-process.ts then finds another digest, and this
   * process validates what it read.
   */
  read(fd: number, size: number): Uint8Array {
    // A large file is read on its own: it would leave most of a slab empty. A size of 0 may be a file
    // whose size the system does not know (procfs, some FUSE): read to its end.
    if (size === 0 || size > SLAB_BYTES / 16) return readFileSync(fd);
    if (this.used + size > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.used = 0;
    }
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n) {
      n = readSync(fd, this.slab, this.used + read, size - read, read);
    }
    const bytes = this.slab.subarray(this.used, this.used + read);
    this.used += read;
    return bytes;
  }
}

/**
 * One path's bytes, if it is a plain file. A symbolic link or a special file
 * (device, pipe, socket) is named and never opened; O_NOFOLLOW makes sure a
 * link that appears between listing and reading is not followed either.
 */
export function readSourceFile(
  absolute: string,
  relative: string,
  entry?: Dirent | Stats,
  slabs?: FileSlabs,
): SourceFile {
  const kind = entry ?? lstatSync(absolute);
  if (kind.isSymbolicLink()) return { path: relative, bytes: new Uint8Array(), special: 'symlink' };
  if (!kind.isFile()) return { path: relative, bytes: new Uint8Array(), special: 'other' };
  let fd: number;
  try {
    // O_NONBLOCK: a pipe put in place of the file must not keep the build waiting.
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      return { path: relative, bytes: new Uint8Array(), special: 'symlink' };
    }
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { path: relative, bytes: new Uint8Array(), special: 'other' };
    return { path: relative, bytes: slabs ? slabs.read(fd, stats.size) : readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Every file below `dir`, hidden ones included: nothing in content/ may go
 * unseen. Read synchronously: nothing else runs while the content is read,
 * and tens of thousands of small files are read several times faster than through
 * promises. Links are listed, never followed: a folder that is a link is not entered.
 */
export function readTree(dir: string, base = '', slabs = new FileSlabs()): SourceFile[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(dir, base), { withFileTypes: true });
  } catch {
    return [];
  }
  // An empty folder still means something (a compound without its compound.yaml).
  if (entries.length === 0 && base) return [{ path: `${base}/`, bytes: new Uint8Array() }];
  return entries.flatMap((entry) => readEntry(dir, base ? `${base}/${entry.name}` : entry.name, entry, slabs));
}

/** One listed entry below `dir`: a folder's whole tree, or the file itself. */
function readEntry(dir: string, relative: string, entry: Dirent, slabs: FileSlabs): SourceFile[] {
  return entry.isDirectory()
    ? readTree(dir, relative, slabs)
    : [readSourceFile(path.join(dir, relative), relative, entry, slabs)];
}

/**
 * Below this many compounds the folders are validated in this process alone:
 * starting a process (its modules, its schemas) costs about as much as a few
 * hundred compounds.
 */
const PARALLEL_FROM = 500;

/** The validation process's source file: run by Node itself, so found from the project root, not from a bundle. */
const processFile = (projectRoot: string) => path.join(projectRoot, 'src', 'core', 'data', 'validation-process.ts');

/** Splits the jobs into at most `parts` runs of about equal bytes, in order. */
function shares(jobs: CompoundJob[], parts: number): CompoundJob[][] {
  const size = (job: CompoundJob) => job.files.reduce((sum, [, file]) => sum + file.bytes.length, 0);
  const total = jobs.reduce((sum, job) => sum + size(job), 0);
  const result: CompoundJob[][] = [[]];
  let done = 0;
  for (const job of jobs) {
    const current = result[result.length - 1] as CompoundJob[];
    const full = current.length > 0 && result.length < parts && done >= (total * result.length) / parts;
    if (full) result.push([job]);
    else current.push(job);
    done += size(job);
  }
  return result;
}

/** What a validation process is sent: its share of the jobs, their files named but not their bytes. */
export interface ValidationShare {
  jobs: CompoundJob[];
  /** Each job's folderDigest as this process read it, in the jobs' order (none for a brief job). */
  digests: (string | undefined)[];
  context: CompoundContext;
  /** Where the files' paths lead from. */
  contentDir: string;
}

const NO_BYTES = new Uint8Array();

/** The job with its files named, their bytes left behind: the process reads them itself rather than be sent them. */
const withoutBytes = (job: CompoundJob): CompoundJob => ({
  ...job,
  files: job.files.map(([name, file]) => [name, { ...file, bytes: NO_BYTES }]),
});

/** The job's files read again from the content folder; undefined if one can no longer be read as a plain file. */
function readAgain(job: CompoundJob, contentDir: string): CompoundJob | undefined {
  const files: CompoundJob['files'] = [];
  for (const [name, file] of job.files) {
    let again: SourceFile;
    try {
      again = readSourceFile(path.join(contentDir, file.path), file.path);
    } catch {
      return undefined;
    }
    if (again.special) return undefined;
    files.push([name, again]);
  }
  return { ...job, files };
}

/**
 * Validates a share in the process it was sent to (validation-process.ts), in order. A folder whose files
 * are not the bytes the sending process read is not validated here: that process validates its own reading,
 * so that a run in several processes finds exactly what one process would.
 */
export function validateShare({ jobs, digests, context, contentDir }: ValidationShare): Uint8Array {
  const answers = jobs.map((sent, i): Answered => {
    if (sent.brief) return { result: validateCompound(sent, context) };
    const job = readAgain(sent, contentDir);
    if (!job || folderDigest(job) !== digests[i]) return { changed: true };
    return { result: validateCompound(job, context) };
  });
  // Serialised here, the answers are bytes the main process keeps in its cache as they are (validation-cache.ts).
  return serialize(answers);
}

/** Where the results of a run are kept for the next, if anywhere. */
type Keeper = Pick<ValidationCache, 'keepAnswers' | 'keepResults'> | undefined;

/** The compounds a share holds, for a message about it: `compounds/a … compounds/z`. */
const shareName = (share: readonly CompoundJob[]) =>
  share.length === 1
    ? `compounds/${share[0]?.slug}`
    : `compounds/${share[0]?.slug} … compounds/${share[share.length - 1]?.slug}`;

/** The answers in what a validation process sent, or undefined if it is not a list of them. */
function answersIn(bytes: Uint8Array): Answered[] | undefined {
  const answers = readKeptBytes<unknown>(bytes);
  return Array.isArray(answers) ? answers : undefined;
}

/** A share sent to a process of its own (validation-process.ts); its answers, serialised, once it has validated them. */
async function askShare(
  validator: AskedProcess<Uint8Array>,
  share: CompoundJob[],
  context: CompoundContext,
  contentDir: string,
  digestOf: (job: CompoundJob) => string,
): Promise<Uint8Array> {
  const sent: ValidationShare = {
    jobs: share.map(withoutBytes),
    digests: share.map((job) => (job.brief ? undefined : digestOf(job))),
    context,
    contentDir,
  };
  try {
    return await validator.ask(sent);
  } catch (error) {
    if (error instanceof NoAnswerError) {
      throw new Error(t('load.processHung', { folders: shareName(share), minutes: error.minutes }));
    }
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(t('load.processFailed', { folders: shareName(share), cause }));
  }
}

/** A share's results from a process's answers, kept in the cache as they came; a folder changed since it was read here is validated here. */
function readAnswers(
  share: CompoundJob[],
  bytes: Uint8Array,
  context: CompoundContext,
  known: Map<string, string>,
  keeper: Keeper,
): CompoundResult[] {
  const answers = answersIn(bytes);
  if (answers?.length !== share.length) {
    const count = answers ? answers.length : 'none';
    throw new Error(`the validation process answered for ${count} of ${share.length} compound folders`);
  }
  // Each answer is a copy with its own strings: shared out as it arrives, the copies of the shares do not pile up.
  internStrings(answers, known);
  keeper?.keepAnswers(share, bytes);
  const changed = share.filter((_, i) => 'changed' in (answers[i] as Answered));
  const again = changed.map((job) => validateCompound(job, context));
  keeper?.keepResults(changed, again);
  let next = 0;
  return answers.map((answer) => ('changed' in answer ? (again[next++] as CompoundResult) : answer.result));
}

/**
 * Shares per process: a process that is done takes the next share, so that one slower on its folders
 * does not keep the others waiting (two equal halves by bytes differed by 1.3 s at 10,000 compounds).
 */
const SHARES_PER_PROCESS = 8;

/**
 * How long a validation process may go without answering before it is stopped. A share takes about a
 * second at 10,000 compounds, and a share of a county ten times larger on a machine several times slower
 * well under a minute: ten minutes without an answer means it is stuck, most likely on one file.
 */
const ANSWER_WITHIN_MINUTES = 10;

/** How many processes `jobs` are worth: one per core once there are enough, unless told. */
function processCount(jobs: CompoundJob[], processes: number | undefined): number {
  // A brief job (a scoped check's compound outside the scope) costs nothing: only full ones count.
  const wanted = Math.ceil(jobs.filter((job) => !job.brief).length / PARALLEL_FROM);
  return processes ?? Math.min(availableParallelism(), wanted);
}

/**
 * Validates the compound folders on every core: in a process per core once
 * there are enough of them, each taking share after share of the folders
 * (by bytes) until none is left, while this one waits. The results are put
 * back in the jobs' order, so problems and compounds are listed exactly as in
 * one process. If one process fails, the others are stopped. `coreFree` is called
 * as each process, out of shares, has ended.
 */
async function validateCompounds(
  jobs: CompoundJob[],
  context: CompoundContext,
  { projectRoot, contentDir, processes, answerWithin }: LoadOptions,
  digestOf: (job: CompoundJob) => string,
  known: Map<string, string>,
  coreFree: () => void,
  keeper?: Keeper,
): Promise<CompoundResult[]> {
  const count = processCount(jobs, processes);
  if (count <= 1 || jobs.length < 2) {
    const results = jobs.map((job) => validateCompound(job, context));
    keeper?.keepResults(jobs, results);
    return results;
  }
  const stop = new AbortController();
  const parts = shares(jobs, count * SHARES_PER_PROCESS);
  const results: CompoundResult[][] = [];
  let next = 0;
  const validators = Array.from({ length: Math.min(count, parts.length) }, async () => {
    const validator = startProcess<Uint8Array>(processFile(projectRoot), {
      signal: stop.signal,
      answerWithin: answerWithin ?? ANSWER_WITHIN_MINUTES,
    });
    const take = () => {
      const i = next++;
      if (i >= parts.length) return undefined;
      const share = parts[i] as CompoundJob[];
      const answer = askShare(validator, share, context, contentDir, digestOf);
      // Awaited in turn below; if this process fails first, the share's answer is of no more interest.
      answer.catch(() => {});
      return { i, share, answer };
    };
    try {
      for (let asked = take(); asked; ) {
        const bytes = await asked.answer;
        const answered = asked;
        // The process has its next share before this one's answers are read here: it validates meanwhile.
        asked = take();
        if (!asked) {
          // Out of shares: it ends now, not after its answers are read, and its core is free.
          validator.end();
          coreFree();
        }
        results[answered.i] = readAnswers(answered.share, bytes, context, known, keeper);
      }
    } finally {
      validator.end();
    }
  });
  try {
    await Promise.all(validators);
  } catch (error) {
    stop.abort();
    throw error;
  }
  return results.flat();
}

/**
 * validateCompounds, with the folders unchanged since the last run answered from the cache; each result
 * comes with its folder's digest (a scoped check, which keeps no cache, has none).
 * A scoped check reads too little to be worth caching, and never replaces a full run's cache.
 */
async function validateWithCache(
  jobs: CompoundJob[],
  context: CompoundContext,
  options: LoadOptions,
  known: Map<string, string>,
  coreFree: () => void,
  program: string | undefined,
): Promise<{ results: CompoundResult[]; hits: number; digests: Map<string, string> }> {
  if (options.scope) {
    const results = await validateCompounds(jobs, context, options, memoize(folderDigest), known, coreFree);
    return { results, hits: 0, digests: new Map() };
  }
  const cache =
    options.cacheDir && program ? openValidationCache(options.cacheDir, context, program, known) : undefined;
  const keyOf = cache?.keyOf ?? memoize(folderDigest);
  const cached = jobs.map((job) => cache?.get(job));
  const missing = jobs.filter((_, i) => cached[i] === undefined);
  const fresh = await validateCompounds(missing, context, options, keyOf, known, coreFree, cache);
  let next = 0;
  const results = cached.map((result) => result ?? (fresh[next++] as CompoundResult));
  cache?.prune(jobs, results);
  return { results, hits: cache?.hits ?? 0, digests: new Map(jobs.map((job) => [job.slug, keyOf(job)])) };
}

export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const shownDir = path.relative(options.projectRoot, options.contentDir).split(path.sep).join('/');
  // The content folder itself must not lead elsewhere either: a pull request could replace it with a link.
  if (lstatSync(options.contentDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const expected = t('load.symlink');
    const problem = {
      file: shownDir,
      line: 1,
      column: 1,
      field: '',
      label: t('load.file'),
      expected,
      severity: 'error',
    } as const;
    return { bundle: undefined, problems: [problem] };
  }
  const scoped = options.scope ? readScopedTree(options.contentDir, options.scope) : undefined;
  const plan = planValidation(scoped?.files ?? readTree(options.contentDir), {
    today: options.today,
    displayPrefix: shownDir ? `${shownDir}/` : '',
    mode: 'tree',
  });
  const jobs = scoped ? plan.compounds.map((job) => withBrief(job, scoped.briefs.get(job.slug))) : plan.compounds;
  // One copy of each string for the whole run: the answers of the validation processes share theirs out as
  // they arrive, and the bundle is then made of them (validate-content.ts).
  const known = new Map<string, string>();
  const coreFree = Promise.withResolvers<void>();
  // The code's digest, which the validation cache and the received dates' checkpoint are both kept under.
  const program = options.cacheDir ? programDigest(options.projectRoot) : undefined;
  const validating = validateWithCache(jobs, plan.context, options, known, coreFree.resolve, program);
  const stop = new AbortController();
  const apart = processCount(jobs, options.processes) > 1;
  const ready = Promise.race([coreFree.promise, validating]);
  const receiving = readReceivedOnceReady(ready, apart, options, program, stop.signal);
  try {
    const validated = await validating;
    const result = plan.finish(validated.results, known);
    if (validated.hits > 0) result.cachedCompounds = validated.hits;
    if (result.bundle) {
      attachReceived(result.bundle.compounds, await receiving);
      for (const record of result.bundle.compounds) record.digest = validated.digests.get(record.slug);
    }
    return result;
  } finally {
    // Content with errors has no use for the days: a read still going on is stopped.
    stop.abort();
  }
}

const withBrief = (job: CompoundJob, brief: CompoundReferences | undefined): CompoundJob =>
  brief ? { ...job, brief } : job;

/**
 * The content folder as a scoped check reads it: every county-wide file, the compound folders in
 * scope in full, and of every other compound only its compound.yaml, whose references decide
 * whether a changed 社区 or company brings it into scope. `briefs` holds the compounds left out.
 */
function readScopedTree(
  contentDir: string,
  scope: LoadScope,
): { files: SourceFile[]; briefs: Map<string, CompoundReferences> } {
  const files: SourceFile[] = [];
  const briefs = new Map<string, CompoundReferences>();
  const slabs = new FileSlabs();
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (entry.name !== 'compounds' || !entry.isDirectory()) {
      files.push(...readEntry(contentDir, entry.name, entry, slabs));
      continue;
    }
    for (const folder of readdirSync(path.join(contentDir, 'compounds'), { withFileTypes: true })) {
      const relative = `compounds/${folder.name}`;
      if (!folder.isDirectory() || scope.compounds.has(folder.name)) {
        files.push(...readEntry(contentDir, relative, folder, slabs));
        continue;
      }
      const yamlPath = `${relative}/${COMPOUND_FILE}`;
      const yaml = lstatSync(path.join(contentDir, yamlPath), { throwIfNoEntry: false });
      const file = yaml ? readSourceFile(path.join(contentDir, yamlPath), yamlPath, yaml, slabs) : undefined;
      const references = file && !file.special ? compoundReferences(file.bytes) : {};
      const named =
        (references.community !== undefined && scope.communities.has(references.community)) ||
        (references.company !== undefined && scope.companies.has(references.company));
      if (named) {
        files.push(...readTree(contentDir, relative, slabs));
        continue;
      }
      files.push(file ?? { path: `${relative}/`, bytes: new Uint8Array() });
      briefs.set(folder.name, references);
    }
  }
  return { files, briefs };
}

/**
 * The days the dated rows reached the repository, read once `ready` settles (`apart`: in a process of
 * its own, as the validation is when there are enough compounds to pay for one): when a validation
 * process runs out of folders (the read needs no validation, and takes the core it leaves; started
 * earlier, it would add its 300–400 MB to the validation's peak), or when the validation is over.
 * Undefined when there is no history to read. A failure surfaces only where the read is awaited.
 */
function readReceivedOnceReady(
  ready: Promise<unknown>,
  apart: boolean,
  options: LoadOptions,
  program: string | undefined,
  signal: AbortSignal,
): Promise<ReceivedRead | undefined> {
  const read = async () => {
    await ready.catch(() => {});
    if (options.history === false || signal.aborted) return undefined;
    const { contentDir, today, projectRoot } = options;
    const cache = options.cacheDir && program ? { dir: options.cacheDir, program } : undefined;
    return apart
      ? await readReceivedApart(contentDir, today, cache, projectRoot, signal)
      : readReceived(contentDir, today, cache);
  };
  const reading = read();
  reading.catch(() => {});
  return reading;
}

/** Gives each compound the days its dated rows reached the repository, or says that there is no history. */
function attachReceived(compounds: CompoundRecord[], read: ReceivedRead | undefined): void {
  const received = read?.received;
  for (const record of compounds) {
    record.received = received
      ? (received.get(record.slug) ?? { source: 'git', rows: {} })
      : { source: 'none', rows: {} };
  }
}
