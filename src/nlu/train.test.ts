import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadWordVectors } from '../text/word-vectors';
import { corpusHash, loadSentimentCorpus, loadTrainingCorpus, type LabelledExample } from './corpus';
import { modelPath } from './model-loader';
import { decodeModelFile, encodeModelFile } from './model-file';
import { trainNluModel } from './train';

test('training is deterministic: the same corpus gives byte-identical models', () => {
  const vectors = loadWordVectors();
  const corpus = loadTrainingCorpus();
  const sample: LabelledExample[] = ['order_status', 'refund_request', 'greeting'].flatMap((intent) => corpus.filter((e) => e.intent === intent && e.source === 'core').slice(0, 12));
  const a = encodeModelFile(trainNluModel(sample, vectors));
  const b = encodeModelFile(trainNluModel(sample, vectors));
  assert.ok(a.equals(b));
  const changed = encodeModelFile(trainNluModel([...sample, { ...sample[0]!, text: 'a brand new example' }], vectors));
  assert.ok(!changed.equals(a));
});

test('sentiment-only public posts teach sentiment and leave the intent model as it was', () => {
  const vectors = loadWordVectors();
  const sample: LabelledExample[] = ['order_status', 'refund_request', 'greeting'].flatMap((intent) => loadTrainingCorpus().filter((e) => e.intent === intent && e.source === 'core').slice(0, 12));
  const posts = Array.from({ length: 10 }, (_, i) => [
    { text: `@user worst airline ever, lost my bag again ${i}`, sentiment: 'negative' as const, source: 'test' },
    { text: `@user loved the crew today, brilliant flight ${i}`, sentiment: 'positive' as const, source: 'test' },
  ]).flat();
  const without = trainNluModel(sample, vectors);
  const withPosts = trainNluModel(sample, vectors, undefined, posts);
  assert.notEqual(withPosts.corpusHash, without.corpusHash);
  assert.ok(withPosts.featureKeys.length > without.featureKeys.length, 'frequent words of the posts join the features');
  assert.ok(withPosts.featureKeys.includes('w:airline'));
  const row = (model: typeof without, key: string) => {
    const at = model.featureKeys.indexOf(key) * model.intent.classes;
    return [...model.intent.weights.slice(at, at + model.intent.classes)];
  };
  for (const key of without.featureKeys.filter((_, i) => i % 97 === 0)) assert.deepEqual(row(withPosts, key), row(without, key), key);
  assert.deepEqual(row(withPosts, 'w:airline'), new Array(withPosts.intent.classes).fill(0), 'no intent is learned from a post');
});

test('the binary model file reads back what was written', () => {
  const corpus = loadTrainingCorpus().filter((e) => e.source === 'core').slice(0, 40);
  const model = trainNluModel(corpus, loadWordVectors());
  const back = decodeModelFile(encodeModelFile(model));
  assert.deepEqual(back.featureKeys, model.featureKeys);
  assert.deepEqual([...back.intent.weights], [...model.intent.weights]);
  assert.deepEqual([...back.sentiment.rowScale], [...model.sentiment.rowScale]);
  assert.equal(back.intent.otherThreshold, model.intent.otherThreshold);
  assert.throws(() => decodeModelFile(Buffer.from('{"version":1}')), /not an NLU model file/);
});

test('the committed model was trained on the committed corpus (run `npm run nlu:train` after editing it)', () => {
  const model = decodeModelFile(readFileSync(modelPath));
  assert.equal(model.corpusHash, corpusHash(loadTrainingCorpus(), loadSentimentCorpus()));
});
