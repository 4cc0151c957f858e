import { and, eq } from 'drizzle-orm';
import type { IdempotencyStore } from '../../core/ports/idempotency-store';
import type { Db } from '../database';
import { idempotencyKeys } from '../schema/index';

/** Idempotency keys in the database: the primary key makes a concurrent second claim lose. */
export function idempotencyStore(db: Db): IdempotencyStore {
  const match = (storeId: string, route: string, key: string) =>
    and(eq(idempotencyKeys.storeId, storeId), eq(idempotencyKeys.route, route), eq(idempotencyKeys.key, key));
  return {
    async claim(storeId, route, key, requestHash) {
      const inserted = await db.insert(idempotencyKeys).values({ storeId, route, key, requestHash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return { state: 'new' };
      const [row] = await db.select().from(idempotencyKeys).where(match(storeId, route, key));
      if (!row) return { state: 'in_progress' };
      if (row.requestHash !== requestHash) return { state: 'mismatch' };
      if (row.status === null) return { state: 'in_progress' };
      return { state: 'done', status: row.status, response: JSON.stringify(row.response) };
    },
    async complete(storeId, route, key, status, response) {
      await db.update(idempotencyKeys).set({ status, response: JSON.parse(response) as unknown }).where(match(storeId, route, key));
    },
    async release(storeId, route, key) {
      await db.delete(idempotencyKeys).where(match(storeId, route, key));
    },
  };
}
