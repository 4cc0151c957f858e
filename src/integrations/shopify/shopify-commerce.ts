import type { CommercePort, PaymentsPort } from '../../core/ports/commerce';
import type { Cache } from '../../core/ports/cache';
import type { ShopifyTransport } from './admin-transport';
import { ShopifyError } from './shopify-error';
import { shopifyReads } from './shopify-reads';
import { shopifyRefunds } from './shopify-refunds';
import { shopifyWrites } from './shopify-writes';

export interface ShopifyCommerceDeps {
  /** The store's Admin API transport; undefined when the store has no Shopify connection. */
  transportFor(storeId: string): Promise<ShopifyTransport | undefined>;
  /** Orders read from Shopify are kept here briefly (webhooks and writes drop them). */
  cache?: Cache;
  /** How long a cached order is served (default ORDER_CACHE_TTL_MS); 0 turns the order cache off. */
  orderTtlMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The Commerce and Payments ports on Shopify's Admin GraphQL API, one connected store at a time. */
export function shopifyCommerce(deps: ShopifyCommerceDeps): CommercePort & PaymentsPort & { invalidateOrder(storeId: string, orderId: string): Promise<void>; getProduct(storeId: string, id: string): ReturnType<ReturnType<typeof shopifyReads>['getProduct']> } {
  const reads = shopifyReads(deps.orderTtlMs === 0 ? undefined : deps.cache, deps.orderTtlMs);
  const writes = shopifyWrites(reads, deps.sleep);
  const refunds = shopifyRefunds(reads);
  const transport = async (storeId: string) => {
    const found = await deps.transportFor(storeId);
    if (!found) throw new ShopifyError('auth', 'this store has no Shopify connection');
    return found;
  };
  return {
    invalidateOrder: (storeId, orderId) => reads.invalidateOrder(storeId, orderId),
    getOrder: async (storeId, reference, options) => reads.getOrder(await transport(storeId), storeId, reference, options),
    findOrders: async (storeId, query) => reads.findOrders(await transport(storeId), query),
    listShippedOrders: async (storeId, query) => reads.listShippedOrders(await transport(storeId), query),
    getCustomer: async (storeId, query) => reads.getCustomer(await transport(storeId), query),
    listProducts: async (storeId, query) => reads.listProducts(await transport(storeId), query),
    getProduct: async (storeId, id) => reads.getProduct(await transport(storeId), id),
    cancelOrder: async (storeId, orderId, input) => writes.cancelOrder(await transport(storeId), storeId, orderId, input.reason),
    updateShippingAddress: async (storeId, orderId, address) => writes.updateShippingAddress(await transport(storeId), storeId, orderId, address),
    createReturn: async (storeId, orderId, input) => writes.createReturn(await transport(storeId), storeId, orderId, input),
    cancelReturn: async (storeId, returnId) => writes.cancelReturn(await transport(storeId), returnId),
    refund: async (storeId, input, options) => refunds.refund(await transport(storeId), storeId, input, options.idempotencyKey),
  };
}

export type ShopifyCommerce = ReturnType<typeof shopifyCommerce>;
