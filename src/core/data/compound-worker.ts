/**
 * A worker thread of load-content.ts: validates its share of the compound
 * folders and posts the results back, in order. Plain Node runs this file
 * (type stripping), not Vite, so it imports only what validate-content.ts does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CompoundContext, type CompoundJob, validateCompound } from './validate-content.ts';

const { jobs, context } = workerData as { jobs: CompoundJob[]; context: CompoundContext };
parentPort?.postMessage(jobs.map((job) => validateCompound(job, context)));
