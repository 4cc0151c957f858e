import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../core/errors';
import type { IngestInput } from '../../core/ports/knowledge';
import type { ChunkOptions } from './chunker';
import type { DocumentPreparer, PreparedDocument } from './prepare-document';

export interface PreparationRequest {
  id: number;
  input: IngestInput;
  options: ChunkOptions;
}

export type PreparationReply = { id: number; document: PreparedDocument; error?: undefined } | { id: number; error: { code: ErrorCode; message: string } };

export interface PreparationWorkerOptions {
  /** A document taking longer than this is refused (422) and the thread replaced. */
  timeoutMs?: number;
  /** Heap of the thread: a document that needs more is refused, the server lives on. */
  maxHeapMb?: number;
}

/**
 * Parses and chunks documents in one worker thread, so that no document (a 1 MB upload, a catalog of long
 * product descriptions, text crafted to be slow) holds the server's event loop. Started on first use,
 * unreferenced while idle (it never keeps a process alive), replaced after a crash or a timeout.
 */
export function preparationWorker(options: PreparationWorkerOptions = {}): DocumentPreparer & { close(): Promise<void> } {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (document: PreparedDocument) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  const failAll = (error: Error) => {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      pending.delete(id);
      job.reject(error);
    }
  };

  function start(): Worker {
    // The thread loads TypeScript itself (tsx), whatever loaded the parent: `--import tsx`, the CLI's register(), tests.
    const entry = new URL('./preparation-thread.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const started = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 },
    });
    started.on('message', (reply: PreparationReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      clearTimeout(job.timer);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.error) job.reject(new AppError(reply.error.code, reply.error.message));
      else job.resolve(reply.document);
    });
    const lost = (reason: string) => {
      if (worker === started) worker = undefined;
      failAll(new AppError('unprocessable', `the document could not be prepared (${reason})`));
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`the preparation thread stopped with code ${code}`));
    started.unref();
    return started;
  }

  const prepare: DocumentPreparer = (input, chunking) =>
    new Promise<PreparedDocument>((resolve, reject) => {
      worker ??= start();
      const current = worker;
      const id = nextId++;
      const timer = setTimeout(() => {
        // Too slow: this thread is busy with it for good; replace it, refusing what it held.
        if (worker === current) worker = undefined;
        void current.terminate();
        failAll(new AppError('unprocessable', `the document took longer than ${timeoutMs / 1000} s to prepare`));
      }, timeoutMs);
      timer.unref();
      pending.set(id, { resolve, reject, timer });
      current.ref();
      current.postMessage({ id, input, options: chunking } satisfies PreparationRequest);
    });

  return Object.assign(prepare, {
    async close() {
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
    },
  });
}
