/** A store's Shopify connection as far as it is not secret (the token is sealed with the store's credentials). */
export interface ShopifyShop {
  storeId: string;
  shopDomain: string;
  grantedScopes: string[];
  connectedVia: 'token' | 'oauth';
  connectedAt: Date;
}

/** Which shop each store is connected to, and the OAuth install's one-time state nonces. */
export interface ShopifyShops {
  connect(shop: Omit<ShopifyShop, 'connectedAt'>): Promise<void>;
  forStore(storeId: string): Promise<ShopifyShop | undefined>;
  /** The store a shop's webhooks belong to (the domain is unique across stores). */
  byDomain(shopDomain: string): Promise<ShopifyShop | undefined>;
  disconnect(storeId: string): Promise<void>;
  saveState(nonce: string, storeId: string, shopDomain: string): Promise<void>;
  /** Consumes a nonce (a second use finds nothing); states older than `maxAgeMs` are not returned. */
  takeState(nonce: string, maxAgeMs: number): Promise<{ storeId: string; shopDomain: string } | undefined>;
}
