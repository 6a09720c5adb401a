/**
 * The worker thread of site-files.ts: writes the open data, then printed
 * pages 社区 by 社区 until the shared counter runs out (passing over what the
 * previous build wrote and is unchanged), and reports what it wrote. Plain Node runs this file (type stripping), not Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { provideValidatedContent } from '../../core/data/content-bundle.ts';
import { getOpenDataSource } from '../../outputs/open-data-source.ts';
import { registryShare } from './page-registry.ts';
import type { SiteFilesDone, SiteFilesSetup } from './site-files.ts';
import { writeDataFiles, writePrintUnits } from './write-site-files.ts';

const setup = workerData as SiteFilesSetup;
provideValidatedContent(setup.content);
const data = writeDataFiles(await getOpenDataSource(), setup.outDir, new Set(setup.kept.data), setup.segments);
const printed = await writePrintUnits(
  setup.outDir,
  setup.stylesheet,
  new Int32Array(setup.next),
  new Set(setup.kept.print),
);
const done: SiteFilesDone = { data, printed, registry: registryShare() };
parentPort?.postMessage(done);
