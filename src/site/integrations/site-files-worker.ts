/**
 * The worker thread of site-files.ts. Started with the validated content before the output folder is
 * ready, it makes what does not depend on the folder (the open-data source, every compound's findings);
 * told what the previous build left (the go), it writes the open data, then printed pages 社区 by 社区
 * until the shared counter runs out (passing over what the previous build wrote and is unchanged), and
 * reports what it wrote. Plain Node runs this file (type stripping), not Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { provideValidatedContent } from '../../core/data/content-bundle.ts';
import { dashboardOf } from '../../outputs/findings-data.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { registryShare } from './page-registry.ts';
import type { SiteFilesDone, SiteFilesGo, SiteFilesStart } from './site-files.ts';
import { writeDataFiles, writePrintUnits } from './write-site-files.ts';

const port = parentPort;
if (!port) throw new Error('site-files-worker.ts runs as a worker thread');
const go = new Promise<SiteFilesGo>((resolve) => port.once('message', resolve));
const start = workerData as SiteFilesStart;
provideValidatedContent(start.content);
const source = await getOpenDataSource();
dashboardOf(source);
const { stylesheet, next, kept, segments } = await go;
const data = writeDataFiles(source, start.outDir, new Set(kept.data), segments);
const printed = await writePrintUnits(start.outDir, stylesheet, new Int32Array(next), new Set(kept.print));
const done: SiteFilesDone = { data, printed, registry: registryShare() };
port.postMessage(done);
