import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadWordVectors } from '../text/word-vectors';
import { corpusHash, loadTrainingCorpus, type LabelledExample } from './corpus';
import { modelPath } from './model-loader';
import { trainNluModel } from './train';

test('training is deterministic: the same corpus gives byte-identical models', () => {
  const vectors = loadWordVectors();
  const corpus = loadTrainingCorpus();
  const sample: LabelledExample[] = ['order_status', 'refund_request', 'greeting'].flatMap((intent) => corpus.filter((e) => e.intent === intent && e.source === 'core').slice(0, 12));
  const a = JSON.stringify(trainNluModel(sample, vectors));
  const b = JSON.stringify(trainNluModel(sample, vectors));
  assert.equal(a, b);
  const changed = JSON.stringify(trainNluModel([...sample, { ...sample[0]!, text: 'a brand new example' }], vectors));
  assert.notEqual(changed, a);
});

test('the committed model was trained on the committed corpus (run `npm run nlu:train` after editing it)', () => {
  const model = JSON.parse(readFileSync(modelPath, 'utf8')) as { corpusHash: string };
  assert.equal(model.corpusHash, corpusHash(loadTrainingCorpus()));
});
