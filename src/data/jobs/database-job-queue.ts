import type { EnqueueOptions, JobQueue, JobWorker } from '../../core/ports/jobs';
import type { Database } from '../database';
import { jobTable, type RunSql } from './job-table';
import { databaseJobWorker, type WorkerOptions } from './job-worker';

export interface DatabaseJobs {
  queue: JobQueue & {
    /** Enqueues inside a transaction in progress (`Database.transactionSql`'s `run`): the job commits, or not, with the change. */
    enqueueIn<P>(run: RunSql, kind: string, payload: P, options?: EnqueueOptions): Promise<{ id: string; created: boolean }>;
  };
  worker: JobWorker & { wake(): void };
}

/**
 * The durable job queue on the `jobs` table (docs/adr/0029): the embedded default and server mode alike.
 * Claims use `FOR UPDATE SKIP LOCKED`, so any number of workers on PostgreSQL share it without running a job twice at once.
 */
export function databaseJobs(database: Database, options: WorkerOptions = {}): DatabaseJobs {
  const table = jobTable((text, params) => database.query(text, params));
  const worker = databaseJobWorker(table, options);
  const afterEnqueue = (created: boolean, runAt: Date | undefined) => {
    if (created && (!runAt || runAt.getTime() <= Date.now())) worker.wake();
  };
  return {
    queue: {
      async enqueue(kind, payload, enqueueOptions = {}) {
        const result = await table.enqueue({ kind, payload, ...enqueueOptions });
        afterEnqueue(result.created, enqueueOptions.runAt);
        return result;
      },
      async enqueueIn(run, kind, payload, enqueueOptions = {}) {
        const result = await table.enqueue({ kind, payload, ...enqueueOptions }, run);
        // The row is visible once the caller commits; the next poll (or this wake, if it is already committed) finds it.
        setTimeout(() => afterEnqueue(result.created, enqueueOptions.runAt), 0);
        return result;
      },
    },
    worker,
  };
}
