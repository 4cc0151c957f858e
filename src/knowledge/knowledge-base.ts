import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { AppError } from '../core/errors';
import type { Embeddings } from '../core/ports/embeddings';
import type { IngestInput, IngestResult, KnowledgeBase, KnowledgeHit, KnowledgeKind, RetrievalMode } from '../core/ports/knowledge';
import type { AcceptedRow, KnowledgeIndex, ScoredChunk, StoreSpace } from '../core/ports/knowledge-index';
import type { WordVectors } from '../text/word-vectors';
import { defaultChunkOptions, type ChunkOptions } from './ingest/chunker';
import { preparationWorker } from './ingest/preparation-worker';
import type { DocumentPreparer } from './ingest/prepare-document';
import { reciprocalRankFusion } from './retrieval/reciprocal-rank-fusion';
import { passageSimilarity, passageUnits } from './retrieval/passage-units';
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
  /** `into`: the row an accepted upload made, whose id the indexed document keeps (docs/adr/0033). */
  ingest(storeId: string, input: IngestInput, kind?: KnowledgeKind, into?: AcceptedRow): Promise<IngestResult>;
  /** Refuses (409) when the store's vectors were made by another model than the configured one. */
  assertModel(storeId: string): Promise<void>;
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
/**
 * A sentence encoder scored by its best sentence is the stronger retriever on others' wording (blind sets:
 * recall@5 0.84 and 0.71 against 0.69 and 0.61 for full text, docs/adr/0040): it counts fully in the fusion,
 * and its similarity weighs 0.3 of the rerank score instead of 0.1.
 */
const SENTENCE_VECTOR_WEIGHT = 1;
const SENTENCE_SIMILARITY_WEIGHT = 0.3;
const LOCAL_SIMILARITY_WEIGHT = 0.1;
// A sentence encoder's nearest passages by whole-passage vector, re-scored with their sentences: the pool read.
const UNIT_POOL = 50;
// Passages whose sentence vectors stay in memory: about 12 KB each (six sentences of 512 floats), ~25 MB in all.
const MAX_CACHED_UNIT_PASSAGES = 2_000;
const MAX_QUERY_CHARS = 500;
// Each term of the OR query adds every chunk containing it to the rows ranked: the commonest words of a
// long question cost the most and tell the least, so only the rarest few are searched (the rerank sees all).
const MAX_LEXICAL_TERMS = 4;

