import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { IDEMPOTENCY_RETENTION_MS, type IdempotencyScope, type IdempotencyStore } from '../../core/ports/idempotency-store';
import type { SealedValue, Sealer } from '../../core/sealed-value';
import type { Db } from '../database';
import { idempotencyKeys } from '../schema/index';

const ago = (ms: number) => sql`now() - ${`${ms} milliseconds`}::interval`;
// A claim still in progress after this long was abandoned (its process died): a retry may take it over.
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

// The associated data binds a sealed answer to its record: copied to another key, it does not open.
const boundTo = (s: IdempotencyScope) => `idempotency:${s.storeId}:${s.caller}:${s.route}:${s.key}`;

/**
 * Idempotency keys in the database: the primary key makes a concurrent second claim lose. Answers
 * are sealed with the keyring (they carry new API keys, store keys, conversation tokens and shoppers'
 * replies); a record older than 24 hours is gone for a claim even before the sweep deletes it, and
 * one left in progress for 5 minutes (its process died) is taken over by the next claim.
 */
export function idempotencyStore(db: Db, sealer: Sealer): IdempotencyStore {
  const match = (s: IdempotencyScope) =>
    and(eq(idempotencyKeys.storeId, s.storeId), eq(idempotencyKeys.caller, s.caller), eq(idempotencyKeys.route, s.route), eq(idempotencyKeys.key, s.key));
  return {
    async claim(scope, requestHash) {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            match(scope),
            or(
              lt(idempotencyKeys.createdAt, ago(IDEMPOTENCY_RETENTION_MS)),
              and(isNull(idempotencyKeys.status), lt(idempotencyKeys.createdAt, ago(ABANDONED_AFTER_MS))),
            ),
          ),
        );
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ storeId: scope.storeId, caller: scope.caller, route: scope.route, key: scope.key, requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return { state: 'new' };
      const [row] = await db.select().from(idempotencyKeys).where(match(scope));
      if (!row) return { state: 'in_progress' };
      if (row.requestHash !== requestHash) return { state: 'mismatch' };
      if (row.status === null || row.response === null) return { state: 'in_progress' };
      return { state: 'done', status: row.status, response: sealer.open(row.response as SealedValue, boundTo(scope)) };
    },
    async complete(scope, status, response) {
      await db
        .update(idempotencyKeys)
        .set({ status, response: sealer.seal(response, boundTo(scope)) })
        .where(match(scope));
    },
    async release(scope) {
      await db.delete(idempotencyKeys).where(match(scope));
    },
    async sweep() {
      const gone = await db
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, ago(IDEMPOTENCY_RETENTION_MS)))
        .returning({ key: idempotencyKeys.key });
      return gone.length;
    },
    async reseal() {
      const rows = await db.select().from(idempotencyKeys).where(isNotNull(idempotencyKeys.response));
      let count = 0;
      for (const row of rows) {
        const sealed = row.response as SealedValue;
        if (sealed.kid === sealer.currentKeyId) continue;
        const scope = { storeId: row.storeId, caller: row.caller, route: row.route, key: row.key };
        await db
          .update(idempotencyKeys)
          .set({ response: sealer.seal(sealer.open(sealed, boundTo(scope)), boundTo(scope)) })
          .where(match(scope));
        count += 1;
      }
      return count;
    },
  };
}
