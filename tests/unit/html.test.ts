import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, SafeHtml } from '../../src/core/lib/html.ts';

test('values are escaped, in text and in attributes', () => {
  const name = `<script>alert("公示")</script> & 'x'`;
  assert.equal(
    html`<p title="${name}">${name}</p>`.toString(),
    '<p title="&lt;script&gt;alert(&quot;公示&quot;)&lt;/script&gt; &amp; &apos;x&apos;">&lt;script&gt;alert(&quot;公示&quot;)&lt;/script&gt; &amp; &apos;x&apos;</p>',
  );
});

test('markup made by html is written as it is, lists are joined, and nothing is written for false, null and undefined', () => {
  const items = ['甲', '<乙>'].map((x) => html`<li>${x}</li>`);
  const none: string | undefined = undefined;
  assert.equal(
    html`<ul>${items}</ul>${false}${null}${none}${0}`.toString(),
    '<ul><li>甲</li><li>&lt;乙&gt;</li></ul>0',
  );
  assert.ok(html`x` instanceof SafeHtml);
});

test('text that only looks like markup stays text: SafeHtml cannot be made from a plain object', () => {
  const forged = { text: '<b>bold</b>', toString: () => '<b>bold</b>' };
  assert.equal(html`${forged as unknown as string}`.toString(), '&lt;b&gt;bold&lt;/b&gt;');
});

test('a template laid out over lines writes compact markup', () => {
  const name = '测试';
  assert.equal(
    html`
      <p class="a"
        title="${name}">
        ${name}
        <span>${name}</span>
      </p>`.toString(),
    '<p class="a" title="测试">测试<span>测试</span></p>',
  );
});
