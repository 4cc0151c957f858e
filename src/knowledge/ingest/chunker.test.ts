import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chunkDocument } from './chunker';
import { parseMarkdown } from './parse-markdown';
import { tokenCounter } from './token-counter';

const counter = tokenCounter();
// 60 distinct sentences of 12–16 tokens each: enough for several 500-token chunks.
const sentences = Array.from({ length: 120 }, (_, i) => `Sentence number ${i} explains how the store handles parcels, labels and refunds for case ${i * 7}.`);

describe('chunking', () => {
  test('chunks stay within 500 tokens, end at sentence ends, and overlap by at most 50 tokens', () => {
    const parsed = parseMarkdown(`# Policy\n\n## Long section\n\n${sentences.join(' ')}`);
    const chunks = chunkDocument(parsed, 'Policy', counter);
    assert.ok(chunks.length >= 3, `expected several chunks, got ${chunks.length}`);
    for (const chunk of chunks) {
      assert.ok(chunk.tokenCount <= 500, `chunk of ${chunk.tokenCount} tokens`);
      assert.equal(chunk.tokenCount, counter.count(chunk.content));
      assert.match(chunk.content, /\.$/, 'a chunk ends at a sentence end');
      assert.deepEqual(chunk.titlePath, ['Policy', 'Long section']);
    }
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1]!.content;
      const next = chunks[i]!.content.split(/(?<=\.) /);
      const overlap = next
        .map((_, n) => next.slice(0, n + 1).join(' '))
        .filter((head) => previous.endsWith(head))
        .at(-1);
      assert.ok(overlap, `chunk ${i} starts with the end of chunk ${i - 1}`);
      const tokens = counter.count(overlap);
      assert.ok(tokens > 0 && tokens <= 50, `the overlap is ${tokens} tokens`);
    }
    // Nothing lost: every sentence is in some chunk.
    for (const sentence of sentences)
      assert.ok(
        chunks.some((chunk) => chunk.content.includes(sentence)),
        sentence,
      );
    assert.ok(chunks.at(-2)!.tokenCount > 400, 'chunks are filled close to the budget');
  });

  test('a heading always starts a new chunk, and each chunk keeps its title path', () => {
    const parsed = parseMarkdown(
      '# Shipping\n\nIntro text.\n\n## Canada\n\nWe ship to Canada.\n\n### Duties\n\nDuties are paid.\n\n## UK\n\nWe ship to the UK.',
    );
    const chunks = chunkDocument(parsed, 'Shipping', counter);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.titlePath.join(' › '), chunk.content]),
      [
        ['Shipping', 'Intro text.'],
        ['Shipping › Canada', 'We ship to Canada.'],
        ['Shipping › Canada › Duties', 'Duties are paid.'],
        ['Shipping › UK', 'We ship to the UK.'],
      ],
    );
  });

  test('a sentence longer than a chunk is cut at spaces, with the overlap carried', () => {
    const endless = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkDocument(parseMarkdown(endless), 'Doc', counter);
    assert.ok(chunks.length >= 2);
    for (const chunk of chunks) assert.ok(chunk.tokenCount <= 500, `${chunk.tokenCount}`);
    assert.ok(
      chunks.every((chunk) => !/word\d+word/.test(chunk.content)),
      'no word is glued to another',
    );
    assert.ok(chunks.at(-1)!.content.endsWith('word899'));
  });

  test('custom sizes are honoured', () => {
    const chunks = chunkDocument(parseMarkdown(sentences.slice(0, 30).join(' ')), 'Doc', counter, { maxTokens: 100, overlapTokens: 20 });
    assert.ok(chunks.length >= 5);
    for (const chunk of chunks) assert.ok(chunk.tokenCount <= 100);
  });
});
