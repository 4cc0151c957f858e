import { createHash } from 'node:crypto';
import type { Product } from '../core/commerce';
import { AppError, type ErrorCode } from '../core/errors';
import type { JobQueue, JobRecord, JobWorker } from '../core/ports/jobs';
import type { KnowledgeUploads } from '../core/ports/knowledge';
import { knowledgeJobKinds, type KnowledgeUploadRecords } from '../core/ports/knowledge-upload-records';
import type { KnowledgeService } from './knowledge-base';

export interface IngestionDeps {
  knowledge: KnowledgeService;
  records: KnowledgeUploadRecords;
  /** The queue the catalog's re-indexing goes on (the same worker runs it). */
  queue: JobQueue;
  /** Re-indexes the store's product documents from its catalog. */
  syncCatalog(storeId: string): Promise<void>;
  /** Re-indexes one product's document, or removes it (`product` undefined). */
  syncProduct(storeId: string, productId: string, product: Product | undefined): Promise<void>;
  /** Starts this process's ingestion worker if it is not running (a process that never called startBackground: tests, the CLI). */
  ensureWorker(): void;
  log?: { warn(fields: Record<string, unknown>, message: string): void };
}

export interface KnowledgeIngestion extends KnowledgeUploads {
  /** Queues the re-indexing of the store's products (a catalog import queues its own, in its transaction: docs/adr/0041). */
  queueCatalogSync(storeId: string): Promise<void>;
  /** Starts this process's ingestion worker if it is not running (after a job was queued by another path). */
  ensureWorker(): void;
  /** Queues one product's re-indexing (or removal) after a platform's webhook; jobs of this kind run one at a time, in order. */
  queueProductSync(storeId: string, productId: string, product: Product | undefined): Promise<void>;
  registerJobs(worker: JobWorker): void;
}

// The document itself is at fault: retrying cannot help, the document is marked failed with the reason.
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['unprocessable', 'validation_failed', 'conflict', 'payload_too_large'] as ErrorCode[]);
// Long enough for a 15 MB PDF on a loaded machine; after a crash the embedded default takes the job again at start.
const INGEST_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 50;

/**
 * Knowledge ingestion off the request path (docs/adr/0033): an upload is kept with its job in one transaction and
 * answered at once; the job parses and chunks in the preparation thread, embeds in short slices and writes in small
 * statements, then marks the document ready (or failed, with the reason).
 */
export function knowledgeIngestion(deps: IngestionDeps): KnowledgeIngestion {
  const { knowledge, records } = deps;

  async function ingestJob(job: JobRecord<{ uploadId: string }>): Promise<void> {
    const taken = await records.take(job.payload.uploadId);
    if (!taken) return; // indexed already (a retry after the acknowledgement was lost), or its document removed
    const { upload, latest } = taken;
    if (!latest) return records.discard(upload);
    const content = upload.format === 'pdf' ? Buffer.from(upload.content, 'base64') : upload.content;
    try {
      await knowledge.ingest(upload.storeId, { format: upload.format, content, title: upload.title ?? undefined, source: upload.source ?? undefined }, upload.kind, { documentId: upload.documentId, uploadId: upload.id });
      await records.finish(upload);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return records.discard(upload);
      if (error instanceof AppError && PERMANENT.has(error.code)) return records.fail(upload, error.message);
      if (job.attempt >= job.maxAttempts) await records.fail(upload, `the document could not be indexed after ${job.attempt} attempts (${error instanceof Error ? error.name : 'error'})`);
      throw error;
    }
  }

  return {
    async accept(storeId, input) {
      await knowledge.assertModel(storeId);
      const title = input.title?.trim() || undefined;
      const source = input.source?.trim() || undefined;
      const inputHash = createHash('sha256').update(`${input.format}\0${title ?? ''}\0${source ?? ''}\0`).update(input.content).digest('hex');
      const accepted = await records.accept(storeId, {
        key: source ?? title,
        provisionalTitle: title ?? source ?? 'Untitled document',
        format: input.format,
        title,
        source,
        kind: 'upload',
        content: input.content,
        inputHash,
      });
      if (accepted.outcome === 'accepted') deps.ensureWorker();
      return accepted;
    },
    get: (storeId, documentId) => records.get(storeId, documentId),
    async settled(storeId, timeoutMs = 120_000) {
      deps.ensureWorker();
      const deadline = Date.now() + timeoutMs;
      while ((await records.waiting(storeId)) > 0) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return true;
    },
    async queueCatalogSync(storeId) {
      await deps.queue.enqueue(knowledgeJobKinds.catalogSync, { storeId }, { storeId });
      deps.ensureWorker();
    },
    ensureWorker: () => deps.ensureWorker(),
    async queueProductSync(storeId, productId, product) {
      await deps.queue.enqueue(knowledgeJobKinds.productSync, { productId, product: product ?? null }, { storeId });
      deps.ensureWorker();
    },
    registerJobs(worker) {
      worker.register<{ productId: string; product: Product | null }>(
        knowledgeJobKinds.productSync,
        (job) => deps.syncProduct(job.storeId!, job.payload.productId, job.payload.product ?? undefined),
        { concurrency: 1, timeoutMs: INGEST_TIMEOUT_MS },
      );
      worker.register<{ uploadId: string }>(knowledgeJobKinds.ingest, (job) => ingestJob(job), { concurrency: 2, timeoutMs: INGEST_TIMEOUT_MS });
      worker.register<{ storeId: string }>(knowledgeJobKinds.catalogSync, (job) => deps.syncCatalog(job.payload.storeId), { concurrency: 1, timeoutMs: INGEST_TIMEOUT_MS });
    },
  };
}
