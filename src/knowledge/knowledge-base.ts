import { createHash } from 'node:crypto';
import { AppError } from '../core/errors';
import type { Embeddings } from '../core/ports/embeddings';
import type { IngestInput, KnowledgeBase, KnowledgeHit, KnowledgeKind, RetrievalMode } from '../core/ports/knowledge';
import type { KnowledgeIndex, ScoredChunk, StoreSpace } from '../core/ports/knowledge-index';
import type { WordVectors } from '../text/word-vectors';
import { defaultChunkOptions, type ChunkOptions } from './ingest/chunker';
import { preparationWorker } from './ingest/preparation-worker';
import type { DocumentPreparer } from './ingest/prepare-document';
import { withoutNearDuplicates } from './retrieval/near-duplicates';
import { reciprocalRankFusion } from './retrieval/reciprocal-rank-fusion';
import { rerank } from './retrieval/rerank';
import { retrievalWords, stem } from './retrieval/retrieval-words';
import { correctSpelling } from './retrieval/spelling';
import { loadThesaurus, type Thesaurus } from './retrieval/thesaurus';

export interface KnowledgeBaseDeps {
  index: KnowledgeIndex;
  embeddings: Embeddings;
  vectors: WordVectors;
  thesaurus?: Thesaurus;
  /** Parses and chunks documents; by default in a worker thread (the event loop never runs it). */
  prepare?: DocumentPreparer;
  chunking?: ChunkOptions;
  /** Told once per store when its vectors were made by another model than the configured one. */
  onModelMismatch?: (storeId: string, stored: string, configured: string) => void;
}

export interface SearchOptions {
  k?: number;
  mode?: RetrievalMode;
  /** Hybrid only: skip the rerank step (for the evaluation's comparison). */
  rerank?: boolean;
}

export interface KnowledgeService extends KnowledgeBase {
  search(storeId: string, query: string, options?: SearchOptions): Promise<KnowledgeHit[]>;
  /** Re-embeds every chunk of the store with the configured model; returns the number of chunks. */
  reembed(storeId: string): Promise<number>;
  readonly embeddingModel: string;
  readonly vectorBackend: 'pgvector' | 'exact';
}

// Each retriever proposes this many candidates for fusion and rerank.
const CANDIDATES = 20;
// The local vectors are the weaker retriever (recall@5 0.77 against 0.94 for full text): they count half in the fusion.
const VECTOR_WEIGHT = 0.5;
const MAX_QUERY_CHARS = 500;
// Reciprocal rank fusion's constant (Cormack et al.'s 60; 5–20 measured no different on the blind dev set).
const RRF_K = 60;
// Each term of the OR query adds every chunk containing it to the rows ranked: the commonest words of a
// long question cost the most and tell the least, so only the few rarest in the store are searched (the rerank sees all).
const MAX_LEXICAL_TERMS = 6;
// Words counted per question (each is one index lookup): its own words first, then their synonyms.
const MAX_COUNTED_WORDS = 24;
// A synonym's weight against the question's own word.
const EXPANSION_WEIGHT = 0.6;

/** Robertson–Spärck Jones inverse document frequency (BM25's), never below a small positive floor. */
const idf = (passages: number, df: number) => Math.max(0.05, Math.log(1 + (passages - df + 0.5) / (df + 0.5)));

