import { normalizeText } from '../text/normalize';
import { tokenSpans, words } from '../text/tokenize';
import { VECTOR_DIMS, type WordVectors } from '../text/word-vectors';
import { conceptKeys } from './concepts';
import { inRanges, rejectedRanges, splitRejected } from './rejection';

/** Keys of the dense word-vector features, kept in the same index as the sparse ones. */
export const denseKeys = Array.from({ length: VECTOR_DIMS }, (_, d) => `v:${d}`);
// Weight of the meaning (word vectors) against the surface (n-grams), both L2-normalised.
const DENSE_WEIGHT = 0.8;

/** A message normalised once, with the words it turns down, read by both kinds of features. */
export interface Reading {
  normalized: string;
  rejected: [number, number][];
  /** The text with the turned-down words blanked out, and those words alone. */
  kept: string;
  turnedDown: string;
}

export function readMessage(text: string): Reading {
  const normalized = normalizeText(text);
  const rejected = rejectedRanges(normalized);
  const { kept, rejected: turnedDown } = splitRejected(normalized, rejected);
  return { normalized, rejected, kept, turnedDown };
}

/** The mean word vector of a message's meaningful words (not the turned-down ones). */
export function denseFeatures({ kept }: Reading, vectors: WordVectors): Float32Array {
  return vectors.embed(words(kept).filter((w) => !w.endsWith('token')));
}

/**
 * Sparse features of a message: word unigrams and bigrams, and character 3–5-grams inside words
 * (robust to typos: "cancell", "ordr" share most of their n-grams with the right word). Words the
 * shopper turns down ("instead of a refund") are marked `not_` in the word features and concepts.
 */
export function featureKeys({ normalized, rejected, kept, turnedDown }: Reading): string[] {
  const spans = tokenSpans(normalized);
  const tokens = spans.map((span) => span.token);
  const marked = rejected.length === 0 ? tokens : spans.map((span) => (inRanges(rejected, span.at) ? `not_${span.token}` : span.token));
  const keys: string[] = conceptKeys(kept, turnedDown);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    keys.push(`w:${marked[i]}`);
    if (i > 0) keys.push(`b:${marked[i - 1]} ${marked[i]}`);
    // A turned-down word keeps only its marked word feature: its n-grams would still read as a request.
    if (token.length >= 3 && !token.endsWith('token') && marked[i] === token) {
      const padded = ` ${token} `;
      for (let n = 3; n <= 5; n += 1) for (let j = 0; j + n <= padded.length; j += 1) keys.push(`c:${padded.slice(j, j + n)}`);
    }
  }
  if (tokens.length > 0) {
    keys.push(`b:<s> ${marked[0]}`);
    keys.push(`len:${Math.min(tokens.length, 40) >> 2}`);
  }
  return keys;
}

/** How often each known key occurs, by feature id. */
export function keyCounts(keys: string[], index: ReadonlyMap<string, number>, counts = new Map<number, number>()): Map<number, number> {
  for (const key of keys) {
    const id = index.get(key);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Counts of keys, scaled so long e-mails do not drown short chats (L2-normalised sqrt counts). */
export function featureVector(counts: ReadonlyMap<number, number>, index: ReadonlyMap<string, number>, dense?: Float32Array): { ids: Int32Array; values: Float32Array } {
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
  /** `keys` resolved against a model's index, once per message (intent and sentiment share it). */
  counts?: Map<number, number>;
}

export const countsOf = (features: MessageFeatures, index: ReadonlyMap<string, number>) => (features.counts ??= keyCounts(features.keys, index));

export function messageFeatures(text: string, vectors: WordVectors): MessageFeatures {
  const reading = readMessage(text);
  return { keys: featureKeys(reading), dense: denseFeatures(reading, vectors) };
}
