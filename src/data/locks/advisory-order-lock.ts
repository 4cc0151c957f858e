import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { OrderLock } from '../../core/ports/order-lock';
import type { LockSession } from '../database';
import { MemoryConversationLock } from '../memory/memory-lock';

/** The advisory lock key of an order: 64 bits of a hash of the store and order (a collision only serialises two orders). */
export function orderLockKey(storeId: string, orderId: string): string {
  return createHash('sha256').update(`order:${storeId}:${orderId}`).digest().readBigInt64BE(0).toString();
}

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
    const key = orderLockKey(storeId, orderId);
    return this.local.withLock(key, async () => {
      const session = await this.session().catch((error: unknown) => {
        throw new AppError('unavailable', `no connection for the lock of order ${orderId}: ${(error as Error).message}`);
      });
      try {
        await session.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      } catch (error) {
        session.release((error as { code?: string }).code !== LOCK_TIMEOUT);
        if ((error as { code?: string }).code === LOCK_TIMEOUT) throw new AppError('unavailable', `order ${orderId} is busy with another request`);
        throw error;
      }
      try {
        return await fn();
      } finally {
        // If unlocking fails the connection is closed, which releases the lock all the same.
        await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]).then(
          () => session.release(),
          () => session.release(true),
        );
      }
    });
  }
}
