import { sql } from 'drizzle-orm';
import { bigserial, customType, index, integer, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Per store: the embedding model and dimension its vectors were made with. */
export const knowledgeSpaces = pgTable('knowledge_spaces', {
  storeId: uuid('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  embeddingModel: text('embedding_model').notNull(),
  dims: integer('dims').notNull(),
  /** Bumped by every change of the store's chunks: instances holding vectors in memory reload on a new revision. */
  revision: integer('revision').notNull().default(0),
  /** Bumped when existing vectors are rewritten (`kb reembed`): a reload, not an incremental catch-up. */
  vectorsEpoch: integer('vectors_epoch').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A document of the knowledge base; `source` is its identity within the store (re-ingesting replaces it). */
export const knowledgeDocuments = pgTable(
  'knowledge_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    contentHash: text('content_hash').notNull(),
    chunkCount: integer('chunk_count').notNull(),
    tokenCount: integer('token_count').notNull(),
    /** processing (an upload waits for its job), ready, or failed (the last upload could not be indexed; `statusReason` says why). */
    status: text('status').notNull().default('ready'),
    statusReason: text('status_reason'),
    /** Hash of the last upload as sent (format, title, source, content): the same upload again changes nothing. */
    inputHash: text('input_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('knowledge_documents_source_idx').on(t.storeId, t.source), index('knowledge_documents_store_kind_idx').on(t.storeId, t.kind, t.id)],
);

/**
 * A passage of about 500 tokens. Vectors are portable `real[]`; where pgvector exists an HNSW index
 * over `embedding::vector(dims)` is added at start (see data/vectors/vector-support.ts).
 */
export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: uuid('store_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    titlePath: text('title_path').array().notNull(),
    content: text('content').notNull(),
    tokenCount: integer('token_count').notNull(),
    searchText: text('search_text').notNull(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', search_text)`),
    dims: integer('dims').notNull(),
    embedding: real('embedding').array().notNull(),
    /** The passage's sentence vectors, quantised to a byte a dimension (a sentence encoder only; migration 0130, `packUnits`). */
    unitEmbeddings: bytea('unit_embeddings'),
  },
  (t) => [
    index('knowledge_chunks_store_idx').on(t.storeId, t.id),
    index('knowledge_chunks_document_idx').on(t.documentId),
    index('knowledge_chunks_tsv_idx').using('gin', t.tsv),
  ],
);

/** An upload as sent, kept until its ingestion job has indexed it (docs/adr/0033): nothing accepted is lost across a crash. */
export const knowledgeUploads = pgTable(
  'knowledge_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    format: text('format').notNull(),
    title: text('title'),
    source: text('source'),
    kind: text('kind').notNull(),
    /** The text, or a PDF as base64. */
    content: text('content').notNull(),
    inputHash: text('input_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('knowledge_uploads_document_idx').on(t.documentId, t.createdAt)],
);
