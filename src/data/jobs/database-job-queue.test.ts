import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RetryLater, type JobRecord } from '../../core/ports/jobs';
import { freshPostgresDatabase, skipWithoutPostgres } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { openDatabase, type Database } from '../database';
import { migrate } from '../migrate';
import { databaseJobs } from './database-job-queue';

const fast = { pollMs: 20, backoff: { baseMs: 20, maxMs: 100 }, graceMs: 2_000 };

const statusOf = async (database: Database, id: string) =>
  (await database.query<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM jobs WHERE id = $1', [id]))[0]!;

function suite(name: string, open: () => Promise<{ open: () => Promise<Database>; cleanup: () => Promise<void> }>, skip: string | false = false) {
  describe(`database job queue (${name})`, { skip }, () => {
    test('a job accepted before a restart runs after it', async () => {
      const place = await open();
      try {
        const first = await place.open();
        await migrate(first);
        const { queue } = databaseJobs(first, fast);
        const { id } = await queue.enqueue('greet', { n: 1 }, { storeId: undefined });
        await first.close(); // no worker ever ran: the process "stopped" with the job accepted

        const second = await place.open();
        const jobs = databaseJobs(second, fast);
        const seen: JobRecord[] = [];
        jobs.worker.register('greet', async (job) => void seen.push(job));
        await jobs.worker.start();
        assert.ok(await eventually(async () => (seen.length === 1 ? true : undefined)));
        assert.deepEqual(seen[0]!.payload, { n: 1 });
        assert.equal((await eventually(async () => ((await statusOf(second, id)).status === 'done' ? 'done' : undefined))), 'done');
        await jobs.worker.stop();
        await second.close();
      } finally {
        await place.cleanup();
      }
    });

    test('a failing job is retried with backoff, then kept as failed (dead letter)', async () => {
      const place = await open();
      const database = await place.open();
      await migrate(database);
      const jobs = databaseJobs(database, fast);
      let runs = 0;
      jobs.worker.register('flaky', async () => {
        runs += 1;
        throw new Error('provider down');
      });
      await jobs.worker.start();
      const { id } = await jobs.queue.enqueue('flaky', {}, { maxAttempts: 3 });
      const row = await eventually(async () => {
        const r = await statusOf(database, id);
        return r.status === 'failed' ? r : undefined;
      }, 5_000);
      assert.equal(row?.attempts, 3);
      assert.match(row!.last_error!, /provider down/);
      assert.equal(runs, 3);
      await jobs.worker.stop();
      await database.close();
      await place.cleanup();
    });

    test('dedupe: the same kind and key enqueue one job; RetryLater waits its delay without spending an attempt', async () => {
      const place = await open();
      const database = await place.open();
      await migrate(database);
      const jobs = databaseJobs(database, fast);
      const a = await jobs.queue.enqueue('send', { to: 1 }, { dedupeKey: 'msg-1' });
      const b = await jobs.queue.enqueue('send', { to: 2 }, { dedupeKey: 'msg-1' });
      const other = await jobs.queue.enqueue('other', {}, { dedupeKey: 'msg-1' });
      assert.equal(a.created, true);
      assert.equal(b.created, false);
      assert.equal(b.id, a.id);
      assert.equal(other.created, true, 'keys are per kind');

      const runsAt: number[] = [];
      jobs.worker.register('send', async (job) => {
        runsAt.push(Date.now());
        if (runsAt.length === 1) throw new RetryLater(400);
        assert.equal(job.attempt, 1, 'RetryLater does not count as an attempt');
      });
      jobs.worker.register('other', async () => undefined);
      await jobs.worker.start();
      assert.ok(await eventually(async () => ((await statusOf(database, a.id)).status === 'done' ? true : undefined), 5_000));
      assert.equal(runsAt.length, 2);
      assert.ok(runsAt[1]! - runsAt[0]! >= 380, `waited ${runsAt[1]! - runsAt[0]!} ms`);
      const again = await jobs.queue.enqueue('send', {}, { dedupeKey: 'msg-1' });
      assert.equal(again.created, false, 'a done job still holds its key within the retention');
      await jobs.worker.stop();
      await database.close();
      await place.cleanup();
    });

    test('a run whose worker died is taken again after its lease; a stale run cannot settle the job', async () => {
      const place = await open();
      const database = await place.open();
      await migrate(database);
      const { id } = await databaseJobs(database, fast).queue.enqueue('crashy', {});
      // A worker claims it with a short lease, then "crashes" (never settles).
      await database.query(`UPDATE jobs SET status = 'running', attempts = 1, lease = 'dead-worker', locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
      const jobs = databaseJobs(database, fast);
      const attempts: number[] = [];
      jobs.worker.register('crashy', async (job) => void attempts.push(job.attempt));
      await jobs.worker.start();
      assert.ok(await eventually(async () => ((await statusOf(database, id)).status === 'done' ? true : undefined), 5_000));
      assert.deepEqual(attempts, [2]);
      const stale = await database.query(`UPDATE jobs SET status = 'failed' WHERE id = $1 AND lease = 'dead-worker' RETURNING id`, [id]);
      assert.equal(stale.length, 0);
      await jobs.worker.stop();
      await database.close();
      await place.cleanup();
    });

    test("the embedded default's start takes its kinds left running by a dead process at once, not after their lease; other kinds keep theirs", async () => {
      const place = await open();
      const database = await place.open();
      await migrate(database);
      const queue = databaseJobs(database, fast).queue;
      const { id } = await queue.enqueue('ingest-like', {});
      const other = await queue.enqueue('someone-elses', {});
      // A process claimed both with a lease of an hour, then died.
      await database.query(`UPDATE jobs SET status = 'running', attempts = 1, lease = 'dead-process', locked_until = now() + interval '1 hour' WHERE id = ANY($1::bigint[])`, [[id, other.id]]);
      const jobs = databaseJobs(database, { ...fast, releaseOrphansOnStart: true });
      const attempts: number[] = [];
      jobs.worker.register('ingest-like', async (job) => void attempts.push(job.attempt));
      await jobs.worker.start();
      assert.ok(await eventually(async () => ((await statusOf(database, id)).status === 'done' ? true : undefined), 5_000));
      assert.deepEqual(attempts, [2]);
      assert.equal((await statusOf(database, other.id)).status, 'running', 'a kind this worker does not run is left to its lease');
      await jobs.worker.stop();
      await database.close();
      await place.cleanup();
    });

    test('concurrent workers never run one job twice', async () => {
      const place = await open();
      const database = await place.open();
      await migrate(database);
      const others = name === 'postgresql' ? [await place.open(), await place.open()] : [database, database];
      const counts = new Map<string, number>();
      const workers = [database, ...others].map((db) => {
        const jobs = databaseJobs(db, { ...fast, pollMs: 5 });
        jobs.worker.register(
          'count',
          async (job) => {
            counts.set(job.id, (counts.get(job.id) ?? 0) + 1);
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          },
          { concurrency: 8 },
        );
        return jobs;
      });
      const producer = databaseJobs(database, fast).queue;
      await Promise.all(workers.map((w) => w.worker.start()));
      const ids = await Promise.all(Array.from({ length: 120 }, (_, i) => producer.enqueue('count', { i }).then((r) => r.id)));
      assert.ok(await eventually(async () => (ids.every((id) => counts.has(id)) ? true : undefined), 15_000));
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok([...counts.values()].every((n) => n === 1), 'each job ran exactly once');
      const left = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status <> 'done'`);
      assert.equal(left[0]!.n, 0);
      await Promise.all(workers.map((w) => w.worker.stop()));
      for (const db of new Set([database, ...others])) await db.close();
      await place.cleanup();
    });
  });
}

suite('PGlite, embedded default', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-jobs-'));
  return { open: () => openDatabase({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

suite(
  'postgresql',
  async () => {
    const fresh = await freshPostgresDatabase();
    return { open: () => openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' }), cleanup: fresh.drop };
  },
  skipWithoutPostgres,
);
