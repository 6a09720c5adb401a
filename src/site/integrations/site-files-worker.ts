/**
 * The worker thread of site-files.ts. Started as the build starts, it loads its code while the main
 * thread validates the content. Sent the validated content (the start, its compounds following in
 * parts: content-messages.ts), before the output folder is ready, it makes what does not depend on the folder (the open-data source, every compound's findings)
 * and posts the findings at once, for the pages of the main thread. Told what the previous build left
 * (the go), it writes the open data, then printed pages 社区 by 社区 until the shared counter runs out
 * (passing over what the previous build wrote and is unchanged), and reports what it wrote. Plain Node
 * runs this file (type stripping), not Vite.
 */
import { parentPort } from 'node:worker_threads';
import { provideValidatedContent } from '../../core/data/content-bundle.ts';
import { contentFromMessages } from '../../core/data/content-messages.ts';
import type { LoadResult } from '../../core/data/load-content.ts';
import { inboxOf } from '../../core/lib/run-worker.ts';
import { yieldToOtherThreads } from '../../core/lib/thread-priority.ts';
import { evaluateCompound } from '../../core/model/compliance.ts';
import { dashboardOf } from '../../outputs/findings-data.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { registryShare } from './page-registry.ts';
import type { SiteFilesDone, SiteFilesEvaluated, SiteFilesGo, SiteFilesStart } from './site-files.ts';
import { writeDataFiles, writePrintUnits } from './write-site-files.ts';

const port = parentPort;
if (!port) throw new Error('site-files-worker.ts runs as a worker thread');
const inbox = inboxOf(port);
const start = (await inbox.next()) as SiteFilesStart;
const content = await contentFromMessages(start.content, inbox.next);
provideValidatedContent(content);
if (rendersMostPages(content)) yieldToOtherThreads();
const source = await getOpenDataSource();
const evaluated: SiteFilesEvaluated = {
  today: source.today,
  findings: source.compounds.map((record) => [record.slug, evaluateCompound(record, source.today)]),
};
port.postMessage(evaluated);
dashboardOf(source);
const { stylesheet, next, kept, segments } = (await inbox.next()) as SiteFilesGo;
const data = writeDataFiles(source, start.outDir, new Set(kept.data), segments);
const printed = await writePrintUnits(start.outDir, stylesheet, new Int32Array(next), new Set(kept.print));
const done: SiteFilesDone = { data, printed, registry: registryShare() };
port.postMessage(done);

/**
 * Whether the main thread renders most pages in this build: when most compounds were validated anew
 * (new data or a new program), their pages are new too. The build then ends when the main thread has
 * rendered them, and on two cores this thread, the garbage collector's and Pagefind's compete with it:
 * given way to, it finishes sooner, and so does this thread (10,000 compounds, four builds each: 46.3–48.0 s
 * against 49.2–51.5 s). When the pages come from the previous build, this thread is the one the build
 * waits for, and giving way to Pagefind made a rebuild into an empty folder 28 → 34 s.
 */
function rendersMostPages(content: LoadResult): boolean {
  const compounds = content.bundle?.compounds.length ?? 0;
  return (content.cachedCompounds ?? 0) < compounds / 2;
}
