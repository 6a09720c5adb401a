import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { contentFromMessages, contentMessages } from '../../src/core/data/content-messages.ts';
import { loadContent } from '../../src/core/data/load-content.ts';
import type { LoadResult } from '../../src/core/data/validate-content.ts';
import { inboxOf } from '../../src/core/lib/run-worker.ts';
import { MINIMAL, MINIMAL_TODAY, PROJECT_ROOT } from './helpers.ts';

/** The messages as another thread receives them: each a structured clone, given in order. */
function received(messages: unknown[]): () => Promise<unknown> {
  const copies = messages.map((message) => structuredClone(message));
  return async () => copies.shift();
}

describe('the content sent to the site-files worker in parts', () => {
  let content: LoadResult;
  before(async () => {
    content = await loadContent({ contentDir: MINIMAL, projectRoot: PROJECT_ROOT, today: MINIMAL_TODAY });
    assert.equal(content.bundle?.compounds.length, 2);
  });

  it('sends the content without its compounds first, then the compounds in order, at most so many to a message', () => {
    const [head, ...parts] = contentMessages(content, 1);
    assert.equal(head.parts, 2);
    assert.deepEqual(head.content.bundle?.compounds, []);
    assert.deepEqual(head.content.bundle?.communities, content.bundle?.communities);
    assert.deepEqual(
      parts.map((part) => part.map((record) => record.slug)),
      [['ceshi-xiaoqu'], ['laojie']],
    );
    // The validated content itself is left as it was.
    assert.equal(content.bundle?.compounds.length, 2);
  });

  for (const perMessage of [1, 2, 500]) {
    it(`gives back the same content from copies of its messages (${perMessage} to a message)`, async () => {
      const [head, ...parts] = contentMessages(content, perMessage);
      assert.equal(head.parts, Math.ceil(2 / perMessage));
      const copy = await contentFromMessages(structuredClone(head), received(parts));
      assert.deepEqual(copy, content);
    });
  }

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
});
