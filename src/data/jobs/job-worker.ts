import { RetryLater, type JobHandler, type JobHandlerOptions, type JobWorker } from '../../core/ports/jobs';
import { backoffDelayMs, defaultBackoff, type BackoffOptions } from './job-backoff';
import { errorText, type ClaimedJob, type JobTable } from './job-table';

/** Where the worker reports what went wrong: ids, kinds and error types only (never payloads or messages). */
export interface JobLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface WorkerOptions {
  /** How often the worker looks for due jobs when nothing woke it (an enqueue in this process wakes it at once). */
  pollMs?: number;
  /** Added to a handler's timeout to make the lease: a claim not finished by then is taken again. */
  leaseMarginMs?: number;
  backoff?: BackoffOptions;
  /** How long `stop` waits for running jobs before aborting them. */
  graceMs?: number;
  /** Done jobs are deleted after this long (their dedupe keys free again). */
  retentionMs?: number;
  log?: JobLog;
  /** The embedded default only (one process per database): at start, this worker's kinds left `running` are taken again at once. */
  releaseOrphansOnStart?: boolean;
}

interface Registration {
  handler: JobHandler;
  concurrency: number;
  timeoutMs: number;
  running: number;
}

const DEFAULTS = { pollMs: 500, leaseMarginMs: 30_000, graceMs: 10_000, retentionMs: 7 * 24 * 3_600_000, concurrency: 4, timeoutMs: 60_000 };
const SWEEP_EVERY_MS = 60_000;

class JobTimedOut extends Error {
  override name = 'JobTimedOut';
}

/** The database queue's worker: claims due jobs per kind up to each kind's concurrency, runs them, and settles each under its lease. */
export function databaseJobWorker(table: JobTable, options: WorkerOptions = {}): JobWorker & { wake(): void } {
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const backoff = options.backoff ?? defaultBackoff;
  const registrations = new Map<string, Registration>();
  const inFlight = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let started = false;
  let startup: Promise<void> | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  let again = false;
  let lastSweep = 0;

  const warn = (fields: Record<string, unknown>, message: string) => options.log?.warn(fields, message);

  async function settle(job: ClaimedJob, error: unknown): Promise<void> {
    const text = errorText(error);
    const fields = { jobId: job.id, kind: job.kind, attempt: job.attempt, errorType: error instanceof Error ? error.name : typeof error };
    if (error instanceof RetryLater) {
      await table.retry(job, error.delayMs, text, false);
      return;
    }
    if (job.attempt >= job.maxAttempts) {
      await table.deadLetter(job, text);
      warn(fields, 'job failed its last attempt: kept as failed (dead letter)');
      return;
    }
    await table.retry(job, backoffDelayMs(job.attempt, backoff), text, true);
    warn(fields, 'job failed: retried with backoff');
  }

  async function run(job: ClaimedJob, registration: Registration): Promise<void> {
    const controller = new AbortController();
    controllers.add(controller);
    let timeout: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => {
          controller.abort();
          reject(new JobTimedOut(`job ran over ${registration.timeoutMs} ms`));
        }, registration.timeoutMs);
      });
      await Promise.race([registration.handler(job, controller.signal), timedOut]);
      if (!(await table.complete(job))) warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was taken over');
    } catch (error) {
      await settle(job, error).catch((e: unknown) => warn({ jobId: job.id, kind: job.kind, errorType: e instanceof Error ? e.name : 'unknown' }, 'could not record a job failure'));
    } finally {
      clearTimeout(timeout);
      controllers.delete(controller);
    }
  }

  function launch(job: ClaimedJob, registration: Registration): void {
    registration.running += 1;
    const task = run(job, registration).finally(() => {
      registration.running -= 1;
      inFlight.delete(task);
      if (!stopping) wake();
    });
    inFlight.add(task);
  }

  async function tick(): Promise<void> {
    if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await table.sweep(options.retentionMs ?? DEFAULTS.retentionMs);
    }
    for (const [kind, registration] of registrations) {
      const free = registration.concurrency - registration.running;
      if (free <= 0 || stopping) continue;
      const claimed = await table.claim(kind, free, registration.timeoutMs + (options.leaseMarginMs ?? DEFAULTS.leaseMarginMs));
      for (const job of claimed) launch(job, registration);
    }
  }

  async function loop(): Promise<void> {
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        await tick().catch((error: unknown) => warn({ errorType: error instanceof Error ? error.name : 'unknown' }, 'job poll failed; trying again'));
      } while (again && !stopping);
    } finally {
      ticking = false;
    }
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!stopping && started) timer = setTimeout(() => void loop(), pollMs);
  }

  function wake(): void {
    if (started && !stopping) void loop();
  }

  return {
    register<P>(kind: string, handler: JobHandler<P>, handlerOptions: JobHandlerOptions = {}) {
      registrations.set(kind, {
        handler: handler as JobHandler,
        concurrency: handlerOptions.concurrency ?? DEFAULTS.concurrency,
        timeoutMs: handlerOptions.timeoutMs ?? DEFAULTS.timeoutMs,
        running: 0,
      });
      wake();
    },
    start() {
      if (started) return Promise.resolve();
      // Orphans are released before this worker claims anything, so it never releases its own claims.
      startup ??= (async () => {
        if (options.releaseOrphansOnStart && registrations.size > 0) await table.releaseOrphans([...registrations.keys()]);
        started = true;
        stopping = false;
        await loop();
      })().finally(() => {
        startup = undefined;
      });
      return startup;
    },
    async stop() {
      await startup?.catch(() => undefined);
      if (!started) return;
      stopping = true;
      clearTimeout(timer);
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs ?? DEFAULTS.graceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      for (const controller of controllers) controller.abort();
      // Let the loop that may be mid-claim finish before the database closes.
      while (ticking) await new Promise((resolve) => setTimeout(resolve, 5));
      started = false;
    },
    wake,
  };
}
