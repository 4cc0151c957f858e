import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReply, replySubject } from './render-reply';

test('one template gives a plain-text part and an escaped HTML part saying the same', async () => {
  const { text, html } = await renderReply({ subject: 'Order <1001>', body: 'Your order shipped.\n\nTrack it: <script>x</script> & more', signOff: 'Thanks!', senderName: 'Acme Support' });
  assert.equal(text, 'Your order shipped.\n\nTrack it: <script>x</script> & more\n\nThanks!\n\nAcme Support\n');
  assert.match(html, /<p>Your order shipped.<\/p>/);
  assert.match(html, /Track it: &lt;script&gt;x&lt;\/script&gt; &amp; more/);
  assert.ok(!html.includes('<script>'));
  assert.match(html, /<title>Order &lt;1001&gt;<\/title>/);
});

test('the reply subject gets one Re:', () => {
  assert.equal(replySubject('Where is my order'), 'Re: Where is my order');
  assert.equal(replySubject('RE: Where is my order'), 'RE: Where is my order');
  assert.equal(replySubject(''), 'Re: your message');
});
