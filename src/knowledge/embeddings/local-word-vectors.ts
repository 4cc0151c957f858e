import type { Embeddings } from '../../core/ports/embeddings';
import { loadWordVectors, type WordVectors } from '../../text/word-vectors';
import { retrievalWords } from '../retrieval/retrieval-words';

/**
 * The default embedding: a frequency-weighted mean of pre-trained word vectors (GloVe-style, 100
 * dimensions, shipped pruned in src/text). Rare words weigh more: weight = r / (r + 100) for the word
 * of frequency rank r, the smooth inverse frequency of Arora et al. (2017) under Zipf's law.
 */
export function localWordVectorEmbeddings(vectors: WordVectors = loadWordVectors()): Embeddings {
  const weight = (word: string) => {
    const rank = vectors.rank(word) ?? vectors.size;
    return rank / (rank + 100);
  };
  return {
    model: 'local-word-vectors-100d-sif',
    dims: vectors.dims,
    async embed(texts) {
      return texts.map((text) => vectors.embed(retrievalWords(text), weight));
    },
  };
}
