import type { Env } from './config/env';
import type { Product } from './core/commerce';
import type { Cache } from './core/ports/cache';
import type { Sealer } from './core/sealed-value';
import type { StoreService } from './core/store-service';
import type { Database } from './data/database';
import { shopifyShopRepository } from './data/repositories/shopify-shops';
import { shopperPrivacyRepository } from './data/repositories/shopper-privacy';
import type { ObjectStorage } from './core/ports/object-storage';
import { webhookDeliveryLog } from './data/repositories/webhook-deliveries';
import type { FetchApi } from './integrations/shopify/admin-transport';
import { shopifyCommerce } from './integrations/shopify/shopify-commerce';
import { shopifyConnections, type ShopifyApp } from './integrations/shopify/shopify-connections';
import { shopifyWebhookReceiver } from './integrations/shopify/webhook-receiver';

/** The OAuth app, when the instance has one (client id, secret and a public URL to come back to). */
function oauthApp(env: Env): ShopifyApp | undefined {
  if (!env.SHOPIFY_API_KEY || !env.SHOPIFY_API_SECRET || !env.CONCIERGE_PUBLIC_URL) return undefined;
  return { clientId: env.SHOPIFY_API_KEY, clientSecret: env.SHOPIFY_API_SECRET, redirectUri: new URL('/integrations/shopify/callback', env.CONCIERGE_PUBLIC_URL).toString() };
}

/** Shopify wired: connections, the adapter, privacy, and the webhook receiver (docs/adr/0027). */
export function shopifyIntegration(deps: { env: Env; database: Database; stores: StoreService; cache: Cache; keyring: Sealer; fetchApi?: FetchApi; files?: Pick<ObjectStorage, 'delete'> }) {
  const shops = shopifyShopRepository(deps.database);
  const connections = shopifyConnections({ stores: deps.stores, shops, app: oauthApp(deps.env), fetchApi: deps.fetchApi });
  const commerce = shopifyCommerce({ transportFor: connections.transportFor, cache: deps.cache, orderTtlMs: deps.env.CONCIERGE_ORDER_CACHE_TTL_MS });
  const privacy = shopperPrivacyRepository(deps.database, deps.keyring, deps.files);
  return {
    shops,
    connections,
    commerce,
    privacy,
    /** The receiver, given how one product is re-indexed (the knowledge base is built after this). */
    webhooks(syncProduct: (storeId: string, productId: string, product: Product | undefined) => Promise<void>) {
      return shopifyWebhookReceiver({
        shops,
        deliveries: webhookDeliveryLog(deps.database),
        privacy,
        secretFor: connections.webhookSecret,
        onOrderChanged: (storeId, orderId) => commerce.invalidateOrder(storeId, orderId),
        onProductChanged: async (storeId, productId, deleted) => syncProduct(storeId, productId, deleted || !(await connections.isConnected(storeId)) ? undefined : await commerce.getProduct(storeId, productId)),
        disconnect: connections.eraseToken,
      });
    },
  };
}