export function knowledgeBase(deps: KnowledgeBaseDeps): KnowledgeService {
  const { index, embeddings, vectors } = deps;
  const prepare = deps.prepare ?? preparationWorker();
  const chunking = deps.chunking ?? defaultChunkOptions;
  const related = deps.thesaurus ?? loadThesaurus();
  const warned = new Set<string>();

  /** The store's space when its vectors were made by the configured model (told once per store otherwise). */
  async function matchingSpace(storeId: string): Promise<StoreSpace | undefined> {
    const space = await index.space(storeId);
    if (!space || space.model === embeddings.model) return space;
    if (!warned.has(storeId)) {
      warned.add(storeId);
      deps.onModelMismatch?.(storeId, space.model, embeddings.model);
    }
    return undefined;
  }

  async function ingest(storeId: string, input: IngestInput, kind: KnowledgeKind = 'upload') {
    const { title, chunks } = await prepare(input, chunking);
    const source = (input.source ?? title).trim();
    const contentHash = createHash('sha256').update(`${input.format}\0${title}\0`).update(input.content).digest('hex');
    const [existing, space] = await Promise.all([index.findDocument(storeId, source), index.space(storeId)]);
    if (space && space.model !== embeddings.model) {
      throw new AppError(
        'conflict',
        `this store's knowledge was embedded with ${space.model}, the configured model is ${embeddings.model}: run \`concierge kb reembed\` first`,
      );
    }
    if (existing && existing.contentHash === contentHash && existing.kind === kind) return { document: existing, outcome: 'unchanged' as const };
    if (chunks.length === 0) throw new AppError('unprocessable', 'the document has no text to index');
    const searchTexts = chunks.map((chunk) => `${chunk.titlePath.join(' › ')}\n${chunk.content}`);
    const vectorsOfChunks = await embedInBatches(embeddings, searchTexts);
    const saved = await index.replaceDocument(
      storeId,
      { source, title, kind, format: input.format, contentHash },
      chunks.map((chunk, i) => ({
        ordinal: i,
        titlePath: chunk.titlePath,
        content: chunk.content,
        tokenCount: chunk.tokenCount,
        searchText: searchTexts[i]!,
        embedding: vectorsOfChunks[i]!,
      })),
      { model: embeddings.model, dims: embeddings.dims },
    );
    return { document: saved.document, outcome: saved.created ? ('created' as const) : ('replaced' as const) };
  }

  async function search(storeId: string, query: string, options: SearchOptions = {}): Promise<KnowledgeHit[]> {
    const k = options.k ?? 5;
    const mode = options.mode ?? 'hybrid';
    const original = retrievalWords(query.slice(0, MAX_QUERY_CHARS));
    const corrected = original.map((word) => correctSpelling(word, vectors));
    if (corrected.length === 0) return [];
    const correction = new Map(original.map((word, i) => [word, corrected[i]!]));
    const [{ chunks: lexical, specificity }, semantic] = await Promise.all([
      mode === 'vector' ? { chunks: [] as ScoredChunk[], specificity: undefined } : lexicalSearch(storeId, original, corrected),
      mode === 'lexical' ? [] : semanticSearch(storeId, embeddings.readsSentences ? query.slice(0, MAX_QUERY_CHARS) : corrected.join(' ')),
    ]);
    const judge = { queryWords: original, corrected: (word: string) => correction.get(word) ?? word, related, ...(specificity ? { specificity } : {}) };
    if (mode !== 'hybrid')
      return (mode === 'lexical' ? lexical : semantic)
        .slice(0, k)
        .map((chunk, i) =>
          toHit(
            chunk,
            chunk.score,
            mode === 'lexical' ? { lexical: i + 1 } : { vector: i + 1 },
            rerank(vectors, { ...judge, titlePath: chunk.titlePath, content: chunk.content, prior: 0 }).relevance,
          ),
        );
    const fused = reciprocalRankFusion([lexical, semantic], (chunk) => chunk.id, RRF_K, [1, VECTOR_WEIGHT]).slice(0, CANDIDATES);
    const similarity = new Map(semantic.map((chunk) => [chunk.id, chunk.score]));
    const top = fused[0]?.score ?? 1;
    const scored = fused.map(({ item, score, ranks }) => {
      const judged = rerank(vectors, {
        ...judge,
        titlePath: item.titlePath,
        content: item.content,
        prior: score / top,
        similarity: similarity.get(item.id) ?? 0,
      });
      return {
        chunk: item,
        ranks: { ...(ranks[0] ? { lexical: ranks[0] } : {}), ...(ranks[1] ? { vector: ranks[1] } : {}) },
        score: options.rerank === false ? score / top : judged.score,
        relevance: judged.relevance,
      };
    });
    scored.sort((a, b) => b.score - a.score);
    return withoutNearDuplicates(scored, ({ chunk }) => chunk.content, k).map(({ chunk, score, ranks, relevance }) => toHit(chunk, score, ranks, relevance));
  }

  /**
   * Full text over the question's words, their spelling corrections and a synonym of each from the
   * shop's thesaurus, each weighted by how rare it is among the store's own passages (IDF):
   * "klarna" in two passages says more than "payment" in twenty, and the store's own name in every
   * page says nothing. A synonym counts less than a word of the question; words no passage holds are
   * dropped.
   */
  async function lexicalSearch(storeId: string, original: string[], corrected: string[]): Promise<{ chunks: ScoredChunk[]; specificity?: (word: string) => number | undefined }> {
    const asked = [...new Set([...original, ...corrected])].filter((word) => !/^\d{1,2}$/.test(word));
    const stems = new Set(asked.map(stem));
    const expansions = new Map<string, string>();
    for (const word of asked)
      // The thesaurus's first word of another stem ("sydney" also finds "Australia"); more, or WordNet's
      // synonyms too, measured worse on the blind dev questions (ADR 0037).
      for (const other of related(word).filter((other) => !stems.has(stem(other))).slice(0, 1)) if (!expansions.has(other)) expansions.set(other, word);
    const words = [...asked, ...expansions.keys()].slice(0, MAX_COUNTED_WORDS);
    const statistics = await index.termStatistics(storeId, words);
    const weighted = words.flatMap((term, i) => {
      const df = statistics.documentFrequency[i] ?? 0;
      if (df === 0) return [];
      return [{ term, weight: idf(statistics.passages, df) * (expansions.has(term) ? EXPANSION_WEIGHT : 1) }];
    });
    weighted.sort((a, b) => b.weight - a.weight);
    const chunks = await index.lexicalSearch(storeId, weighted.slice(0, MAX_LEXICAL_TERMS), CANDIDATES);
    const frequency = new Map(words.map((word, i) => [word, statistics.documentFrequency[i] ?? 0]));
    // In (0, 1]: 1 for a word in one passage; undefined for a word in none (only its synonyms can match).
    const specificity = (word: string) => {
      const df = frequency.get(word);
      return df ? idf(statistics.passages, df) / idf(statistics.passages, 1) : undefined;
    };
    return { chunks, specificity };
  }

  async function semanticSearch(storeId: string, text: string): Promise<ScoredChunk[]> {
    const space = await matchingSpace(storeId);
    if (!space) return [];
    const [vector] = await embeddings.embed([text]);
    // No known word ("qwzxvbnm"): a zero vector has no direction, its cosine distance is NaN. Nothing is near it.
    if (!vector!.some((value) => value !== 0 && Number.isFinite(value))) return [];
    return index.vectorSearch(storeId, space, vector!, CANDIDATES);
  }

  return {
    embeddingModel: embeddings.model,
    vectorBackend: index.vectorBackend,
    ingest,
    search,
    list: (storeId, query = {}) =>
      index.listDocuments(storeId, { limit: query.limit ?? 100, ...(query.kind ? { kind: query.kind } : {}), ...(query.after ? { after: query.after } : {}) }),
    remove: (storeId, documentId) => index.deleteDocument(storeId, documentId),
    async reembed(storeId) {
      let after: string | undefined;
      let count = 0;
      const space = { model: embeddings.model, dims: embeddings.dims };
      for (;;) {
        const page = await index.chunksAfter(storeId, after, 256);
        if (page.length === 0) break;
        const made = await embeddings.embed(page.map((row) => row.searchText));
        await index.setEmbeddings(
          storeId,
          page.map((row, i) => ({ id: row.id, embedding: made[i]! })),
          space,
        );
        count += page.length;
        after = page[page.length - 1]!.id;
      }
      warned.delete(storeId);
      return count;
    },
  };
}

const toHit = (chunk: ScoredChunk, score: number, ranks: KnowledgeHit['ranks'], relevance: number): KnowledgeHit => ({
  chunkId: chunk.id,
  documentId: chunk.documentId,
  title: chunk.title,
  titlePath: chunk.titlePath,
  source: chunk.source,
  kind: chunk.kind,
  content: chunk.content,
  score: Number.isFinite(score) ? Math.round(score * 1000) / 1000 : 0,
  relevance: Number.isFinite(relevance) ? Math.round(relevance * 1000) / 1000 : 0,
  ranks,
});

/** Embeds a few chunks at a time, letting other requests run between batches (local embeddings are synchronous work). */
async function embedInBatches(embeddings: Embeddings, texts: string[], size = 16): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    out.push(...(await embeddings.embed(texts.slice(i, i + size))));
  }
  return out;
}
