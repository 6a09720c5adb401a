/**
 * A worker thread of the open-data integration: writes every file under
 * /data/ from its copy of the validated records, on another core while the
 * main thread renders the pages. Plain Node runs this file (type stripping),
 * not Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OpenDataSource } from './open-data.ts';
import { writeOpenData } from './write-open-data.ts';

const { source, root } = workerData as { source: OpenDataSource; root: string };
parentPort?.postMessage(writeOpenData(source, root));
