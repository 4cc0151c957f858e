import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadModel } from '../model-loader';
import { analyzeSentiment } from './analyze';
import { sentimentCues } from './cues';

const model = loadModel();

test('support-message sentiment table', () => {
  const table: [string, 'positive' | 'neutral' | 'negative', boolean?][] = [
    ['thank you so much, the jacket is perfect!', 'positive'],
    ['where is my order #1042?', 'neutral'],
    ['I am not happy with this at all', 'negative'],
    ['great, another week of waiting for my parcel', 'negative'],
    ['THIS IS RIDICULOUS, WHERE IS MY REFUND', 'negative', true],
    ['if I do not get my money back I will do a chargeback', 'negative', true],
    ['third time I am asking, still no answer', 'negative', true],
    ['😡😡 nothing arrived', 'negative'],
    ['can I swap this for a size M', 'neutral'],
  ];
  for (const [text, expected, frustrated] of table) {
    const result = analyzeSentiment(model, text);
    assert.equal(result.sentiment, expected, text);
    assert.ok(result.score >= -1 && result.score <= 1);
    if (frustrated !== undefined) assert.equal(result.frustration, frustrated, `${text} (frustration)`);
  }
});

test('cues: negation flips, intensifiers strengthen, sarcasm and threats are seen', () => {
  assert.ok(sentimentCues('not happy').lexical < 0);
  assert.ok(sentimentCues('very disappointed').lexical < sentimentCues('disappointed').lexical);
  assert.equal(sentimentCues('oh great, another delay').sarcasm, true);
  assert.equal(sentimentCues('I will dispute the charge with my bank').churnThreat, true);
  assert.ok(sentimentCues('WHY IS NOBODY ANSWERING').capsRatio > 0.5);
});
