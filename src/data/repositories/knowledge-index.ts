import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { KnowledgeDocument, KnowledgeFormat, KnowledgeKind, KnowledgeStatus } from '../../core/ports/knowledge';
import type { AcceptedRow, DocumentWrite, EmbeddingSpace, KnowledgeIndex, ScoredChunk } from '../../core/ports/knowledge-index';
import type { Database } from '../database';
import { catchUp, nearest, vectorTable, type VectorTable } from '../vectors/exact-vector-scan';
import { assertDims, ensureVectorIndex } from '../vectors/vector-support';
import { knowledgeChunks, knowledgeDocuments, knowledgeSpaces } from '../schema/index';

type DocumentRow = typeof knowledgeDocuments.$inferSelect;

const toDocument = (row: DocumentRow): KnowledgeDocument => ({
  id: row.id,
  source: row.source,
  title: row.title,
  kind: row.kind as KnowledgeKind,
  format: row.format as KnowledgeFormat,
  chunkCount: row.chunkCount,
  tokenCount: row.tokenCount,
  contentHash: row.contentHash,
  status: row.status as KnowledgeStatus,
  statusReason: row.statusReason,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

interface ChunkSqlRow {
  id: string | number;
  document_id: string;
  title_path: string[];
  content: string;
  title: string;
  source: string;
  kind: string;
  score: number | string;
}

const CHUNK_COLUMNS = 'c.id, c.document_id, c.title_path, c.content, d.title, d.source, d.kind';

const toScored = (row: ChunkSqlRow): ScoredChunk => ({
  id: String(row.id),
  documentId: row.document_id,
  titlePath: row.title_path,
  content: row.content,
  title: row.title,
  source: row.source,
  kind: row.kind as KnowledgeKind,
  score: Number(row.score),
});

const vectorLiteral = (vector: Float32Array) => `[${Array.from(vector, (v) => (Number.isFinite(v) ? v : 0)).join(',')}]`;
// One table per store is enough for most stores; the cap bounds memory on a multi-tenant instance.
const MAX_CACHED_STORES = 16;
// PGlite has no autovacuum and PostgreSQL's may lag a bulk load: without fresh statistics the planner
// filters every chunk of a store instead of using the HNSW or GIN index. Re-analyse after this many rows.
const ANALYZE_EVERY_ROWS = 2_000;
// Ranking reads every matching row: a question of common words can match most of a large catalog.
// Past this many matches the ranking is of the first ones found (the vector retriever runs beside it).
const MAX_RANKED_MATCHES = 3_000;

/** Knowledge documents and chunks on PostgreSQL or PGlite; every query is scoped by store. */
export function knowledgeIndex(database: Database, options: { pgvector: boolean }): KnowledgeIndex {
  const { db } = database;
  // PGlite runs each statement on this thread, and its statements chain as microtasks: a document's inserts
  // held the event loop for 0.5 s at a stretch. There, small batches with a turn of the loop between them;
  // PostgreSQL works in its own process: big batches, fewer round trips.
  const embedded = database.kind === 'pglite';
  // One PGlite statement of 8 chunks into the HNSW index held the loop 100–280 ms on a loaded machine: 2 keep each under ~50 ms.
  const insertBatch = embedded ? 2 : 200;
  const indexedDims = new Set<number>();
  let rowsSinceAnalyze = 0;
  async function noteWrites(rows: number) {
    rowsSinceAnalyze += rows;
    if (rowsSinceAnalyze < ANALYZE_EVERY_ROWS) return;
    rowsSinceAnalyze = 0;
    if (!embedded) {
      await database.query('ANALYZE knowledge_chunks');
      await database.query('ANALYZE knowledge_documents');
      return;
    }
    // On PGlite ANALYZE runs on this thread as one statement (up to 630 ms for the whole table at the default sample
    // of 30,000 rows). The planner's choice of the HNSW index rests on a store's share of the chunks: the columns that
    // say it, on a sample of 3,000 rows (PGlite's lexical search forces the GIN index itself).
    await database.transactionSql(async (run) => {
      await run('SET LOCAL default_statistics_target = 10');
      await run('ANALYZE knowledge_chunks (store_id, document_id, dims)');
    });
    await database.query('ANALYZE knowledge_documents');
  }
  const tables = new Map<string, VectorTable>();

  async function ensureIndex(dims: number) {
    if (!options.pgvector || indexedDims.has(dims)) return;
    await ensureVectorIndex(database, dims);
    indexedDims.add(dims);
  }

  /** The store's vectors in memory, caught up with the database: only new chunks are read after a change. */
  async function loadTable(storeId: string, version: { revision: number; epoch: number }, dims: number): Promise<VectorTable> {
    const cached = tables.get(storeId);
    if (cached && cached.revision === version.revision && cached.epoch === version.epoch && cached.dims === dims) return cached;
    let table: VectorTable;
    if (cached && cached.epoch === version.epoch && cached.dims === dims) {
      const live = await database.query<{ id: string | number }>('SELECT id FROM knowledge_chunks WHERE store_id = $1 AND dims = $2', [storeId, dims]);
      const liveIds = new Set(live.map((row) => String(row.id)));
      const known = new Set(cached.ids);
      const missing = [...liveIds].filter((id) => !known.has(id));
      const added =
        missing.length === 0
          ? []
          : await database.query<{ id: string | number; embedding: number[] }>(
              'SELECT id, embedding FROM knowledge_chunks WHERE store_id = $1 AND id = ANY($2::bigint[])',
              [storeId, missing],
            );
      table = catchUp(
        cached,
        version,
        liveIds,
        added.map((row) => ({ id: String(row.id), embedding: row.embedding })),
      );
    } else {
      const rows = await database.query<{ id: string | number; embedding: number[] }>(
        'SELECT id, embedding FROM knowledge_chunks WHERE store_id = $1 AND dims = $2',
        [storeId, dims],
      );
      table = vectorTable(
        version,
        dims,
        rows.map((row) => ({ id: String(row.id), embedding: row.embedding })),
      );
    }
    tables.delete(storeId);
    tables.set(storeId, table);
    if (tables.size > MAX_CACHED_STORES) tables.delete(tables.keys().next().value!);
    return table;
  }

  /** Records a change of the store's chunks; `rewritten`: existing vectors were replaced (a new model). */
  const recordChange = (storeId: string, space: EmbeddingSpace, rewritten: boolean) =>
    sql`INSERT INTO knowledge_spaces (store_id, embedding_model, dims, revision) VALUES (${storeId}, ${space.model}, ${space.dims}, 1)
        ON CONFLICT (store_id) DO UPDATE SET embedding_model = EXCLUDED.embedding_model, dims = EXCLUDED.dims, revision = knowledge_spaces.revision + 1,
          vectors_epoch = knowledge_spaces.vectors_epoch + ${rewritten ? 1 : 0}, updated_at = now()`;

  return {
    vectorBackend: options.pgvector ? 'pgvector' : 'exact',

    async findDocument(storeId, source) {
      const [row] = await db
        .select()
        .from(knowledgeDocuments)
        .where(and(eq(knowledgeDocuments.storeId, storeId), eq(knowledgeDocuments.source, source)));
      return row ? toDocument(row) : undefined;
    },

    async replaceDocument(storeId, document, chunks, embeddingSpace, into) {
      assertDims(embeddingSpace.dims);
      await ensureIndex(embeddingSpace.dims);
      const tokenCount = chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0);
      const saved = await db.transaction(async (tx) => {
        const [row] = into
          ? await intoAcceptedRow(tx, storeId, document, into, chunks.length, tokenCount)
          : (
              (await tx.execute(sql`
          INSERT INTO knowledge_documents (store_id, source, title, kind, format, content_hash, chunk_count, token_count)
          VALUES (${storeId}, ${document.source}, ${document.title}, ${document.kind}, ${document.format}, ${document.contentHash}, ${chunks.length}, ${tokenCount})
          ON CONFLICT (store_id, source) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, format = EXCLUDED.format,
            content_hash = EXCLUDED.content_hash, chunk_count = EXCLUDED.chunk_count, token_count = EXCLUDED.token_count, updated_at = now()
          RETURNING id, (xmax = 0) AS created`)) as unknown as { rows: { id: string; created: boolean }[] }
            ).rows;
        const documentId = row!.id;
        await tx.delete(knowledgeChunks).where(eq(knowledgeChunks.documentId, documentId));
        for (let start = 0; start < chunks.length; start += insertBatch) {
          if (embedded && start > 0) await new Promise((resolve) => setImmediate(resolve));
          await tx.insert(knowledgeChunks).values(
            chunks.slice(start, start + insertBatch).map((chunk) => ({
              storeId,
              documentId,
              ordinal: chunk.ordinal,
              titlePath: chunk.titlePath,
              content: chunk.content,
              tokenCount: chunk.tokenCount,
              searchText: chunk.searchText,
              dims: embeddingSpace.dims,
              embedding: Array.from(chunk.embedding),
              unitEmbeddings: packUnits(chunk.units),
            })),
          );
        }
        await tx.execute(recordChange(storeId, embeddingSpace, false));
        const [stored] = await tx.select().from(knowledgeDocuments).where(eq(knowledgeDocuments.id, documentId));
        return { document: toDocument(stored!), created: Boolean(row!.created) };
      });
      await noteWrites(chunks.length);
      return saved;
    },

    async listDocuments(storeId, query) {
      const conditions = [eq(knowledgeDocuments.storeId, storeId)];
      if (query.kind) conditions.push(eq(knowledgeDocuments.kind, query.kind));
      if (query.after) conditions.push(gt(knowledgeDocuments.id, query.after));
      const rows = await db
        .select()
        .from(knowledgeDocuments)
        .where(and(...conditions))
        .orderBy(asc(knowledgeDocuments.id))
        .limit(query.limit);
      return rows.map(toDocument);
    },

    async deleteDocument(storeId, documentId) {
      return db.transaction(async (tx) => {
        const deleted = await tx
          .delete(knowledgeDocuments)
          .where(and(eq(knowledgeDocuments.storeId, storeId), eq(knowledgeDocuments.id, documentId)))
          .returning({ id: knowledgeDocuments.id });
        if (deleted.length === 0) return false;
        await tx
          .update(knowledgeSpaces)
          .set({ revision: sql`${knowledgeSpaces.revision} + 1`, updatedAt: new Date() })
          .where(eq(knowledgeSpaces.storeId, storeId));
        return true;
      });
    },

    async space(storeId) {
      const [row] = await db.select().from(knowledgeSpaces).where(eq(knowledgeSpaces.storeId, storeId));
      return row ? { model: row.embeddingModel, dims: row.dims, revision: row.revision, epoch: row.vectorsEpoch } : undefined;
    },

    async lexicalSearch(storeId, terms, limit) {
      const words = terms.map((term) => term.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
      if (words.length === 0) return [];
      // OR of the terms: a shopper's question rarely contains every word of the passage that answers it.
      const text = `SELECT ${CHUNK_COLUMNS}, s.score FROM (
           SELECT m.id, ts_rank(m.tsv, q, 1) AS score FROM (
             SELECT c.id, c.tsv FROM knowledge_chunks c WHERE c.store_id = $1 AND c.tsv @@ to_tsquery('english', $2) LIMIT ${MAX_RANKED_MATCHES}) m,
             to_tsquery('english', $2) q ORDER BY score DESC, m.id LIMIT $3) s
           JOIN knowledge_chunks c ON c.id = s.id JOIN knowledge_documents d ON d.id = c.document_id
          ORDER BY s.score DESC, s.id`;
      const params = [storeId, words.join(' | '), limit];
      // PGlite's planner, even with fresh statistics, underrates matching tsvectors row by row and scans
      // every chunk instead of using the GIN index (50 ms instead of 10 at 10,000 chunks); in process the
      // extra statements cost nothing. PostgreSQL picks the index by itself and gets one round trip.
      if (database.kind !== 'pglite') return (await database.query<ChunkSqlRow>(text, params)).map(toScored);
      let rows: ChunkSqlRow[] = [];
      await database.transactionSql(async (run) => {
        await run('SET LOCAL enable_seqscan = off');
        rows = (await run(text, params)) as ChunkSqlRow[];
      });
      return rows.map(toScored);
    },

    async vectorSearch(storeId, space, vector, limit) {
      const dims = vector.length;
      assertDims(dims);
      if (space.dims !== dims) return [];
      if (options.pgvector) {
        // Rows of another dimension (a model change half re-embedded) are never compared.
        const rows = await database.query<ChunkSqlRow>(
          `SELECT ${CHUNK_COLUMNS}, 1 - (c.embedding::vector(${dims}) <=> $2::vector(${dims})) AS score
             FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
            WHERE c.store_id = $1 AND c.dims = ${dims}
            ORDER BY c.embedding::vector(${dims}) <=> $2::vector(${dims}) LIMIT $3`,
          [storeId, vectorLiteral(vector), limit],
        );
        return rows.map(toScored);
      }
      const table = await loadTable(storeId, { revision: space.revision, epoch: space.epoch }, dims);
      const best = nearest(table, vector, limit);
      if (best.length === 0) return [];
      const rows = await database.query<ChunkSqlRow>(
        `SELECT ${CHUNK_COLUMNS}, 0 AS score FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
          WHERE c.store_id = $1 AND c.id = ANY($2::bigint[])`,
        [storeId, best.map((hit) => hit.id)],
      );
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      return best.flatMap((hit) => {
        const row = byId.get(hit.id);
        return row ? [{ ...toScored(row), score: hit.score }] : [];
      });
    },

    async unitVectors(storeId, chunkIds) {
      const found = new Map<string, Float32Array[]>();
      if (chunkIds.length === 0) return found;
      const rows = await database.query<{ id: string | number; dims: number; unit_embeddings: Uint8Array | null }>(
        'SELECT id, dims, unit_embeddings FROM knowledge_chunks WHERE store_id = $1 AND id = ANY($2::bigint[]) AND unit_embeddings IS NOT NULL',
        [storeId, chunkIds],
      );
      for (const row of rows) if (row.unit_embeddings) found.set(String(row.id), unpackUnits(row.unit_embeddings, row.dims));
      return found;
    },

    async chunksAfter(storeId, afterId, limit) {
      const rows = await db
        .select({ id: knowledgeChunks.id, searchText: knowledgeChunks.searchText, titlePath: knowledgeChunks.titlePath, content: knowledgeChunks.content })
        .from(knowledgeChunks)
        .where(and(eq(knowledgeChunks.storeId, storeId), afterId ? gt(knowledgeChunks.id, Number(afterId)) : undefined))
        .orderBy(asc(knowledgeChunks.id))
        .limit(limit);
      return rows.map((row) => ({ id: String(row.id), searchText: row.searchText, titlePath: row.titlePath, content: row.content }));
    },

    async setEmbeddings(storeId, rows, embeddingSpace) {
      assertDims(embeddingSpace.dims);
      await ensureIndex(embeddingSpace.dims);
      await db.transaction(async (tx) => {
        for (const row of rows) {
          await tx
            .update(knowledgeChunks)
            .set({ embedding: Array.from(row.embedding), dims: embeddingSpace.dims, unitEmbeddings: packUnits(row.units) })
            .where(and(eq(knowledgeChunks.storeId, storeId), eq(knowledgeChunks.id, Number(row.id))));
        }
        await tx.execute(recordChange(storeId, embeddingSpace, true));
      });
      await noteWrites(rows.length);
    },
  };
}

/**
 * Sentence vectors as one column, quantised: per vector its largest magnitude (float32, little-endian),
 * then `dims` signed bytes of value / largest × 127. A quarter of float32's bytes (PGlite reads a bytea
 * through its text form: 50 passages' float32 sentences took 200–500 ms a search under load); a cosine
 * moves by under 0.01, far below the gaps the ranking acts on. Null when there are none.
 */
export function packUnits(units: Float32Array[] | undefined): Uint8Array | null {
  if (!units || units.length === 0) return null;
  const dims = units[0]!.length;
  const stride = 4 + dims;
  const bytes = new Uint8Array(units.length * stride);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, u) => {
    if (unit.length !== dims) throw new Error('sentence vectors of one passage must share a dimension');
    let largest = 0;
    for (const value of unit) if (Math.abs(value) > largest) largest = Math.abs(value);
    view.setFloat32(u * stride, largest, true);
    for (let d = 0; d < dims; d += 1) view.setInt8(u * stride + 4 + d, largest > 0 ? Math.round((unit[d]! / largest) * 127) : 0);
  });
  return bytes;
}