export function knowledgeBase(deps: KnowledgeBaseDeps): KnowledgeService {
  const { index, embeddings, vectors } = deps;
  const prepare = deps.prepare ?? preparationWorker();
  const chunking = deps.chunking ?? defaultChunkOptions;
  const related = deps.thesaurus ?? loadThesaurus();
  const warned = new Set<string>();
  const unitCache = new Map<string, Float32Array[]>();
  const bySentence = embeddings.readsSentences === true;
  const vectorWeight = bySentence ? SENTENCE_VECTOR_WEIGHT : VECTOR_WEIGHT;
  const similarityWeight = bySentence ? SENTENCE_SIMILARITY_WEIGHT : LOCAL_SIMILARITY_WEIGHT;

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

  async function assertModel(storeId: string): Promise<void> {
    const space = await index.space(storeId);
    if (space && space.model !== embeddings.model) {
      throw new AppError(
        'conflict',
        `this store's knowledge was embedded with ${space.model}, the configured model is ${embeddings.model}: run \`concierge kb reembed\` first`,
      );
    }
  }

  async function ingest(storeId: string, input: IngestInput, kind: KnowledgeKind = 'upload', into?: AcceptedRow): Promise<IngestResult> {
    const { title, chunks } = await prepare(input, chunking);
    const source = (input.source ?? title).trim();
    const contentHash = createHash('sha256').update(`${input.format}\0${title}\0`).update(input.content).digest('hex');
    const [existing] = await Promise.all([index.findDocument(storeId, source), assertModel(storeId)]);
    if (existing && existing.contentHash === contentHash && existing.kind === kind && (!into || existing.id === into.documentId)) return { document: existing, outcome: 'unchanged' as const };
    if (chunks.length === 0) throw new AppError('unprocessable', 'the document has no text to index');
    const searchTexts = chunks.map((chunk) => `${chunk.titlePath.join(' › ')}\n${chunk.content}`);
    const vectorsOfChunks = await embedInBatches(embeddings, searchTexts);
    const unitsOfChunks = bySentence ? await embedUnits(chunks) : undefined;
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
        units: unitsOfChunks?.[i],
      })),
      { model: embeddings.model, dims: embeddings.dims },
      into,
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
    const judge = { queryWords: original, corrected: (word: string) => correction.get(word) ?? word, related };
    const [lexical, semantic] = await Promise.all([
      mode === 'vector' ? [] : index.lexicalSearch(storeId, lexicalTerms(original, corrected), CANDIDATES),
      mode === 'lexical' ? [] : semanticSearch(storeId, embeddings.readsSentences ? query.slice(0, MAX_QUERY_CHARS) : corrected.join(' ')),
    ]);
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
    const fused = reciprocalRankFusion([lexical, semantic], (chunk) => chunk.id, 60, [1, vectorWeight]).slice(0, CANDIDATES);
    const similarity = new Map(semantic.map((chunk) => [chunk.id, chunk.score]));
    const top = fused[0]?.score ?? 1;
    const scored = fused.map(({ item, score, ranks }) => {
      const judged = rerank(vectors, {
        ...judge,
        titlePath: item.titlePath,
        content: item.content,
        prior: score / top,
        similarity: similarity.get(item.id) ?? 0,
        similarityWeight,
      });
      return {
        chunk: item,
        ranks: { ...(ranks[0] ? { lexical: ranks[0] } : {}), ...(ranks[1] ? { vector: ranks[1] } : {}) },
        score: options.rerank === false ? score / top : judged.score,
        relevance: judged.relevance,
      };
    });
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, k).map(({ chunk, score, ranks, relevance }) => toHit(chunk, score, ranks, relevance));
  }

  /**
   * The rarest words of the question, each with its first thesaurus synonym of another stem ("sydney"
   * also finds "Australia"). Every term adds the chunks containing it to the rows ranked, so few.
   */
  function lexicalTerms(original: string[], corrected: string[]): string[] {
    const chosen = rarest([...new Set([...original, ...corrected])], vectors, MAX_LEXICAL_TERMS);
    const stems = new Set(chosen.map(stem));
    const synonyms = chosen.flatMap((word) => related(word).find((other) => !stems.has(stem(other))) ?? []);
    return [...new Set([...chosen, ...synonyms])];
  }

  async function semanticSearch(storeId: string, text: string): Promise<ScoredChunk[]> {
    const space = await matchingSpace(storeId);
    if (!space) return [];
    const [vector] = await embeddings.embed([text]);
    // No known word ("qwzxvbnm"): a zero vector has no direction, its cosine distance is NaN. Nothing is near it.
    if (!vector!.some((value) => value !== 0 && Number.isFinite(value))) return [];
    if (!bySentence) return index.vectorSearch(storeId, space, vector!, CANDIDATES);
    // The nearest passages by their whole vector, then each scored with its best sentence too (docs/adr/0040).
    const pool = await index.vectorSearch(storeId, space, vector!, UNIT_POOL);
    const units = await unitsOf(storeId, space.epoch, pool);
    return pool
      .map((chunk) => ({ ...chunk, score: passageSimilarity(vector!, chunk.score, units.get(chunk.id)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, CANDIDATES);
  }

  /**
   * The pool's sentence vectors, read once per passage: a chunk id is never reused and its vectors change only
   * with the store's epoch (re-embedding), so the passages searched most stay in memory (the read is the
   * costliest step of a search on PGlite).
   */
  async function unitsOf(storeId: string, epoch: number, pool: ScoredChunk[]): Promise<Map<string, Float32Array[]>> {
    const key = (id: string) => `${storeId}:${epoch}:${id}`;
    const found = new Map<string, Float32Array[]>();
    const missing: string[] = [];
    for (const { id } of pool) {
      const cached = unitCache.get(key(id));
      if (!cached) missing.push(id);
      else {
        // Most recently used last: the first key is the one to evict.
        unitCache.delete(key(id));
        unitCache.set(key(id), cached);
        found.set(id, cached);
      }
    }
    if (missing.length === 0) return found;
    const read = await index.unitVectors(storeId, missing);
    for (const id of missing) {
      // A passage stored without units (another model, before re-embedding) is remembered as having none.
      const units = read.get(id) ?? [];
      found.set(id, units);
      unitCache.set(key(id), units);
      if (unitCache.size > MAX_CACHED_UNIT_PASSAGES) unitCache.delete(unitCache.keys().next().value!);
    }
    return found;
  }

  /** Each passage's sentence vectors (with its heading), embedded in the same loop-sized batches as the passages. */
  async function embedUnits(passages: { titlePath: string[]; content: string }[]): Promise<Float32Array[][]> {
    const texts = passages.map((passage) => passageUnits(passage.titlePath, passage.content));
    const flat = await embedInBatches(embeddings, texts.flat());
    let next = 0;
    return texts.map((units) => {
      const vectors = flat.slice(next, next + units.length);
      next += units.length;
      return vectors;
    });
  }

  return {
    embeddingModel: embeddings.model,
    vectorBackend: index.vectorBackend,
    ingest,
    assertModel,
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
        const units = bySentence ? await embedUnits(page) : undefined;
        await index.setEmbeddings(
          storeId,
          page.map((row, i) => ({ id: row.id, embedding: made[i]!, units: units?.[i] })),
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

// Local embeddings are synchronous work on this thread: each batch is sized to take about this long (docs/adr/0033).
const EMBED_SLICE_MS = 15;
const MAX_EMBED_BATCH = 64;

/**
 * Embeds the chunks in batches sized by the event loop's busy time, with a turn of the loop between them: a batch
 * that kept it busy over the slice halves the next, one well under it doubles it.
 */
export async function embedInBatches(embeddings: Embeddings, texts: string[], initial = 4): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  let size = initial;
  for (let i = 0; i < texts.length; ) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const before = performance.eventLoopUtilization();
    const batch = texts.slice(i, i + size);
    out.push(...(await embeddings.embed(batch)));
    i += batch.length;
    // The loop's busy time, not the wall time: a remote model's round trip leaves the loop free and keeps big batches.
    const took = performance.eventLoopUtilization(before).active;
    if (took > EMBED_SLICE_MS) size = Math.max(1, Math.floor(size / 2));
    else if (took < EMBED_SLICE_MS / 3) size = Math.min(MAX_EMBED_BATCH, size * 2);
  }
  return out;
}

/** The `count` rarest words (short numbers left out) by frequency rank in the word vectors' corpus (unknown words, names and typos, first). */
function rarest(all: string[], vectors: WordVectors, count: number): string[] {
  // "2" or "30" matches a large share of any catalog; the rerank still reads them.
  const words = all.filter((word) => !/^\d{1,2}$/.test(word));
  if (words.length <= count) return words;
  const rank = (word: string) => vectors.rank(word) ?? Number.MAX_SAFE_INTEGER;
  return [...words].sort((a, b) => rank(b) - rank(a)).slice(0, count);
}
