import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toUnitLength } from './unit-vector';

const here = dirname(fileURLToPath(import.meta.url));
export const vectorsBinPath = join(here, 'word-vectors.bin');
export const vectorsWordsPath = join(here, 'word-vectors.txt');
export const VECTOR_DIMS = 100;

// Words too common to carry meaning in a mean of vectors.
const STOPWORDS = new Set('a an the and or but of to in on at for with by from is are was were be been am i me my we our you your it its this that these those he she they them his her their do does did have has had will would can could should there here as so if not no'.split(' '));

export interface WordVectors {
  dims: number;
  size: number;
  has(word: string): boolean;
  /** The vector of a word (dequantised, not normalised), or undefined. */
  get(word: string): Float32Array | undefined;
  /** The word's vector scaled to length 1, or undefined. */
  unit(word: string): Float32Array | undefined;
  /** 0-based frequency rank of the word in the vectors' training corpus (the table is in that order). */
  rank(word: string): number | undefined;
  /** The L2-normalised (weighted) mean of the vectors of a text's meaningful words (zeros when none are known). */
  embed(words: string[], weight?: (word: string) => number): Float32Array;
}

/** Loads the pruned, int8 word-vector table shipped in the repo (see scripts/build-word-vectors.ts). */
export function loadWordVectors(binPath = vectorsBinPath, wordsPath = vectorsWordsPath): WordVectors {
  const bytes = readFileSync(binPath);
  const words = readFileSync(wordsPath, 'utf8').split('\n').filter(Boolean);
  const index = new Map(words.map((word, i) => [word, i]));
  const stride = 4 + VECTOR_DIMS;
  const cache = new Map<string, Float32Array>();
  const get = (word: string): Float32Array | undefined => {
    const cached = cache.get(word);
    if (cached) return cached;
    const i = index.get(word);
    if (i === undefined) return undefined;
    const offset = i * stride;
    const scale = bytes.readFloatLE(offset);
    const out = new Float32Array(VECTOR_DIMS);
    for (let d = 0; d < VECTOR_DIMS; d += 1) out[d] = bytes.readInt8(offset + 4 + d) * scale;
    cache.set(word, out);
    return out;
  };
  const units = new Map<string, Float32Array>();
  const unit = (word: string): Float32Array | undefined => {
    const cached = units.get(word);
    if (cached) return cached;
    const vector = get(word);
    if (!vector) return undefined;
    const out = toUnitLength(Float32Array.from(vector));
    units.set(word, out);
    return out;
  };
  return {
    dims: VECTOR_DIMS,
    size: words.length,
    has: (word) => index.has(word),
    get,
    unit,
    rank: (word) => index.get(word),
    embed(list, weight = () => 1) {
      const sum = new Float32Array(VECTOR_DIMS);
      for (const word of list) {
        if (STOPWORDS.has(word)) continue;
        const vector = get(word);
        if (!vector) continue;
        const w = weight(word);
        for (let d = 0; d < VECTOR_DIMS; d += 1) sum[d]! += w * vector[d]!;
      }
      return toUnitLength(sum);
    },
  };
}
