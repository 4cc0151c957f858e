import type { KnowledgeAnswer, KnowledgeHit, KnowledgeKind } from '../../core/ports/knowledge';
import type { StoreSettings } from '../../core/settings';
import type { WordVectors } from '../../text/word-vectors';
import { splitSentences } from '../ingest/sentences';
import type { KnowledgeService } from '../knowledge-base';
import { rerank } from '../retrieval/rerank';
import { retrievalWords, stem } from '../retrieval/retrieval-words';
import { loadThesaurus, type Thesaurus } from '../retrieval/thesaurus';
import { correctSpelling } from '../retrieval/spelling';

export interface GroundedAnswerOptions {
  /** A passage less relevant than this does not answer the question (chosen on `concierge kb eval`, see docs/adr/0006). */
  minRelevance: number;
  /** From this relevance on the answer is given plainly; between the two it is offered with a way to a human. */
  confidentRelevance: number;
  /** Before answering: bring the default articles up to date with the settings. */
  beforeSearch?: (storeId: string, settings: StoreSettings) => Promise<void>;
  thesaurus?: Thesaurus;
}

// A passage this short is quoted whole; a longer one by its sentences closest to the question.
const WHOLE_PASSAGE_WORDS = 70;
const MAX_SENTENCES = 3;
const PREFERENCE_MARGIN = 0.1;

/**
 * Answers a question with sentences quoted from the best passage of the store's knowledge base,
 * with its source; found:false when no passage is relevant enough, so the agent says so instead of guessing.
 */
export function groundedAnswerer(knowledge: KnowledgeService, vectors: WordVectors, options: GroundedAnswerOptions) {
  const thesaurus = options.thesaurus ?? loadThesaurus();
  return async (storeId: string, question: string, settings: StoreSettings, ask: { prefer?: KnowledgeKind } = {}): Promise<KnowledgeAnswer> => {
    await options.beforeSearch?.(storeId, settings);
    const hits = await knowledge.search(storeId, question, { k: 5 });
    const top = hits[0];
    if (!top || top.relevance < options.minRelevance) return { found: false, answer: '', citations: [] };
    // A product question answered by a product page nearly as well as by an article is answered by the product page.
    const preferred = ask.prefer
      ? hits.find((hit) => hit.kind === ask.prefer && hit.relevance >= options.minRelevance && hit.score >= top.score - PREFERENCE_MARGIN)
      : undefined;
    const best = preferred ?? top;
    const queryWords = retrievalWords(question);
    return {
      found: true,
      confident: best.relevance >= options.confidentRelevance,
      answer: quote(best, queryWords, vectors, thesaurus),
      title: best.title,
      kind: best.kind,
      citations: [{ title: best.titlePath.join(' › '), source: best.source, documentId: best.documentId, chunkId: best.chunkId, score: best.score }],
      passages: [best, ...hits.filter((hit) => hit !== best && hit.relevance >= options.minRelevance)]
        .slice(0, 3)
        .map((hit) => ({ title: hit.titlePath.join(' › '), source: hit.source, text: hit.content, documentId: hit.documentId, chunkId: hit.chunkId })),
    };
  };
}

function quote(hit: KnowledgeHit, queryWords: string[], vectors: WordVectors, thesaurus: Thesaurus): string {
  // A short article section is its own answer; a product page mixes a description and a list of
  // facts (price, sizes, stock), of which only what the question is about is quoted.
  if (hit.kind !== 'product' && hit.content.split(/\s+/).length <= WHOLE_PASSAGE_WORDS) return hit.content;
  const corrections = new Map(queryWords.map((word) => [word, correctSpelling(word, vectors)]));
  const corrected = (word: string) => corrections.get(word) ?? word;
  // The product's name says which product; the rest of the question says what about it.
  const nameStems = new Set(hit.kind === 'product' ? retrievalWords(hit.title).map(stem) : []);
  const asked = queryWords.filter((word) => !nameStems.has(stem(word)) && !nameStems.has(stem(corrected(word))));
  const words = asked.length > 0 ? asked : queryWords;
  const units = hit.content
    .split('\n')
    .filter((line) => !line.startsWith('- Tags:')) // for search, not for shoppers
    .flatMap((line) => (line.startsWith('- ') ? [`${line.slice(2)}.`] : splitSentences(line)))
    .filter((unit) => unit.trim().length > 1);
  const scored = units.map((text, index) => ({
    text,
    index,
    score: rerank(vectors, { queryWords: words, corrected, related: thesaurus, titlePath: [], content: text, prior: 0 }).score,
  }));
  const top = [...scored].sort((a, b) => b.score - a.score).slice(0, hit.kind === 'product' ? 2 : MAX_SENTENCES);
  const bar = (top[0]?.score ?? 0) * 0.6;
  return top
    .filter((unit) => unit.score >= bar)
    .sort((a, b) => a.index - b.index)
    .map((unit) => unit.text)
    .join(' ');
}
