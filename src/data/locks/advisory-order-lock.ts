import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { OrderLock } from '../../core/ports/order-lock';
import type { LockSession } from '../database';
import { MemoryConversationLock } from '../memory/memory-lock';

/** The advisory lock key of an order: 64 bits of a hash of the store and order (a collision only serialises two orders). */
export function orderLockKey(storeId: string, orderId: string): string {
  return lockKey(`order:${storeId}:${orderId}`);
}

/** The advisory lock key of one of a shopper's identifiers (already a per-store hash). */
export function shopperLockKey(storeId: string, shopperKey: string): string {
  return lockKey(`shopper:${storeId}:${shopperKey}`);
}

const lockKey = (name: string) => createHash('sha256').update(name).digest().readBigInt64BE(0).toString();

const LOCK_TIMEOUT = '55P03';

/**
 * Order locks across instances: a PostgreSQL session-level advisory lock held on a connection of
 * its own for the whole critical section. It has no lease to run out while a payment provider is
 * slow, and the server drops it the moment its holder's connection ends (crash, kill -9). Waiters
 * of one process queue in memory first, so an order costs each instance at most one connection.
 * Why not a Redis lock: docs/adr/0011.
 */
export class AdvisoryOrderLock implements OrderLock {
  private readonly local = new MemoryConversationLock();

  constructor(private readonly session: () => Promise<LockSession>) {}

  withOrderLock<T>(storeId: string, orderId: string, fn: () => Promise<T>): Promise<T> {
    return this.holding([orderLockKey(storeId, orderId)], `order ${orderId}`, fn);
  }

  withShopperLock<T>(storeId: string, shopperKeys: string[], fn: () => Promise<T>): Promise<T> {
    const keys = [...new Set(shopperKeys.map((key) => shopperLockKey(storeId, key)))].sort();
    return this.holding(keys, 'this shopper', fn);
  }

  /** Holds every key (sorted by the caller) on one connection of its own, in memory first, then on the server. */
  private holding<T>(keys: string[], what: string, fn: () => Promise<T>): Promise<T> {
    const inMemory = (i: number): Promise<T> => (i === keys.length ? this.onServer(keys, what, fn) : this.local.withLock(keys[i]!, () => inMemory(i + 1)));
    return inMemory(0);
  }

  private async onServer<T>(keys: string[], what: string, fn: () => Promise<T>): Promise<T> {
    if (keys.length === 0) return fn();
    const session = await this.session().catch((error: unknown) => {
      throw new AppError('unavailable', `no connection for the lock of ${what}: ${(error as Error).message}`);
    });
    const held: string[] = [];
    try {
      for (const key of keys) {
        await session.query('SELECT pg_advisory_lock($1::bigint)', [key]);
        held.push(key);
      }
    } catch (error) {
      const timedOut = (error as { code?: string }).code === LOCK_TIMEOUT;
      await this.unlock(session, held, !timedOut);
      if (timedOut) throw new AppError('unavailable', `${what} is busy with another request`);
      throw error;
    }
    try {
      return await fn();
    } finally {
      await this.unlock(session, held, false);
    }
  }

  /** Releases the keys held and the connection; if unlocking fails the connection is closed, which releases them all the same. */
  private async unlock(session: LockSession, held: string[], broken: boolean): Promise<void> {
    if (broken) return session.release(true);
    try {
      for (const key of held.reverse()) await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
      session.release();
    } catch {
      session.release(true);
    }
  }
}
