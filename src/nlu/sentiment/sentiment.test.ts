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

test('sincere thanks and praise are not sarcasm; praise turned against a delay is', () => {
  for (const sincere of ['thanks again for sorting this out so quickly', 'great flight again, crew were lovely', 'nice, more colours this season!', 'a classic design, love it']) assert.equal(sentimentCues(sincere).sarcasm, false, sincere);
  for (const sneer of ['oh great now the zip is broken', 'perfect, still nothing from the courier', 'love how you ignore my emails', 'best customer service ever #not']) assert.equal(sentimentCues(sneer).sarcasm, true, sneer);
});

test('frustration: anger said outright, shouting, threats to leave and asking again, in shoppers\' words', () => {
  const frustrated = [
    'HAS ANYONE EVEN LOOKED AT MY TICKET',
    'honestly I am fuming, the sofa is still not here',
    'i have emailed three times now and heard nothing',
    'how many times do i need to send you the photos',
    "that's it, I'm done with this shop",
    'sort it out or i will cancel everything',
    'warning everyone i know about this company',
    'you people are liars, the tracking never moved',
  ];
  for (const text of frustrated) {
    const result = analyzeSentiment(model, text);
    assert.equal(result.sentiment, 'negative', text);
    assert.equal(result.frustration, true, `${text} (frustration)`);
  }
  for (const calm of ['THANK YOU SO MUCH, IT IS PERFECT', 'can I order the blue one again?', 'the mug is ok, a bit small']) assert.equal(analyzeSentiment(model, calm).frustration, false, calm);
  assert.notEqual(analyzeSentiment(model, 'THANK YOU SO MUCH, IT IS PERFECT').sentiment, 'negative');
});

test('public posts: handles, hashtags and emoji read as tone, not as words of the message', () => {
  const table: [string, 'positive' | 'neutral' | 'negative'][] = [
    ['@NorthwindShop thanks again, the parcel came a day early 🙌', 'positive'],
    ['@shopsupport 3 weeks and still no refund. never again #fail', 'negative'],
    ['@shop do you ship to Norway?', 'neutral'],
  ];
  for (const [text, expected] of table) assert.equal(analyzeSentiment(model, text).sentiment, expected, text);
});
