import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureKeys, readMessage } from './features';

const turnedDown = (text: string) => readMessage(text).turnedDown;

test('the words a shopper turns down, and only those', () => {
  const table: [string, string][] = [
    ["I don't want to exchange, I want my money back", 'to exchange'],
    ['instead of a refund can I get a replacement', 'a refund'],
    ['refund? no thanks. send another kettle', 'refund'],
    ["I don't want store credit or a refund, just the same item in a large", 'store credit or a refund'],
    ["I'm not asking what it covers, I'm asking you to refund it", 'asking what it covers'],
    ['rather than exchanging later can you swap the colour', 'exchanging later'],
    ['where is my refund', ''],
    ['no refund yet??', ''],
    ["still haven't received my refund", ''],
    ['do not ship it to my old address', ''],
  ];
  for (const [text, expected] of table) assert.equal(turnedDown(text), expected, text);
});

test('turned-down words become their own features, the asked-for ones stay plain', () => {
  const keys = featureKeys(readMessage("I don't want to exchange, I want my money back"));
  assert.ok(keys.includes('w:not_exchange'));
  assert.ok(!keys.includes('w:exchange'));
  assert.ok(keys.includes('k:NOT_EXCHANGE') && keys.includes('k:REFUND'));
  assert.ok(!keys.includes('k:EXCHANGE'));
  // Nor do its character n-grams, which would still read as a request for it.
  assert.ok(!keys.includes('c:exch'));
});
