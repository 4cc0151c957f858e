import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAppError } from '../src/core/errors';
import type { OrderLock } from '../src/core/ports/order-lock';
import { openDatabase, type Database } from '../src/data/database';
import { AdvisoryOrderLock, orderLockKey } from '../src/data/locks/advisory-order-lock';
import { MemoryOrderLock } from '../src/data/locks/memory-order-lock';
import { freshPostgresDatabase, skipWithoutPostgres } from './support/databases';

const STORE = '00000000-0000-4000-8000-000000000001';

/** Runs `n` critical sections on one order at once and reports the most that ever overlapped. */
async function maxOverlap(locks: OrderLock[], n: number, holdMs: number): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      locks[i % locks.length]!.withOrderLock(STORE, 'order-1', async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(holdMs);
        inside -= 1;
      }),
    ),
  );
  return most;
}

/** Runs critical sections for shoppers whose key sets overlap (one shared key, listed in either order) and reports the most that overlapped. */
async function shopperOverlap(locks: OrderLock[], n: number, holdMs: number): Promise<number> {
  let inside = 0;
  let most = 0;
  const sets = [['e:1', 'a:1'], ['a:1', 'p:9'], ['p:9', 'e:1', 'c:4']];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      locks[i % locks.length]!.withShopperLock(STORE, sets[i % sets.length]!, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(holdMs);
        inside -= 1;
      }),
    ),
  );
  return most;
}

describe('order locks', () => {
  test('in process: a shopper\'s money decisions one at a time whatever key they share, taken in any order without deadlock', async () => {
    const lock = new MemoryOrderLock();
    assert.equal(await shopperOverlap([lock], 9, 5), 1);
    let both = 0;
    await Promise.all(['x', 'y'].map((key) => lock.withShopperLock(STORE, [`e:${key}`], async () => { both += 1; await sleep(20); assert.equal(both, 2, 'another shopper does not wait'); })));
  });

  test('in process: one critical section at a time per order, orders apart run side by side', async () => {
    const lock = new MemoryOrderLock();
    assert.equal(await maxOverlap([lock], 8, 5), 1);
    let both = 0;
    await Promise.all(['a', 'b'].map((order) => lock.withOrderLock(STORE, order, async () => { both += 1; await sleep(20); assert.equal(both, 2, 'another order does not wait'); })));
  });

  describe('PostgreSQL advisory lock, several instances', { skip: skipWithoutPostgres }, () => {
    let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let databases: Database[];
    before(async () => {
      fresh = await freshPostgresDatabase();
      databases = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url, dataDir: 'unused', lockTimeoutMs: 1_500 })));
    });
    after(async () => {
      await Promise.all(databases.map((d) => d.close()));
      await fresh.drop();
    });

    test('critical sections on one order never overlap across instances', async () => {
      const locks = databases.map((d) => new AdvisoryOrderLock(d.lockSession!));
      assert.equal(await maxOverlap(locks, 24, 3), 1);
    });

    test("one shopper's money decisions never overlap across instances, keys shared in any order, no deadlock", async () => {
      const locks = databases.map((d) => new AdvisoryOrderLock(d.lockSession!));
      assert.equal(await shopperOverlap(locks, 18, 3), 1);
    });

    test('a holder that is slow keeps the lock (no lease runs out); a waiter past lock_timeout is told the order is busy', async () => {
      const [a, b] = databases.map((d) => new AdvisoryOrderLock(d.lockSession!));
      let released = false;
      const holding = a!.withOrderLock(STORE, 'slow-order', async () => {
        await sleep(2_500); // longer than the waiter's lock_timeout: a provider call taking its time
        released = true;
      });
      await sleep(100);
      await assert.rejects(
        b!.withOrderLock(STORE, 'slow-order', async () => assert.fail('entered while held')),
        (error) => isAppError(error) && error.code === 'unavailable',
      );
      assert.equal(released, false, 'the waiter gave up while the holder still held it');
      await holding;
      await b!.withOrderLock(STORE, 'slow-order', async () => undefined);
    });

    test("a holder whose connection dies (crash, kill -9) releases the lock at once", async () => {
      const [a, b] = databases.map((d) => new AdvisoryOrderLock(d.lockSession!));
      const key = orderLockKey(STORE, 'crash-order');
      let entered = false;
      const holding = a!
        .withOrderLock(STORE, 'crash-order', async () => {
          // Another session kills the holder's backend, as a crash of its process would end it.
          const [holder] = await databases[2]!.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = $1::bigint", [key]);
          assert.ok(holder, 'the advisory lock is visible in pg_locks');
          await databases[2]!.query('SELECT pg_terminate_backend($1)', [holder.pid]);
          await b!.withOrderLock(STORE, 'crash-order', async () => {
            entered = true;
          });
        })
        .catch(() => undefined);
      await holding;
      assert.equal(entered, true, 'another instance took the lock once the holder was gone');
    });
  });
});
