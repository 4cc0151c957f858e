import type { OrderRequest, OrderRequestKind } from './order-requests';

export interface ShopperHistoryQuery {
  /** Any of these hashed identifiers (customer, e-mail, address, payment fingerprint) names the shopper. */
  shopperKeys: string[];
  kinds: OrderRequestKind[];
  since: Date;
}

/**
 * What a shopper has asked of the store before, across their orders, conversations and channels:
 * the facts the policy engine's abuse limits decide with. Adapter: the order-request ledger.
 */
export interface ShopperHistory {
  /** Requests matching any of the keys since the date, newest first (at most a few hundred). */
  requests(storeId: string, query: ShopperHistoryQuery): Promise<OrderRequest[]>;
}
