import type { WordVectors } from '../../text/word-vectors';
import { retrievalWords, stem } from './retrieval-words';

export interface RerankInput {
  /** The query's content words (spelling already corrected). */
  queryWords: string[];
  titlePath: string[];
  content: string;
  /** The fused retrieval score normalised to [0, 1] (1 = the best candidate). */
  prior: number;
}

// Below this cosine two words are unrelated; above it they count in proportion.
const RELATED = 0.45;

/**
 * Scores how well a passage covers the question, in [0, 1]: every query word, weighted by its
 * rarity, is matched to its best passage word (1 for the same stem, the word-vector cosine above
 * RELATED otherwise); words of the title path count a little more (a product's name, an article's
 * heading). Blended with the retrievers' fused rank so that neither signal alone decides.
 */
export function rerankScore(vectors: WordVectors, input: RerankInput): number {
  if (input.queryWords.length === 0) return 0;
  const titleWords = new Set(retrievalWords(input.titlePath.join(' ')));
  const passageWords = new Set([...titleWords, ...retrievalWords(input.content)]);
  const passageStems = new Set([...passageWords].map(stem));
  const titleStems = new Set([...titleWords].map(stem));
  let covered = 0;
  let total = 0;
  for (const word of new Set(input.queryWords)) {
    const weight = rarity(vectors, word);
    total += weight;
    const wordStem = stem(word);
    if (passageStems.has(wordStem)) {
      covered += weight * (titleStems.has(wordStem) ? 1 : 0.9);
      continue;
    }
    covered += weight * 0.9 * bestSimilarity(vectors, word, passageWords);
  }
  const coverage = total > 0 ? covered / total : 0;
  return 0.75 * coverage + 0.25 * input.prior;
}

/** Rare words decide relevance; "order" or "item" say little. Unknown words (names, typos) count fully. */
function rarity(vectors: WordVectors, word: string): number {
  const rank = vectors.rank(word);
  if (rank === undefined) return 1;
  return rank / (rank + 300);
}

function bestSimilarity(vectors: WordVectors, word: string, passageWords: Set<string>): number {
  const query = vectors.unit(word);
  if (!query) return 0;
  let best = 0;
  for (const candidate of passageWords) {
    const vector = vectors.unit(candidate);
    if (!vector) continue;
    let dot = 0;
    for (let d = 0; d < query.length; d += 1) dot += query[d]! * vector[d]!;
    if (dot > best) best = dot;
  }
  return best <= RELATED ? 0 : (best - RELATED) / (1 - RELATED);
}
