import { randomUUID } from 'node:crypto';
import type { JobRecord, NewJob } from '../../core/ports/jobs';

/** Runs one SQL statement: a Database's `query`, or the `run` of a transaction in progress. */
export type RunSql = (text: string, params?: unknown[]) => Promise<unknown[]>;

export interface ClaimedJob extends JobRecord {
  lease: string;
}

interface JobRow {
  id: number | string;
  kind: string;
  store_id: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const ERROR_TEXT_LIMIT = 500;

const ENQUEUE = `
WITH inserted AS (
  INSERT INTO jobs (store_id, kind, payload, run_at, dedupe_key, max_attempts)
  VALUES ($1, $2, $3::jsonb, COALESCE($4::timestamptz, now()), $5, $6)
  ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
  RETURNING id
)
SELECT id, true AS created FROM inserted
UNION ALL
SELECT id, false AS created FROM jobs WHERE kind = $2 AND dedupe_key = $5 AND NOT EXISTS (SELECT 1 FROM inserted)`;

// Due jobs, and running jobs whose lease ran out (their worker died): the oldest first, each to one claimer.
const CLAIM = `
UPDATE jobs SET status = 'running', attempts = attempts + 1, lease = $4,
       locked_until = now() + ($3::int * interval '1 millisecond')
WHERE id IN (
  SELECT id FROM jobs
  WHERE kind = $1
    AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now() AND attempts < max_attempts))
  ORDER BY run_at, id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
RETURNING id, kind, store_id, payload, attempts, max_attempts`;

const toRecord = (row: JobRow, lease: string): ClaimedJob => ({
  id: String(row.id),
  kind: row.kind,
  storeId: row.store_id,
  payload: row.payload,
  attempt: row.attempts,
  maxAttempts: row.max_attempts,
  lease,
});

/** A short description of a failure for the row (never logged): the error's type and the start of its message. */
export const errorText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, ERROR_TEXT_LIMIT);

/** The `jobs` table as a queue: every statement the database queue and its worker run (same SQL on PGlite and PostgreSQL). */
export function jobTable(query: RunSql) {
  return {
    /** Inserts a job, or finds the one its dedupe key names. `run` may be a transaction's, so the job commits with the change that caused it. */
    async enqueue(job: NewJob, run: RunSql = query): Promise<{ id: string; created: boolean }> {
      const params = [job.storeId ?? null, job.kind, JSON.stringify(job.payload ?? {}), job.runAt?.toISOString() ?? null, job.dedupeKey ?? null, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS];
      let rows = (await run(ENQUEUE, params)) as { id: number | string; created: boolean }[];
      // A concurrent insert of the same key, committed after this statement's snapshot: read it now.
      if (rows.length === 0) rows = (await run('SELECT id, false AS created FROM jobs WHERE kind = $1 AND dedupe_key = $2', [job.kind, job.dedupeKey])) as typeof rows;
      const row = rows[0];
      if (!row) throw new Error('enqueue found neither a new nor an existing job');
      return { id: String(row.id), created: row.created === true };
    },

    /** Takes up to `limit` due jobs of one kind for `leaseMs`; a claim nobody finishes in time is taken again. */
    async claim(kind: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
      const lease = randomUUID();
      const rows = (await query(CLAIM, [kind, limit, Math.ceil(leaseMs), lease])) as JobRow[];
      return rows.map((row) => toRecord(row, lease));
    },

    /** Done; false when this claim no longer owns the job (its lease ran out and another run took it). */
    async complete(job: ClaimedJob): Promise<boolean> {
      const rows = await query(
        `UPDATE jobs SET status = 'done', completed_at = now(), locked_until = NULL, lease = NULL, last_error = NULL
         WHERE id = $1 AND lease = $2 RETURNING id`,
        [job.id, job.lease],
      );
      return rows.length > 0;
    },

    /** Back to pending after `delayMs`; `counted` false gives the attempt back (a RetryLater). */
    async retry(job: ClaimedJob, delayMs: number, error: string, counted: boolean): Promise<boolean> {
      const rows = await query(
        `UPDATE jobs SET status = 'pending', run_at = now() + ($3::int * interval '1 millisecond'), locked_until = NULL, lease = NULL,
                last_error = $4, attempts = attempts - $5
         WHERE id = $1 AND lease = $2 RETURNING id`,
        [job.id, job.lease, Math.ceil(delayMs), error, counted ? 0 : 1],
      );
      return rows.length > 0;
    },

    /** The dead letter: kept as `failed` with its last error, never dropped. */
    async deadLetter(job: ClaimedJob, error: string): Promise<boolean> {
      const rows = await query(
        `UPDATE jobs SET status = 'failed', completed_at = now(), locked_until = NULL, lease = NULL, last_error = $3
         WHERE id = $1 AND lease = $2 RETURNING id`,
        [job.id, job.lease, error],
      );
      return rows.length > 0;
    },

    /**
     * The embedded default's start: its database has one process, so a `running` job of these kinds was left by
     * a process that died; it is due again now rather than when its lease runs out.
     */
    async releaseOrphans(kinds: string[]): Promise<number> {
      const rows = await query(
        `UPDATE jobs SET status = 'pending', run_at = now(), locked_until = NULL, lease = NULL
         WHERE status = 'running' AND kind = ANY($1::text[]) RETURNING id`,
        [kinds],
      );
      return rows.length;
    },

    /** Jobs whose last attempt's worker died (lease expired, no attempt left) go to the dead letter; done jobs past retention go. */
    async sweep(retentionMs: number): Promise<void> {
      await query(
        `UPDATE jobs SET status = 'failed', completed_at = now(), lease = NULL, last_error = 'the last attempt did not finish (worker stopped or timed out)'
         WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts`,
      );
      await query(`DELETE FROM jobs WHERE status = 'done' AND completed_at < now() - ($1::bigint * interval '1 millisecond')`, [Math.ceil(retentionMs)]);
    },
  };
}

export type JobTable = ReturnType<typeof jobTable>;
