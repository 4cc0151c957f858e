import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSentenceEncoder } from './sentence-encoder';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

test('the sentence encoder loads from node_modules (no network) and embeds by meaning', async () => {
  const encoder = await loadSentenceEncoder();
  assert.equal(encoder, await loadSentenceEncoder(), 'loaded once per process');
  const [refund, moneyBack, tracking, empty] = encoder.embedSync(['I want a refund', 'how do I get my money back', 'where is my parcel', '']);
  assert.equal(refund!.length, 512);
  assert.ok(Math.abs(cosine(refund!, refund!) - 1) < 1e-4, 'unit length');
  assert.ok(cosine(refund!, moneyBack!) > cosine(refund!, tracking!), 'a paraphrase is nearer than another request');
  assert.ok(empty!.every(Number.isFinite), 'an empty text still gets a vector');
  // The synchronous path (two dynamic ops computed by hand) agrees with the asynchronous one, in batches too.
  const [again] = await encoder.embed(['I want a refund']);
  assert.ok(Math.abs(cosine(again!, refund!) - 1) < 1e-5);
  const long = 'the parcel never arrived and nobody answers '.repeat(25);
  const [alone] = encoder.embedSync([long]);
  const [inBatch] = encoder.embedSync([long, 'hi']);
  assert.ok(Math.abs(cosine(alone!, inBatch!) - 1) < 1e-4, 'texts over 128 tokens are clipped the same way alone and in a batch');
});
