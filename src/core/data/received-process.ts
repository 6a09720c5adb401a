/**
 * The process of git-received.ts readReceivedApart: reads the commits not yet
 * in the cache's checkpoint, keeps the new checkpoint and answers with the
 * received dates. Plain Node runs this file (type stripping), not Vite.
 */
import { answerParent } from '../lib/run-process.ts';
import { type ReceivedQuestion, readReceived } from './git-received.ts';

answerParent(({ contentDir, today, cache }: ReceivedQuestion) => readReceived(contentDir, today, cache));
