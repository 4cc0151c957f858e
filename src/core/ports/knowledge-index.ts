import type { KnowledgeDocument, KnowledgeFormat, KnowledgeKind, Passage } from './knowledge';

/** The document row an accepted upload made, and the upload it is written for. */
export interface AcceptedRow {
  documentId: string;
  uploadId: string;
}

/** A passage ready to store: its text, where it sits in the document, and its vector. */
export interface NewChunk {
  ordinal: number;
  titlePath: string[];
  content: string;
  tokenCount: number;
  /** What the full-text index sees: the title path and the passage. */
  searchText: string;
  embedding: Float32Array;
  /**
   * Vectors of the passage's sentences, each with its heading (a sentence encoder only, docs/adr/0040): a
   * question is compared with its best sentence as well as with the whole passage.
   */
  units?: Float32Array[] | undefined;
}

export interface ScoredChunk extends Passage {
  id: string;
  score: number;
}

export interface DocumentWrite {
  source: string;
  title: string;
  kind: KnowledgeKind;
  format: KnowledgeFormat;
  contentHash: string;
}

export interface EmbeddingSpace {
  model: string;
  dims: number;
}

/** A store's embedding space as stored, with the counters that tell an in-memory copy it is stale. */
export interface StoreSpace extends EmbeddingSpace {
  /** Bumped by every change of the store's chunks. */
  revision: number;
  /** Bumped when existing vectors are rewritten (re-embedding). */
  epoch: number;
}

/** Documents, chunks and their indexes. Adapter: PostgreSQL/PGlite (pgvector HNSW or exact scan). */
export interface KnowledgeIndex {
  /** 'pgvector' uses an HNSW index; 'exact' scans the store's vectors (no pgvector on this PostgreSQL). */
  readonly vectorBackend: 'pgvector' | 'exact';
  findDocument(storeId: string, source: string): Promise<KnowledgeDocument | undefined>;
  /**
   * Replaces the document's chunks in one transaction (a reader sees the old set or the new one).
   * `into`: the row an accepted upload made (its id kept) and that upload; another document of the same source is
   * replaced by it. Throws `not_found` when the row was removed or the upload superseded meanwhile (nothing written).
   */
  replaceDocument(
    storeId: string,
    document: DocumentWrite,
    chunks: NewChunk[],
    space: EmbeddingSpace,
    into?: AcceptedRow,
  ): Promise<{ document: KnowledgeDocument; created: boolean }>;
  listDocuments(storeId: string, query: { kind?: KnowledgeKind; limit: number; after?: string }): Promise<KnowledgeDocument[]>;
  deleteDocument(storeId: string, documentId: string): Promise<boolean>;
  /** The embedding model and dimension the store's vectors were made with, if any. */
  space(storeId: string): Promise<StoreSpace | undefined>;
  /** Full-text candidates for any of the terms, best first. */
  lexicalSearch(storeId: string, terms: string[], limit: number): Promise<ScoredChunk[]>;
  /** Nearest passages by cosine similarity, best first, in the store's space (as just read by `space`). */
  vectorSearch(storeId: string, space: StoreSpace, vector: Float32Array, limit: number): Promise<ScoredChunk[]>;
  /** The sentence vectors of these chunks of the store (chunks stored without them are absent). */
  unitVectors(storeId: string, chunkIds: string[]): Promise<Map<string, Float32Array[]>>;
  /** Pages through the store's chunks for re-embedding. */
  chunksAfter(storeId: string, afterId: string | undefined, limit: number): Promise<{ id: string; searchText: string; titlePath: string[]; content: string }[]>;
  setEmbeddings(storeId: string, rows: { id: string; embedding: Float32Array; units?: Float32Array[] | undefined }[], space: EmbeddingSpace): Promise<void>;
}
