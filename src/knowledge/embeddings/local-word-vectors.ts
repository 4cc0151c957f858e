import type { Embeddings } from '../../core/ports/embeddings';
import { loadWordVectors, type WordVectors } from '../../text/word-vectors';
import { retrievalWords } from '../retrieval/retrieval-words';

/**
 * The default embedding: a frequency-weighted mean of pre-trained word vectors (GloVe-style, 100
 * dimensions, shipped pruned in src/text). Rare words weigh more: weight = r / (r + 100) for the word
 * of frequency rank r, the smooth inverse frequency of Arora et al. (2017) under Zipf's law.
 */
export function localWordVectorEmbeddings(vectors: WordVectors = loadWordVectors()): Embeddings {
  const rankOf = vectors.rank;
  return {
    model: 'local-word-vectors-100d-sif',
    dims: vectors.dims,
    async embed(texts) {
      return texts.map((text) => embedOne(vectors, rankOf, retrievalWords(text)));
    },
  };
}

function embedOne(vectors: WordVectors, rankOf: (word: string) => number | undefined, words: string[]): Float32Array {
  const sum = new Float32Array(vectors.dims);
  for (const word of words) {
    const vector = vectors.get(word);
    if (!vector) continue;
    const rank = rankOf(word) ?? vectors.size;
    const weight = rank / (rank + 100);
    for (let d = 0; d < sum.length; d += 1) sum[d]! += weight * vector[d]!;
  }
  let norm = 0;
  for (const v of sum) norm += v * v;
  if (norm === 0) return sum;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < sum.length; d += 1) sum[d]! *= scale;
  return sum;
}
