import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { contentFromMessages, contentMessages } from '../../src/core/data/content-messages.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { LoadResult } from '../../src/core/data/validate-content.ts';
import { inboxOf } from '../../src/core/lib/run-worker.ts';
import { PROJECT_ROOT } from './helpers.ts';

/** The messages as another thread receives them: each a structured clone, given in order. */
function received(messages: unknown[]): () => Promise<unknown> {
  const copies = messages.map((message) => structuredClone(message));
  return async () => copies.shift();
}

describe('the content sent to the site-files worker in parts', () => {
  let content: LoadResult;
  before(async () => {
    // The sample: 17 compounds, companies with several, evaluations and work orders.
    content = await loadContent({
      contentDir: path.join(PROJECT_ROOT, 'content'),
      projectRoot: PROJECT_ROOT,
      today: '2026-11-20',
    });
    assert.equal(content.bundle?.compounds.length, 17);
  });

  it('sends the content without its compounds first, then the compounds in order, at most so many to a message', () => {
    const [head, ...parts] = contentMessages(content, 5);
    assert.equal(head.parts, 4);
    assert.deepEqual(head.content.bundle?.compounds, []);
    assert.deepEqual(
      parts.map((part) => part.length),
      [5, 5, 5, 2],
    );
    assert.deepEqual(
      parts.flat().map((record) => record.slug),
      content.bundle?.compounds.map((record) => record.slug),
    );
    // What the county's oversight data gives a compound is not in the parts: the head has it once.
    for (const record of parts.flat()) {
      assert.deepEqual(
        ['evaluations', 'workOrders', 'companyOversight'].filter((field) => field in record),
        [],
      );
    }
    // The validated content itself is left as it was.
    assert.equal(content.bundle?.compounds.length, 17);
    assert.ok(content.bundle?.compounds.some((record) => record.companyOversight !== undefined));
  });

  for (const perMessage of [1, 5, 500]) {
    it(`gives back the same content from copies of its messages (${perMessage} to a message)`, async () => {
      const [head, ...parts] = contentMessages(content, perMessage);
      const copy = await contentFromMessages(structuredClone(head), received(parts));
      assert.deepEqual(copy, content);
    });
  }

  it('gives the compounds of one company one object of its oversight, and the county’s own rows', async () => {
    const [head, ...parts] = contentMessages(content, 1);
    const copy = (await contentFromMessages(structuredClone(head), received(parts))).bundle;
    assert.ok(copy);
    const byCompany = Map.groupBy(copy.compounds, (record) => record.compound.company);
    const shared = [...byCompany.values()].filter((records) => records.length > 1);
    assert.ok(shared.length > 0);
    for (const records of shared) {
      for (const record of records) assert.equal(record.companyOversight, records[0]?.companyOversight);
    }
    const evaluated = copy.compounds.find((record) => (record.evaluations?.length ?? 0) > 0);
    assert.ok(evaluated?.evaluations?.[0]);
    assert.ok(copy.oversight.evaluations?.includes(evaluated.evaluations[0]));
  });

  it('shares out the strings of every part with one map', async () => {
    const [head, ...parts] = contentMessages(content, 5);
    const known = new Map<string, string>();
    await contentFromMessages(structuredClone(head), received(parts), known);
    // The name of the last compound, in the last part, was shared out too.
    assert.ok(known.has(content.bundle?.compounds.at(-1)?.compound.name ?? ''));
  });

  it('sends a result without a bundle (problems only) as its head alone', async () => {
    const failed: LoadResult = { bundle: undefined, problems: content.problems };
    const messages = contentMessages(failed);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].parts, 0);
    assert.deepEqual(await contentFromMessages(structuredClone(messages[0]), received([])), failed);
  });
});

describe('inboxOf', () => {
  let channel: MessageChannel;
  before(() => {
    channel = new MessageChannel();
  });
  after(() => {
    channel.port1.close();
  });

  it('gives every message in order, whether it arrived before it was asked for or after', async () => {
    const inbox = inboxOf(channel.port2);
    // Heard after the inbox's own listener: once it has heard both, so has the inbox.
    const delivered = new Promise<void>((resolve) => {
      let heard = 0;
      channel.port2.on('message', () => {
        heard += 1;
        if (heard === 2) resolve();
      });
    });
    channel.port1.postMessage('start');
    channel.port1.postMessage({ part: 1 });
    await delivered;
    assert.equal(await inbox.next(), 'start');
    assert.deepEqual(await inbox.next(), { part: 1 });
    const waiting = [inbox.next(), inbox.next()];
    channel.port1.postMessage('go');
    channel.port1.postMessage(42);
    assert.deepEqual(await Promise.all(waiting), ['go', 42]);
  });

  it('rejects what is asked once a message could not be read, instead of taking the next one for it', async () => {
    const { port1, port2 } = new MessageChannel();
    try {
      const inbox = inboxOf(port2);
      const waiting = inbox.next();
      port2.emit('messageerror', new Error('could not deserialize'));
      await assert.rejects(waiting, /could not deserialize/);
      const later = new Promise((resolve) => port2.once('message', resolve));
      port1.postMessage('later');
      assert.equal(await later, 'later');
      await assert.rejects(inbox.next(), /could not deserialize/);
    } finally {
      port1.close();
    }
  });
});
