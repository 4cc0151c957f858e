import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { BytePairEncoder, type TextPiece } from './byte-pair-encoder';

/** Counts and cuts text in the tokens of OpenAI's cl100k_base, the encoding of text-embedding-3-*. */
export interface TokenCounter {
  count(text: string): number;
  encode(text: string): number[];
  decode(tokens: number[]): string;
  /** The text's pre-tokenized pieces with their offsets and token counts. */
  pieces(text: string): TextPiece[];
}

let shared: BytePairEncoder | undefined;

/** cl100k_base's ranks (from js-tiktoken) with a merge that stays O(n log n) on any input (see byte-pair-encoder.ts). */
export function tokenCounter(): TokenCounter {
  shared ??= new BytePairEncoder(cl100k);
  const encoding = shared;
  return {
    count: (text) => encoding.count(text),
    encode: (text) => encoding.encode(text),
    decode: (tokens) => encoding.decode(tokens),
    pieces: (text) => encoding.pieces(text),
  };
}
