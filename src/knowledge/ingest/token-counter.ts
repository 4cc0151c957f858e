import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

/** Counts and cuts text in the tokens of OpenAI's cl100k_base, the encoding of text-embedding-3-*. */
export interface TokenCounter {
  count(text: string): number;
  encode(text: string): number[];
  decode(tokens: number[]): string;
}

let shared: Tiktoken | undefined;

export function tokenCounter(): TokenCounter {
  shared ??= new Tiktoken(cl100k);
  const encoding = shared;
  return {
    count: (text) => encoding.encode(text).length,
    encode: (text) => encoding.encode(text),
    decode: (tokens) => encoding.decode(tokens),
  };
}
