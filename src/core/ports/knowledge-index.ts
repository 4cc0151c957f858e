import type { KnowledgeDocument, KnowledgeFormat, KnowledgeKind } from './knowledge';

/** A passage ready to store: its text, where it sits in the document, and its vector. */
export interface NewChunk {
  ordinal: number;
  titlePath: string[];
  content: string;
  tokenCount: number;
  /** What the full-text index sees: the title path and the passage. */
  searchText: string;
  embedding: Float32Array;
}

export interface StoredChunk {
  id: string;
  documentId: string;
  title: string;
  titlePath: string[];
  source: string;
  kind: KnowledgeKind;
  content: string;
}

export interface ScoredChunk extends StoredChunk {
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

/** Documents, chunks and their indexes. Adapter: PostgreSQL/PGlite (pgvector HNSW or exact scan). */
export interface KnowledgeIndex {
  /** 'pgvector' uses an HNSW index; 'exact' scans the store's vectors (no pgvector on this PostgreSQL). */
  readonly vectorBackend: 'pgvector' | 'exact';
  findDocument(storeId: string, source: string): Promise<KnowledgeDocument | undefined>;
  /** Replaces the document's chunks in one transaction (a reader sees the old set or the new one). */
  replaceDocument(
    storeId: string,
    document: DocumentWrite,
    chunks: NewChunk[],
    space: EmbeddingSpace,
  ): Promise<{ document: KnowledgeDocument; created: boolean }>;
  listDocuments(storeId: string, query: { kind?: KnowledgeKind; limit: number; after?: string }): Promise<KnowledgeDocument[]>;
  deleteDocument(storeId: string, documentId: string): Promise<boolean>;
  /** The embedding model and dimension the store's vectors were made with, if any. */
  space(storeId: string): Promise<EmbeddingSpace | undefined>;
  /** Full-text candidates for any of the terms, best first. */
  lexicalSearch(storeId: string, terms: string[], limit: number): Promise<ScoredChunk[]>;
  /** Nearest passages by cosine similarity, best first. */
  vectorSearch(storeId: string, vector: Float32Array, limit: number): Promise<ScoredChunk[]>;
  /** Pages through the store's chunks for re-embedding. */
  chunksAfter(storeId: string, afterId: string | undefined, limit: number): Promise<{ id: string; searchText: string }[]>;
  setEmbeddings(storeId: string, rows: { id: string; embedding: Float32Array }[], space: EmbeddingSpace): Promise<void>;
}
