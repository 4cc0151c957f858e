import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { BytePairEncoder, MAX_PIECE_UNITS } from './byte-pair-encoder';

const encoder = new BytePairEncoder(cl100k);
const builtin = join(import.meta.dirname, '..', 'builtin');

describe('byte-pair encoder', () => {
  test("gives tiktoken's own cl100k tokens on ordinary text, in any script", () => {
    const reference = new Tiktoken(cl100k);
    const texts = [
      ...readdirSync(builtin).map((name) => readFileSync(join(builtin, name), 'utf8')),
      'Héllo wörld! 日本語のテキスト。 Привет мир. 👨‍👩‍👧 family 🎉 مرحبا بالعالم ‏RTL‏ tabs\t\tand\r\n\n lines 12345678',
      "I'd like a refund for order #1042 — it's 2 sizes too small (EU 42 vs 44), can you help?",
      'supercalifragilisticexpialidocious aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa        spaces',
    ];
    for (const text of texts) assert.deepEqual(encoder.encode(text), reference.encode(text, 'all'), text.slice(0, 60));
  });

  test('pathological text round-trips and its pieces are cut', () => {
    for (const text of ['abcdefghij'.repeat(2000), '\u200d'.repeat(5000), '👨‍👩‍👧'.repeat(500), ' '.repeat(20000), '<|endoftext|> is text here']) {
      assert.equal(encoder.decode(encoder.encode(text)), text);
      const pieces = encoder.pieces(text);
      assert.equal(pieces.reduce((sum, piece) => sum + piece.tokens, 0), encoder.count(text));
      assert.ok(pieces.every((piece) => piece.end - piece.start <= MAX_PIECE_UNITS));
    }
  });
});
