import { AppError } from '../../core/errors';
import type { ShopifyShops } from '../../core/ports/shopify-shops';
import type { StoreService } from '../../core/store-service';
import { shopifyTransport, type FetchApi, type ShopifyTransport } from './admin-transport';
import { authorizeUrl, exchangeCode, isShopDomain, newStateNonce, verifyOAuthQuery } from './oauth';
import { ACCESS_SCOPES } from './operations';
import { ShopifyError } from './shopify-error';

/** The scopes the adapter needs (a `write_` scope grants its `read_`). */
export const REQUIRED_SCOPES = ['read_orders', 'write_orders', 'read_customers', 'read_products', 'read_returns', 'write_returns', 'read_fulfillments'];

/** A public (OAuth) app registered with Shopify; absent, only pasted custom-app tokens connect. */
export interface ShopifyApp {
  clientId: string;
  clientSecret: string;
  /** Where Shopify sends the merchant back: `<public URL>/integrations/shopify/callback`. */
  redirectUri: string;
}

export interface ShopifyCredentials {
  shopDomain: string;
  accessToken: string;
  /** The custom app's API secret: Shopify signs that app's webhooks with it. */
  webhookSecret?: string;
}

export interface ConnectionReport {
  ok: boolean;
  shopDomain: string;
  shopName: string | null;
  grantedScopes: string[];
  requiredScopes: string[];
  missingScopes: string[];
  error?: string;
}

export interface ShopifyConnectionDeps {
  stores: StoreService;
  shops: ShopifyShops;
  app?: ShopifyApp | undefined;
  fetchApi?: FetchApi | undefined;
  timeoutMs?: number;
}

const STATE_MAX_AGE_MS = 10 * 60_000;
const TRANSPORT_TTL_MS = 30_000;

export const missingScopes = (granted: string[]) =>
  REQUIRED_SCOPES.filter((scope) => !granted.includes(scope) && !(scope.startsWith('read_') && granted.includes(scope.replace('read_', 'write_'))));

