import type { WordVectors } from '../../text/word-vectors';
import { retrievalWords, stem } from './retrieval-words';

export interface RerankInput {
  /** The spelling correction of a query word, when it has one ("waranty" → "warranty"). */
  corrected?: (word: string) => string;
  /** Related words of a query word (the e-commerce thesaurus). */
  related?: (word: string) => string[];
  /** The query's content words as written.  */
  queryWords: string[];
  titlePath: string[];
  content: string;
  /** The fused retrieval score normalised to [0, 1] (1 = the best candidate). */
  prior: number;
  /** The passage's embedding similarity to the query, when the vector retriever returned it. */
  similarity?: number;
  /** The similarity's share of the score (default 0.1; a sentence encoder's is worth more, docs/adr/0040). */
  similarityWeight?: number;
}

// Below this cosine two words are unrelated; above it they count in proportion.
const RELATED = 0.35;
// A word of the same thesaurus group counts nearly as the word itself.
const SYNONYM = 0.85;
// What an unmatched word contributes to the geometric mean (0 would let one filler word veto a passage).
const MATCH_FLOOR = 0.1;

/**
 * Scores how well a passage covers the question, in [0, 1]: every query word, weighted by its
 * rarity, is matched to its best passage word (1 for the same stem, the word-vector cosine above
 * RELATED otherwise, 0.85 for a thesaurus synonym); words of the title path count a little more (a product's name, an article's
 * heading). Blended with the retrievers' fused rank so that neither signal alone decides.
 */
export function rerank(vectors: WordVectors, input: RerankInput): { score: number; relevance: number } {
  if (input.queryWords.length === 0) return { score: 0, relevance: 0 };
  const { headingStems, contextStems, passageWords, contentStems, passageStems } = passageOf(input.titlePath, input.content);
  let covered = 0;
  let total = 0;
  let logRelevance = 0;
  for (const word of new Set(input.queryWords)) {
    const weight = rarity(vectors, word);
    total += weight;
    // A word unknown to the vectors may be a typo or a name ("parka"): the better of the two counts.
    const correction = input.corrected?.(word) ?? word;
    const match = correction === word ? wordMatch(word) : Math.max(wordMatch(word), wordMatch(correction));
    covered += weight * match;
    logRelevance += weight * Math.log(Math.max(match, MATCH_FLOOR));
  }
  const coverage = total > 0 ? covered / total : 0;
  const similarityWeight = input.similarityWeight ?? 0.1;
  return {
    // Coverage and fused rank share the rest 2:1 (0.6 and 0.3 beside the default 0.1).
    score: (1 - similarityWeight) * ((2 / 3) * coverage + (1 / 3) * input.prior) + similarityWeight * Math.max(0, input.similarity ?? 0),
    // A weighted geometric mean: one important word of the question missing from the passage sinks it.
    relevance: total > 0 ? Math.exp(logRelevance / total) : 0,
  };

  function wordMatch(word: string): number {
    const wordStem = stem(word);
    if (headingStems.has(wordStem)) return 1;
    if (contentStems.has(wordStem)) return 0.9;
    if (contextStems.has(wordStem)) return 0.7;
    const synonym = input.related?.(word).some((other) => passageStems.has(stem(other))) ? SYNONYM : 0;
    return 0.9 * Math.max(synonym, bestSimilarity(vectors, word, passageWords));
  }
}

interface PassageWords {
  headingStems: Set<string>;
  contextStems: Set<string>;
  passageWords: Set<string>;
  contentStems: Set<string>;
  passageStems: Set<string>;
}

// The same passages come back query after query: their words are read once (about 1 ms of a search).
const MAX_CACHED_PASSAGES = 5000;
const passages = new Map<string, PassageWords>();

function passageOf(titlePath: string[], content: string): PassageWords {
  const key = `${titlePath.join('\u0000')}\u0001${content}`;
  let passage = passages.get(key);
  if (passage) return passage;
  // The passage's own heading (or a one-section document's title, e.g. a product name) says what it is
  // about; the title of a many-section document is shared by all its passages and says less.
  const heading = titlePath.length > 1 ? titlePath.slice(1) : titlePath;
  const passageWords = new Set([...retrievalWords(titlePath.join(' ')), ...retrievalWords(content)]);
  passage = {
    headingStems: new Set(retrievalWords(heading.join(' ')).map(stem)),
    contextStems: new Set(retrievalWords(titlePath.length > 1 ? titlePath[0]! : '').map(stem)),
    passageWords,
    contentStems: new Set(retrievalWords(content).map(stem)),
    passageStems: new Set([...passageWords].map(stem)),
  };
  if (passages.size >= MAX_CACHED_PASSAGES) passages.delete(passages.keys().next().value!);
  passages.set(key, passage);
  return passage;
}

/** Rare words decide relevance; "order" or "item" say little. Unknown words (names, typos) count fully. */
function rarity(vectors: WordVectors, word: string): number {
  // "-15c", "2", "350ml": figures rarely appear in the words of the passage that answers about them.
  if (/\d/.test(word)) return 0.2;
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
