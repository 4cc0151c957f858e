import { normalizeText } from '../text/normalize';
import { tokenize, words } from '../text/tokenize';
import { VECTOR_DIMS, type WordVectors } from '../text/word-vectors';
import { conceptKeys } from './concepts';

/** Keys of the dense word-vector features, kept in the same index as the sparse ones. */
export const denseKeys = Array.from({ length: VECTOR_DIMS }, (_, d) => `v:${d}`);
// Weight of the meaning (word vectors) against the surface (n-grams), both L2-normalised.
const DENSE_WEIGHT = 0.8;

/** The mean word vector of a message's meaningful words. */
export function denseFeatures(text: string, vectors: WordVectors): Float32Array {
  return vectors.embed(words(normalizeText(text)).filter((w) => !w.endsWith('token')));
}

/**
 * Sparse features of a message: word unigrams and bigrams, and character 3–5-grams inside words
 * (robust to typos: "cancell", "ordr" share most of their n-grams with the right word).
 */
export function featureKeys(text: string): string[] {
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const keys: string[] = conceptKeys(normalized);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    keys.push(`w:${token}`);
    if (i > 0) keys.push(`b:${tokens[i - 1]} ${token}`);
    if (token.length >= 3 && !token.endsWith('token')) {
      const padded = ` ${token} `;
      for (let n = 3; n <= 5; n += 1) for (let j = 0; j + n <= padded.length; j += 1) keys.push(`c:${padded.slice(j, j + n)}`);
    }
  }
  if (tokens.length > 0) {
    keys.push(`b:<s> ${tokens[0]}`);
    keys.push(`len:${Math.min(tokens.length, 40) >> 2}`);
  }
  return keys;
}

/** Counts of keys, scaled so long e-mails do not drown short chats (L2-normalised sqrt counts). */
export function featureVector(keys: string[], index: ReadonlyMap<string, number>, dense?: Float32Array): { ids: Int32Array; values: Float32Array } {
  const counts = new Map<number, number>();
  for (const key of keys) {
    const id = index.get(key);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const denseStart = dense ? index.get(denseKeys[0]!) : undefined;
  const extra = dense && denseStart !== undefined ? dense.length : 0;
  const ids = new Int32Array(counts.size + extra);
  const values = new Float32Array(counts.size + extra);
  let norm = 0;
  let k = 0;
  for (const [id, count] of counts) {
    const value = Math.sqrt(count);
    ids[k] = id;
    values[k] = value;
    norm += value * value;
    k += 1;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < k; i += 1) values[i]! *= scale;
  for (let d = 0; d < extra; d += 1) {
    ids[k + d] = denseStart! + d;
    values[k + d] = dense![d]! * DENSE_WEIGHT;
  }
  return { ids, values };
}

/** Both kinds of features of a message, computed once and shared by the intent and sentiment models. */
export interface MessageFeatures {
  keys: string[];
  dense: Float32Array;
}

export const messageFeatures = (text: string, vectors: WordVectors): MessageFeatures => ({ keys: featureKeys(text), dense: denseFeatures(text, vectors) });
