/**
 * The validated content sent to another thread (the site-files worker,
 * src/site/integrations/site-files-worker.ts) in several messages.
 *
 * Why not one: a copy sent to a thread has its own copy of every string, so
 * the one copy per value of the validated records (src/core/lib/intern.ts)
 * is undone, and the worker held 320 MB where the records take 165 at 10,000
 * compounds. Sent a part at a time, each part's strings are made the ones
 * already received as it arrives, and the receiving thread never holds more
 * than one part's own copies.
 *
 * A message is copied on its own, so what several compounds share (their
 * company's ratings, the county's evaluation rows) would be copied into every
 * part. The parts leave it out, and the receiver attaches it again from the
 * oversight data of the head, as validation did: shared, as in the sender.
 */
import { internStrings } from '../lib/intern.ts';
import type { CompoundRecord } from './records.ts';
import { attachOversight, type LoadResult, OVERSIGHT_FIELDS } from './validate-content.ts';

/** Compounds per message: 20 messages at 10,000 compounds, each some 16 MB of copies before it is shared out. */
export const COMPOUNDS_PER_MESSAGE = 500;

/** The first message: the content without its compounds, and how many messages of compounds follow. */
export interface ContentHead {
  content: LoadResult;
  parts: number;
}

/** A compound's record without what attachOversight gives it. */
function ownPart(record: CompoundRecord): CompoundRecord {
  const own = { ...record };
  for (const field of OVERSIGHT_FIELDS) delete own[field];
  return own;
}

/** The content as its head, then its compounds in order, at most `perMessage` to a message. */
export function contentMessages(
  content: LoadResult,
  perMessage = COMPOUNDS_PER_MESSAGE,
): [ContentHead, ...CompoundRecord[][]] {
  const compounds = content.bundle?.compounds ?? [];
  const parts: CompoundRecord[][] = [];
  for (let at = 0; at < compounds.length; at += perMessage) {
    parts.push(compounds.slice(at, at + perMessage).map(ownPart));
  }
  const bundle = content.bundle && { ...content.bundle, compounds: [] };
  return [{ content: { ...content, bundle }, parts: parts.length }, ...parts];
}

/**
 * The content again, from its head and the messages of compounds that `next` gives in order, each
 * part's strings shared with those received before it as it arrives.
 */
export async function contentFromMessages(
  head: ContentHead,
  next: () => Promise<unknown>,
  known = new Map<string, string>(),
): Promise<LoadResult> {
  const content = internStrings(head.content, known);
  const compounds: CompoundRecord[] = [];
  for (let part = 0; part < head.parts; part++) {
    compounds.push(...internStrings((await next()) as CompoundRecord[], known));
  }
  if (!content.bundle) return content;
  attachOversight(compounds, content.bundle.oversight);
  return { ...content, bundle: { ...content.bundle, compounds } };
}
