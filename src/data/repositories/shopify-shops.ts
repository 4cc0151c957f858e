import type { ShopifyShop, ShopifyShops } from '../../core/ports/shopify-shops';
import type { Database } from '../database';
import { toDate } from './json-row';

interface Row { store_id: string; shop_domain: string; granted_scopes: string[]; connected_via: 'token' | 'oauth'; connected_at: string | Date }

const toShop = (row: Row): ShopifyShop => ({ storeId: row.store_id, shopDomain: row.shop_domain, grantedScopes: row.granted_scopes, connectedVia: row.connected_via, connectedAt: toDate(row.connected_at) });

/** Stores' Shopify connections (not their tokens) and OAuth states, in PostgreSQL/PGlite. */
export function shopifyShopRepository(database: Database): ShopifyShops {
  return {
    async connect(shop) {
      await database.transactionSql(async (run) => {
        // A shop belongs to one store: connecting it elsewhere moves it.
        await run('DELETE FROM shopify_shops WHERE shop_domain = $1 AND store_id <> $2', [shop.shopDomain, shop.storeId]);
        await run(
          `INSERT INTO shopify_shops (store_id, shop_domain, granted_scopes, connected_via) VALUES ($1, $2, $3, $4)
           ON CONFLICT (store_id) DO UPDATE SET shop_domain = EXCLUDED.shop_domain, granted_scopes = EXCLUDED.granted_scopes, connected_via = EXCLUDED.connected_via, connected_at = now()`,
          [shop.storeId, shop.shopDomain, shop.grantedScopes, shop.connectedVia],
        );
      });
    },
    async forStore(storeId) {
      const [row] = await database.query<Row>('SELECT * FROM shopify_shops WHERE store_id = $1', [storeId]);
      return row ? toShop(row) : undefined;
    },
    async byDomain(shopDomain) {
      const [row] = await database.query<Row>('SELECT * FROM shopify_shops WHERE shop_domain = $1', [shopDomain.toLowerCase()]);
      return row ? toShop(row) : undefined;
    },
    async disconnect(storeId) {
      await database.query('DELETE FROM shopify_shops WHERE store_id = $1', [storeId]);
    },
    async saveState(nonce, storeId, shopDomain) {
      await database.query("DELETE FROM shopify_oauth_states WHERE created_at < now() - interval '1 day'");
      await database.query('INSERT INTO shopify_oauth_states (nonce, store_id, shop_domain) VALUES ($1, $2, $3)', [nonce, storeId, shopDomain]);
    },
    async takeState(nonce, maxAgeMs) {
      const [row] = await database.query<{ store_id: string; shop_domain: string; created_at: string | Date }>('DELETE FROM shopify_oauth_states WHERE nonce = $1 RETURNING store_id, shop_domain, created_at', [nonce]);
      if (!row || Date.now() - toDate(row.created_at).getTime() > maxAgeMs) return undefined;
      return { storeId: row.store_id, shopDomain: row.shop_domain };
    },
  };
}
