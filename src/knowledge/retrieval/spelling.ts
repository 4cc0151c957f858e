import type { WordVectors } from '../../text/word-vectors';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The most frequent known word one edit away (delete, swap, replace, insert) from an unknown word of
 * four letters or more; the word itself when it is known or nothing close is.
 */
export function correctSpelling(word: string, vectors: WordVectors): string {
  if (word.length < 4 || vectors.has(word) || /\d/.test(word)) return word;
  let best: string | undefined;
  let bestRank = Infinity;
  const consider = (candidate: string) => {
    const rank = vectors.rank(candidate);
    if (rank !== undefined && rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  };
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) consider(head + tail.slice(1));
    if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) consider(head + letter + tail.slice(1));
      consider(head + letter + tail);
    }
  }
  return best ?? word;
}
