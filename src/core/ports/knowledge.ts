/** The store's knowledge base as the gateway, the CLI and the agent see it. */

export const knowledgeFormats = ['markdown', 'html', 'text', 'pdf'] as const;
export type KnowledgeFormat = (typeof knowledgeFormats)[number];
/** upload: sent by the store; product: synced from the commerce backend; builtin: the default articles rendered from settings. */
export type KnowledgeKind = 'upload' | 'product' | 'builtin';
export type RetrievalMode = 'lexical' | 'vector' | 'hybrid';
/** processing: an upload is accepted and waits for its ingestion job; ready: indexed; failed: the last upload could not be indexed. */
export type KnowledgeStatus = 'processing' | 'ready' | 'failed';

export interface KnowledgeDocument {
  id: string;
  source: string;
  title: string;
  kind: KnowledgeKind;
  format: KnowledgeFormat;
  chunkCount: number;
  tokenCount: number;
  contentHash: string;
  status: KnowledgeStatus;
  /** Why the last upload failed (the document keeps the passages it had before, if any). */
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A stored passage and the document it comes from. */
export interface Passage {
  documentId: string;
  title: string;
  /** Document title, then the headings above the passage. */
  titlePath: string[];
  source: string;
  kind: KnowledgeKind;
  content: string;
}

export interface KnowledgeHit extends Passage {
  chunkId: string;
  /** The rerank score in [0, 1]: what orders the passages. */
  score: number;
  /** How completely the passage covers the question's words, in [0, 1]: what decides whether it answers at all. */
  relevance: number;
  /** 1-based ranks in each retriever (absent when that retriever did not return the passage). */
  ranks: { lexical?: number; vector?: number };
}

export interface IngestInput {
  /** Stable identity of the document: ingesting the same source again replaces it. Defaults to the title. */
  source?: string | undefined;
  title?: string | undefined;
  format: KnowledgeFormat;
  content: string | Uint8Array;
}

export interface IngestResult {
  document: KnowledgeDocument;
  /** created, replaced (content changed), or unchanged (same content and embedding model). */
  outcome: 'created' | 'replaced' | 'unchanged';
}

/** An upload accepted for ingestion in the background (`accepted`), or already indexed with the same content (`unchanged`). */
export interface AcceptedUpload {
  document: KnowledgeDocument;
  outcome: 'accepted' | 'unchanged';
}

/** An upload as the API takes it: text, or a PDF as base64. */
export interface UploadInput {
  format: KnowledgeFormat;
  content: string;
  title?: string | undefined;
  source?: string | undefined;
}

/** Uploads answered at once and indexed by a durable job (docs/adr/0033): no document holds the request or the event loop. */
export interface KnowledgeUploads {
  accept(storeId: string, input: UploadInput): Promise<AcceptedUpload>;
  /** The document as it stands (its status included). */
  get(storeId: string, documentId: string): Promise<KnowledgeDocument | undefined>;
  /** Resolves once the store has no ingestion waiting or running (tests, the demo bootstrap, the CLI); false on timeout. */
  settled(storeId: string, timeoutMs?: number): Promise<boolean>;
}

export interface KnowledgeBase {
  ingest(storeId: string, input: IngestInput, kind?: KnowledgeKind): Promise<IngestResult>;
  list(storeId: string, query?: { kind?: KnowledgeKind; limit?: number; after?: string }): Promise<KnowledgeDocument[]>;
  remove(storeId: string, documentId: string): Promise<boolean>;
  search(storeId: string, query: string, options?: { k?: number; mode?: RetrievalMode }): Promise<KnowledgeHit[]>;
}

/** A grounded answer from the store's knowledge base, or found:false when nothing relevant exists. */
export interface KnowledgeAnswer {
  found: boolean;
  /** Found and clearly relevant; a found answer that is not confident is offered with a way to a human. */
  confident?: boolean;
  /** Sentences taken from the passage, never composed: what is said is what the store wrote. */
  answer: string;
  /** The passage's document title (a product's name, an article's title) and its kind. */
  title?: string;
  kind?: KnowledgeKind;
  citations: { title: string; source: string; documentId?: string; chunkId?: string; score?: number }[];
  /** The relevant passages, best first, for a remote model to answer from (each cited by its number). */
  passages?: { title: string; source: string; text: string; documentId?: string; chunkId?: string }[];
}
