/**
 * A process of load-content.ts: validates its share of the compound folders,
 * reading their files itself, and answers with the results in order, serialised
 * (kept so in the validation cache; a folder whose files changed since the main
 * process read them is left to it). Plain Node runs this file (type stripping), not Vite.
 */
import { answerParent } from '../lib/run-process.ts';
import { validateShare } from './load-content.ts';

answerParent(validateShare);
