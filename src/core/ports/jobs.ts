/**
 * Durable background jobs: outbound deliveries (e-mail, helpdesk replies), webhook processing,
 * ingestion, imports, sync. A job accepted is never lost; handlers must be idempotent because a
 * job may run more than once (a crash after the work but before the acknowledgement).
 * Adapters: the database queue (embedded default, in-process worker) and a queue library in
 * server mode (worker processes, `concierge worker`).
 */
export interface JobRecord<P = unknown> {
  id: string;
  kind: string;
  storeId: string | null;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

export interface EnqueueOptions {
  storeId?: string;
  /** Not before this time. */
  runAt?: Date;
  /**
   * Exactly-once intent: a second enqueue with the same kind and key, while the first exists
   * (pending, running or done within the retention), is a no-op that returns the first job's id.
   */
  dedupeKey?: string;
  /** Default 8; after the last failure the job is kept as `failed` (dead letter), never dropped. */
  maxAttempts?: number;
}

export interface NewJob<P = unknown> extends EnqueueOptions {
  kind: string;
  payload: P;
}

export interface JobQueue {
  enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<{ id: string; created: boolean }>;
}

/**
 * Thrown by a handler to be retried after a given delay (a provider's Retry-After), without
 * counting as a failure of the handler's own making. Any other error is retried with
 * exponential backoff and jitter up to `maxAttempts`.
 */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    message = `retry in ${delayMs} ms`,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Runs one job; must be idempotent. `signal` aborts when the job times out or the worker stops. */
export type JobHandler<P = unknown> = (job: JobRecord<P>, signal: AbortSignal) => Promise<void>;

export interface JobHandlerOptions {
  concurrency?: number;
  timeoutMs?: number;
}

export interface JobWorker {
  register<P>(kind: string, handler: JobHandler<P>, options?: JobHandlerOptions): void;
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones (up to a grace period). */
  stop(): Promise<void>;
}
