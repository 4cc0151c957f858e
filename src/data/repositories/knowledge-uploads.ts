import type { KnowledgeDocument, KnowledgeFormat, KnowledgeKind, KnowledgeStatus } from '../../core/ports/knowledge';
import { knowledgeJobKinds, type KnowledgeUploadRecords, type PendingUpload } from '../../core/ports/knowledge-upload-records';
import type { EnqueueOptions } from '../../core/ports/jobs';
import type { Database } from '../database';
import type { RunSql } from '../jobs/job-table';

/** Queues a job inside the transaction in progress (the database queue's `enqueueIn`). */
export type EnqueueIn = (run: RunSql, kind: string, payload: unknown, options: EnqueueOptions) => Promise<unknown>;

interface DocumentRow {
  id: string;
  source: string;
  title: string;
  kind: string;
  format: string;
  chunk_count: number;
  token_count: number;
  content_hash: string;
  status: string;
  status_reason: string | null;
  input_hash: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

interface UploadRow {
  id: string;
  store_id: string;
  document_id: string;
  format: string;
  title: string | null;
  source: string | null;
  kind: string;
  content: string;
  input_hash: string;
}

const DOCUMENT_COLUMNS = 'id, source, title, kind, format, chunk_count, token_count, content_hash, status, status_reason, input_hash, created_at, updated_at';

const toDocument = (row: DocumentRow): KnowledgeDocument => ({
  id: row.id,
  source: row.source,
  title: row.title,
  kind: row.kind as KnowledgeKind,
  format: row.format as KnowledgeFormat,
  chunkCount: row.chunk_count,
  tokenCount: row.token_count,
  contentHash: row.content_hash,
  status: row.status as KnowledgeStatus,
  statusReason: row.status_reason,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toUpload = (row: UploadRow): PendingUpload => ({
  id: row.id,
  storeId: row.store_id,
  documentId: row.document_id,
  format: row.format as KnowledgeFormat,
  title: row.title,
  source: row.source,
  kind: row.kind as KnowledgeKind,
  content: row.content,
  inputHash: row.input_hash,
});

// A document's status after its upload settles: a newer upload of it still waiting keeps it processing; an upload
// superseded meanwhile (deleted by the newer one's acceptance) changes nothing.
const SETTLE = `
UPDATE knowledge_documents SET
  status = CASE WHEN EXISTS (SELECT 1 FROM knowledge_uploads u WHERE u.document_id = $1 AND u.id <> $2) THEN 'processing' ELSE $3 END,
  status_reason = CASE WHEN EXISTS (SELECT 1 FROM knowledge_uploads u WHERE u.document_id = $1 AND u.id <> $2) THEN NULL ELSE $4 END,
  input_hash = CASE WHEN $3 = 'ready' THEN $5 ELSE input_hash END,
  updated_at = now()
WHERE id = $1 AND EXISTS (SELECT 1 FROM knowledge_uploads u WHERE u.id = $2)`;

/** Accepted uploads and the documents' status on PostgreSQL or PGlite; the upload and its job commit together. */
export function knowledgeUploadRecords(database: Database, enqueueIn: EnqueueIn): KnowledgeUploadRecords {
  async function settle(upload: PendingUpload, status: 'ready' | 'failed', reason: string | null) {
    await database.transactionSql(async (run) => {
      await run(SETTLE, [upload.documentId, upload.id, status, reason, upload.inputHash]);
      await run('DELETE FROM knowledge_uploads WHERE id = $1', [upload.id]);
    });
  }

  return {
    async accept(storeId, upload) {
      let result: { document: KnowledgeDocument; outcome: 'accepted' | 'unchanged' } | undefined;
      await database.transactionSql(async (run) => {
        // Two uploads of one source at once: the second waits here for the first's row.
        const [existing] = upload.key
          ? ((await run(`SELECT ${DOCUMENT_COLUMNS} FROM knowledge_documents WHERE store_id = $1 AND source = $2 FOR UPDATE`, [storeId, upload.key])) as DocumentRow[])
          : [];
        if (existing && existing.status === 'ready' && existing.input_hash === upload.inputHash && existing.kind === upload.kind) {
          result = { document: toDocument(existing), outcome: 'unchanged' };
          return;
        }
        const [row] = existing
          ? ((await run(`UPDATE knowledge_documents SET status = 'processing', status_reason = NULL, updated_at = now() WHERE id = $1 RETURNING ${DOCUMENT_COLUMNS}`, [existing.id])) as DocumentRow[])
          : ((await run(
              `INSERT INTO knowledge_documents (store_id, source, title, kind, format, content_hash, chunk_count, token_count, status)
               VALUES ($1, COALESCE($2, 'upload:' || gen_random_uuid()::text), $3, $4, $5, '', 0, 0, 'processing') RETURNING ${DOCUMENT_COLUMNS}`,
              [storeId, upload.key ?? null, upload.provisionalTitle, upload.kind, upload.format],
            )) as DocumentRow[]);
        // An older upload still waiting is superseded: its job finds nothing, and a run of it in progress cannot write (knowledge-index.ts).
        await run('DELETE FROM knowledge_uploads WHERE document_id = $1', [row!.id]);
        const [saved] = (await run(
          `INSERT INTO knowledge_uploads (store_id, document_id, format, title, source, kind, content, input_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [storeId, row!.id, upload.format, upload.title ?? null, upload.source ?? null, upload.kind, upload.content, upload.inputHash],
        )) as { id: string }[];
        await enqueueIn(run, knowledgeJobKinds.ingest, { uploadId: saved!.id }, { storeId, dedupeKey: saved!.id });
        result = { document: toDocument(row!), outcome: 'accepted' };
      });
      return result!;
    },

    async take(uploadId) {
      const [row] = await database.query<UploadRow & { latest: boolean }>(
        `SELECT u.*, NOT EXISTS (SELECT 1 FROM knowledge_uploads n WHERE n.document_id = u.document_id AND (n.created_at, n.id) > (u.created_at, u.id)) AS latest
           FROM knowledge_uploads u WHERE u.id = $1`,
        [uploadId],
      );
      return row ? { upload: toUpload(row), latest: row.latest === true } : undefined;
    },

    discard: async (upload) => void (await database.query('DELETE FROM knowledge_uploads WHERE id = $1', [upload.id])),
    finish: (upload) => settle(upload, 'ready', null),
    fail: (upload, reason) => settle(upload, 'failed', reason),

    async get(storeId, documentId) {
      const [row] = await database.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM knowledge_documents WHERE store_id = $1 AND id = $2`, [storeId, documentId]);
      return row ? toDocument(row) : undefined;
    },

    async waiting(storeId) {
      const [row] = await database.query<{ n: number | string }>(`SELECT count(*) AS n FROM jobs WHERE store_id = $1 AND kind = ANY($2::text[]) AND status IN ('pending', 'running')`, [
        storeId,
        Object.values(knowledgeJobKinds),
      ]);
      return Number(row?.n ?? 0);
    },
  };
}
