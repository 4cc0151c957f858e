import { eq, sql } from 'drizzle-orm';
import type { StoreRepository, StoredStore } from '../../core/ports/store-repository';
import type { Db } from '../database';
import { apiKeys, stores } from '../schema/index';

/** A store row as the port sees it (credentials still sealed). */
const storedStore = (row: typeof stores.$inferSelect): StoredStore => ({
  id: row.id,
  name: row.name,
  platform: row.platform,
  createdAt: row.createdAt,
  settings: row.settings,
  credentials: row.apiCredentials as StoredStore['credentials'],
  inboundEmailKey: row.inboundEmailKey,
});

/** Stores and their settings in PostgreSQL/PGlite. */
export function storeRepository(db: Db): StoreRepository {
  return {
    async create(input, keys) {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(stores).values({ name: input.name, platform: input.platform, settings: input.settings }).returning();
        if (keys.length > 0) await tx.insert(apiKeys).values(keys.map((key) => ({ ...key, storeId: row!.id })));
        return { id: row!.id, name: row!.name, platform: row!.platform, createdAt: row!.createdAt };
      });
    },
    async get(storeId) {
      const [row] = await db.select().from(stores).where(eq(stores.id, storeId)).limit(1);
      if (!row) return undefined;
      return storedStore(row);
    },
    async changeSettings(storeId, change) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(stores).where(eq(stores.id, storeId)).for('update');
        if (!row) return undefined;
        const current = storedStore(row);
        const { settings, credentials } = change(current);
        await tx.update(stores).set({ settings, apiCredentials: credentials, updatedAt: new Date() }).where(eq(stores.id, storeId));
        return { ...current, settings, credentials };
      });
    },
    async allAllowedOrigins() {
      // Both drivers answer execute() with `{rows}`.
      const result = (await db.execute(
        sql`SELECT DISTINCT jsonb_array_elements_text(settings->'allowedOrigins') AS origin FROM ${stores} WHERE jsonb_typeof(settings->'allowedOrigins') = 'array'`,
      )) as unknown as { rows: { origin: string }[] };
      return result.rows.map((row) => row.origin);
    },
    async byInboundEmailKey(key) {
      const [row] = await db.select({ id: stores.id }).from(stores).where(eq(stores.inboundEmailKey, key)).limit(1);
      return row?.id;
    },
    async listIds() {
      return (await db.select({ id: stores.id }).from(stores)).map((row) => row.id);
    },
  };
}
