import type { KnowledgeDocument, KnowledgeFormat, KnowledgeKind } from './knowledge';

/** An upload as it was sent, kept until its ingestion job has indexed it. */
export interface PendingUpload {
  id: string;
  storeId: string;
  documentId: string;
  format: KnowledgeFormat;
  title: string | null;
  source: string | null;
  kind: KnowledgeKind;
  /** The text, or a PDF as base64. */
  content: string;
  inputHash: string;
}

export interface NewUpload {
  /** The document's identity as far as the request tells it (its source, else its title); none: the job finds it when it reads the document. */
  key: string | undefined;
  /** What the document is called while it is processed. */
  provisionalTitle: string;
  format: KnowledgeFormat;
  title: string | undefined;
  source: string | undefined;
  kind: KnowledgeKind;
  content: string;
  inputHash: string;
}

/**
 * Uploads waiting for ingestion and the documents' status (docs/adr/0033). Adapter: the `knowledge_uploads`
 * table, whose rows commit together with their ingestion job.
 */
export interface KnowledgeUploadRecords {
  /**
   * In one transaction: `unchanged` when the document of that key is ready with the same upload; otherwise the
   * document (found by key, or created as `processing`) is marked processing, the upload kept and its job queued.
   */
  accept(storeId: string, upload: NewUpload): Promise<{ document: KnowledgeDocument; outcome: 'accepted' | 'unchanged' }>;
  /** The upload, and whether it is still the latest for its document (a newer one supersedes it). */
  take(uploadId: string): Promise<{ upload: PendingUpload; latest: boolean } | undefined>;
  /** Superseded by a newer upload of its document: dropped, nothing else changes. */
  discard(upload: PendingUpload): Promise<void>;
  /** Indexed: the upload is dropped and the document ready (unless a newer upload waits). */
  finish(upload: PendingUpload): Promise<void>;
  /** Could not be indexed: the upload is dropped and the document failed with the reason (unless a newer upload waits). */
  fail(upload: PendingUpload, reason: string): Promise<void>;
  get(storeId: string, documentId: string): Promise<KnowledgeDocument | undefined>;
  /** How many ingestion jobs of the store wait or run. */
  waiting(storeId: string): Promise<number>;
}

/** The job kinds of the knowledge base: one upload's ingestion, a store's product documents after a catalog change, one product after a platform's webhook. */
export const knowledgeJobKinds = { ingest: 'knowledge.ingest', catalogSync: 'knowledge.catalog-sync', productSync: 'knowledge.product-sync' } as const;