/** Connecting stores to Shopify (pasted token or OAuth install), testing, disconnecting, and each store's transport. */
export function shopifyConnections(deps: ShopifyConnectionDeps) {
  const transports = new Map<string, { transport: ShopifyTransport | undefined; until: number }>();

  const transportOf = (credentials: ShopifyCredentials) =>
    shopifyTransport({ shopDomain: credentials.shopDomain, accessToken: credentials.accessToken, ...(deps.fetchApi ? { fetchApi: deps.fetchApi } : {}), timeoutMs: deps.timeoutMs ?? 10_000 });

  async function probe(credentials: ShopifyCredentials): Promise<ConnectionReport> {
    const base = { shopDomain: credentials.shopDomain, requiredScopes: REQUIRED_SCOPES };
    try {
      const data = await transportOf(credentials).request<{ shop: { name: string }; currentAppInstallation: { accessScopes: { handle: string }[] } }>(ACCESS_SCOPES, {}, { label: 'access scopes', retryUncertain: true });
      const granted = data.currentAppInstallation.accessScopes.map((s) => s.handle);
      const missing = missingScopes(granted);
      return { ...base, ok: missing.length === 0, shopName: data.shop.name, grantedScopes: granted, missingScopes: missing };
    } catch (error) {
      if (!(error instanceof ShopifyError)) throw error;
      return { ...base, ok: false, shopName: null, grantedScopes: [], missingScopes: REQUIRED_SCOPES, error: error.message };
    }
  }

  async function store(storeId: string, credentials: ShopifyCredentials, report: ConnectionReport, via: 'token' | 'oauth'): Promise<void> {
    await deps.stores.updateSettings(storeId, { channels: { shopify: credentials } });
    await deps.shops.connect({ storeId, shopDomain: credentials.shopDomain, grantedScopes: report.grantedScopes, connectedVia: via });
    transports.delete(storeId);
  }

  function requireApp(): ShopifyApp {
    if (!deps.app) throw new AppError('unprocessable', 'Shopify OAuth is not configured on this instance (SHOPIFY_API_KEY, SHOPIFY_API_SECRET and CONCIERGE_PUBLIC_URL); paste a custom app token instead');
    return deps.app;
  }

  const api = {
    /** The store's transport when it is connected (cached briefly; a connect or disconnect here drops it). */
    async transportFor(storeId: string): Promise<ShopifyTransport | undefined> {
      const cached = transports.get(storeId);
      if (cached && cached.until > Date.now()) return cached.transport;
      // Connected means linked here (PUT …/integrations/shopify or OAuth) and holding a token: a token
      // written through PATCH /settings alone links no shop, so its webhooks could not be verified.
      const linked = await deps.shops.forStore(storeId);
      const credentials = linked ? await deps.stores.channelCredentials<ShopifyCredentials>(storeId, 'shopify').catch(() => undefined) : undefined;
      const transport = credentials?.accessToken && credentials.shopDomain === linked?.shopDomain ? transportOf(credentials) : undefined;
      transports.set(storeId, { transport, until: Date.now() + TRANSPORT_TTL_MS });
      return transport;
    },

    async isConnected(storeId: string): Promise<boolean> {
      return (await api.transportFor(storeId)) !== undefined;
    },

    /** A custom app's admin token, pasted: checked against the shop first, stored sealed only if Shopify accepts it. */
    async connectWithToken(storeId: string, credentials: ShopifyCredentials): Promise<ConnectionReport> {
      const shopDomain = credentials.shopDomain.trim().toLowerCase();
      if (!isShopDomain(shopDomain)) throw new AppError('validation_failed', 'shopDomain must be the shop’s permanent domain, e.g. your-shop.myshopify.com');
      const report = await probe({ ...credentials, shopDomain });
      if (report.error) throw new AppError('unprocessable', `Shopify did not accept the token: ${report.error}`);
      await store(storeId, { ...credentials, shopDomain }, report, 'token');
      return report;
    },

    async test(storeId: string): Promise<ConnectionReport> {
      const credentials = await deps.stores.channelCredentials<ShopifyCredentials>(storeId, 'shopify');
      if (!credentials) throw new AppError('not_found', 'this store has no Shopify connection');
      const report = await probe(credentials);
      if (!report.error) await deps.shops.connect({ storeId, shopDomain: credentials.shopDomain, grantedScopes: report.grantedScopes, connectedVia: (await deps.shops.forStore(storeId))?.connectedVia ?? 'token' });
      return report;
    },

    /** Erases the access token and the connection; the store answers from its default backend again. */
    async disconnect(storeId: string): Promise<void> {
      await deps.stores.updateSettings(storeId, { channels: { shopify: null } });
      await deps.shops.disconnect(storeId);
      transports.delete(storeId);
    },

    /**
     * The app was uninstalled: the access token is erased (it no longer works anyway) but the shop
     * stays linked, so the privacy webhooks that follow (shop/redact, 48 h later) still find the store.
     */
    async eraseToken(storeId: string): Promise<void> {
      await deps.stores.updateSettings(storeId, { channels: { shopify: null } });
      transports.delete(storeId);
    },

    /** The webhook signing secret: the custom app's when one was given, else the OAuth app's. */
    async webhookSecret(storeId: string): Promise<string | undefined> {
      const credentials = await deps.stores.channelCredentials<ShopifyCredentials>(storeId, 'shopify').catch(() => undefined);
      return credentials?.webhookSecret ?? deps.app?.clientSecret;
    },

    /** Step 1 of the OAuth install: a one-time state bound to the store and shop, and Shopify's authorize URL. */
    async beginInstall(storeId: string, shop: string): Promise<string> {
      const app = requireApp();
      const shopDomain = shop.trim().toLowerCase();
      if (!isShopDomain(shopDomain)) throw new AppError('validation_failed', 'shop must be the shop’s permanent domain, e.g. your-shop.myshopify.com');
      const state = newStateNonce();
      await deps.shops.saveState(state, storeId, shopDomain);
      return authorizeUrl({ shop: shopDomain, clientId: app.clientId, scopes: REQUIRED_SCOPES, redirectUri: app.redirectUri, state });
    },

    /** Shopify's app launch (`?shop&hmac&timestamp`): signed by Shopify, for a shop a store is already connected to. */
    async relaunchInstall(query: Record<string, string>): Promise<string> {
      const app = requireApp();
      if (!verifyOAuthQuery(query, app.clientSecret)) throw new AppError('unauthorized', 'the install request is not signed by Shopify');
      const shop = (query.shop ?? '').toLowerCase();
      if (!isShopDomain(shop)) throw new AppError('validation_failed', 'shop must be a myshopify.com domain');
      const known = await deps.shops.byDomain(shop);
      if (!known) throw new AppError('not_found', 'no Concierge store is linked to this shop: start the install from Concierge (POST /v1/stores/{storeId}/integrations/shopify/install)');
      return api.beginInstall(known.storeId, shop);
    },

    /** Step 2: the callback, checked (HMAC, shop domain, state bound to that shop), the code exchanged for an offline token. */
    async completeInstall(query: Record<string, string>): Promise<ConnectionReport & { storeId: string }> {
      const app = requireApp();
      if (!verifyOAuthQuery(query, app.clientSecret)) throw new AppError('unauthorized', 'the callback is not signed by Shopify (hmac)');
      const shop = (query.shop ?? '').toLowerCase();
      if (!isShopDomain(shop)) throw new AppError('validation_failed', 'shop must be a myshopify.com domain');
      if (!query.code || !query.state) throw new AppError('validation_failed', 'the callback needs code and state');
      const state = await deps.shops.takeState(query.state, STATE_MAX_AGE_MS);
      if (!state || state.shopDomain !== shop) throw new AppError('unauthorized', 'unknown, used or expired state');
      const { accessToken } = await exchangeCode({ shop, clientId: app.clientId, clientSecret: app.clientSecret, code: query.code, ...(deps.fetchApi ? { fetchApi: deps.fetchApi } : {}) }).catch((error: unknown) => {
        throw new AppError('unprocessable', error instanceof Error ? error.message : 'the code exchange failed');
      });
      const credentials = { shopDomain: shop, accessToken };
      const report = await probe(credentials);
      await store(state.storeId, credentials, report, 'oauth');
      return { ...report, storeId: state.storeId };
    },
  };
  return api;
}

export type ShopifyConnections = ReturnType<typeof shopifyConnections>;
