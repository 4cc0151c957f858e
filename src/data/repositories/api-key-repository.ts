import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ApiKeyRepository } from '../../core/ports/store-repository';
import type { Scope } from '../../core/scopes';
import type { ApiKey, KeyKind } from '../../core/stores';
import type { Db } from '../database';
import { apiKeys } from '../schema/index';

type Row = typeof apiKeys.$inferSelect;

const toApiKey = ({ secretHash: _hash, ...row }: Row): ApiKey => ({ ...row, kind: row.kind as KeyKind, scopes: row.scopes as Scope[] });

/** Store API keys; only the hash of a secret is ever stored or read. */
export function apiKeyRepository(db: Db): ApiKeyRepository {
  return {
    async insert(key) {
      const [row] = await db.insert(apiKeys).values(key).returning();
      return toApiKey(row!);
    },
    // The key id comes from the presented secret and names the store: the one call without storeId.
    async findForAuth(keyId) {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId)).limit(1);
      return row ? { ...toApiKey(row), secretHash: row.secretHash } : undefined;
    },
    async list(storeId) {
      return (await db.select().from(apiKeys).where(eq(apiKeys.storeId, storeId)).orderBy(asc(apiKeys.createdAt))).map(toApiKey);
    },
    async revoke(storeId, keyId) {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.storeId, storeId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
        .returning();
      if (row) return toApiKey(row);
      const [existing] = await db.select().from(apiKeys).where(and(eq(apiKeys.storeId, storeId), eq(apiKeys.id, keyId)));
      return existing ? toApiKey(existing) : undefined;
    },
  };
}
