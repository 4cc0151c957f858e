import type { WidgetLogoStore } from '../../core/ports/widget-logos';
import type { Database } from '../database';

/** Uploaded widget logos in `widget_logos` (migration 0070), at most 64 KB each, keyed by store and content hash. */
export function widgetLogoRepository(database: Database): WidgetLogoStore {
  return {
    async save(storeId, logo) {
      await database.query(
        `INSERT INTO widget_logos (store_id, hash, content_type, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (store_id, hash) DO NOTHING`,
        [storeId, logo.hash, logo.contentType, Buffer.from(logo.bytes)],
      );
    },
    async find(storeId, hash) {
      const rows = await database.query<{ hash: string; content_type: string; bytes: Uint8Array }>(
        'SELECT hash, content_type, bytes FROM widget_logos WHERE store_id = $1 AND hash = $2',
        [storeId, hash],
      );
      const row = rows[0];
      return row ? { hash: row.hash, contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : undefined;
    },
  };
}