export function unpackUnits(bytes: Uint8Array, dims: number): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stride = 4 + dims;
  const count = Math.floor(bytes.byteLength / stride);
  return Array.from({ length: count }, (_, u) => {
    const scale = view.getFloat32(u * stride, true) / 127;
    const unit = new Float32Array(dims);
    for (let d = 0; d < dims; d += 1) unit[d] = view.getInt8(u * stride + 4 + d) * scale;
    return unit;
  });
}

type Transaction = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** Writes an accepted upload's document into the row made when it was accepted; another document of the source it turned out to have gives way. */
async function intoAcceptedRow(tx: Transaction, storeId: string, document: DocumentWrite, into: AcceptedRow, chunkCount: number, tokenCount: number) {
  // First the row (locked until commit, so a newer upload's acceptance waits for this write), and only while its upload is current.
  const rows = (
    (await tx.execute(sql`
      UPDATE knowledge_documents SET title = ${document.title}, kind = ${document.kind}, format = ${document.format},
        content_hash = ${document.contentHash}, chunk_count = ${chunkCount}, token_count = ${tokenCount}, updated_at = now()
      WHERE store_id = ${storeId} AND id = ${into.documentId}
        AND EXISTS (SELECT 1 FROM knowledge_uploads WHERE id = ${into.uploadId} AND document_id = ${into.documentId})
      RETURNING id, false AS created`)) as unknown as { rows: { id: string; created: boolean }[] }
  ).rows;
  if (rows.length === 0) throw new AppError('not_found', `document ${into.documentId} was removed, or a newer upload replaced this one, before it was indexed`);
  await tx.execute(sql`DELETE FROM knowledge_documents WHERE store_id = ${storeId} AND source = ${document.source} AND id <> ${into.documentId}`);
  await tx.execute(sql`UPDATE knowledge_documents SET source = ${document.source} WHERE id = ${into.documentId}`);
  return rows;
}
