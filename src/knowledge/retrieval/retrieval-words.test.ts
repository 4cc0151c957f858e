import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retrievalWords, stem } from './retrieval-words';

test('a word and its inflections share one stem, as PostgreSQL\'s English stemmer reads them', () => {
  // "my card keeps getting declined" must meet "if your payment is declined" and "a decline".
  for (const [a, b] of <[string, string][]>[
    ['declined', 'decline'],
    ['guaranteed', 'guarantee'],
    ['charged', 'charges'],
    ['arrived', 'arrive'],
    ['damaged', 'damage'],
    ['shipping', 'ship'],
    ['jackets', 'jacket'],
    ['refunded', 'refunds'],
  ])
    assert.equal(stem(a), stem(b), `${a} / ${b}`);
  assert.notEqual(stem('return'), stem('refund'));
});

test("a shopper's question keeps its content words", () => {
  assert.deepEqual(retrievalWords("how do I get my money back if it's damaged?"), ['money', 'back', 'damaged']);
});
