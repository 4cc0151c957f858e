import type { Customer, Order, OrderSummary, Product } from '../../core/commerce';
import type { Cache } from '../../core/ports/cache';
import type { ShopifyTransport } from './admin-transport';
import { CUSTOMER_BY_ID, CUSTOMERS_SEARCH, ORDER_BY_ID, ORDERS_SEARCH, PRODUCT_BY_ID, PRODUCTS } from './operations';
import { toCustomer, toOrder, toOrderSummary, toProduct, type ShopifyCustomerNode, type ShopifyOrderNode, type ShopifyProductNode } from './order-mapper';

/** How long an order read from Shopify is served from the cache (webhooks and our own writes drop it sooner). */
export const ORDER_CACHE_TTL_MS = 30_000;

const orderKey = (storeId: string, orderId: string) => `shopify:order:${storeId}:${orderId}`;
const nameKey = (storeId: string, name: string) => `shopify:order-name:${storeId}:${name}`;

/** Search syntax value: quoted, with quotes and backslashes escaped (a shopper's text never widens the search). */
export const searchValue = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

export const orderGid = (reference: string): string | null => {
  const trimmed = reference.trim();
  if (trimmed.startsWith('gid://shopify/Order/')) return trimmed;
  return null;
};

/** Reads from one store's Shopify, orders through a short cache that webhooks and writes invalidate. */
export function shopifyReads(cache: Cache | undefined, ttlMs = ORDER_CACHE_TTL_MS) {
  async function fetchOrderNode(transport: ShopifyTransport, id: string): Promise<ShopifyOrderNode | null> {
    const data = await transport.request<{ order: ShopifyOrderNode | null }>(ORDER_BY_ID, { id }, { label: 'order', retryUncertain: true });
    return data.order;
  }

  async function orderByName(transport: ShopifyTransport, storeId: string, reference: string, fresh: boolean): Promise<ShopifyOrderNode | null> {
    const name = reference.trim().startsWith('#') ? reference.trim() : `#${reference.trim()}`;
    const known = await cache?.get<string>(nameKey(storeId, name));
    // A name never moves to another order, so the cached id is safe even for a fresh read.
    if (known) return fresh ? refreshedOrderNode(transport, storeId, known) : orderNode(transport, storeId, known);
    const data = await transport.request<{ orders: { nodes: ShopifyOrderNode[] } }>(ORDERS_SEARCH, { query: `name:${searchValue(name)}`, first: 5 }, { label: 'orders', retryUncertain: true });
    // Shopify's search is by token: keep only the order whose name is exactly the one asked.
    const node = data.orders.nodes.find((o) => o.name === name) ?? null;
    if (node) {
      await cache?.set(nameKey(storeId, name), node.id, ttlMs);
      await cache?.set(orderKey(storeId, node.id), node, ttlMs);
    }
    return node;
  }

  async function orderNode(transport: ShopifyTransport, storeId: string, id: string): Promise<ShopifyOrderNode | null> {
    const cached = await cache?.get<ShopifyOrderNode>(orderKey(storeId, id));
    if (cached) return cached;
    const node = await fetchOrderNode(transport, id);
    if (node) await cache?.set(orderKey(storeId, id), node, ttlMs);
    return node;
  }

  /** The order as Shopify has it now, bypassing the cache, and refreshing it. */
  async function refreshedOrderNode(transport: ShopifyTransport, storeId: string, id: string): Promise<ShopifyOrderNode | null> {
    const node = await fetchOrderNode(transport, id);
    if (node) await cache?.set(orderKey(storeId, id), node, ttlMs);
    else await cache?.delete(orderKey(storeId, id));
    return node;
  }

  return {
    /** A write's read-back: the order as Shopify has it now. */
    freshOrderNode: refreshedOrderNode,

    async invalidateOrder(storeId: string, orderId: string): Promise<void> {
      await cache?.delete(orderKey(storeId, orderId));
    },

    /** `fresh` (a money or order action's re-check inside its lock) reads Shopify, never the cache. */
    async getOrder(transport: ShopifyTransport, storeId: string, reference: string, options: { fresh?: boolean } = {}): Promise<Order | undefined> {
      const id = orderGid(reference);
      const fresh = options.fresh === true;
      const byId = (gid: string) => (fresh ? refreshedOrderNode(transport, storeId, gid) : orderNode(transport, storeId, gid));
      const node = id ? await byId(id) : await orderByName(transport, storeId, reference, fresh);
      return node ? toOrder(node) : undefined;
    },

    async findOrders(transport: ShopifyTransport, query: { email?: string; customerId?: string; limit?: number }): Promise<OrderSummary[]> {
      const filter = query.customerId
        ? `customer_id:${searchValue(query.customerId.replace('gid://shopify/Customer/', ''))}`
        : query.email
          ? `email:${searchValue(query.email)}`
          : null;
      if (!filter) return [];
      const data = await transport.request<{ orders: { nodes: ShopifyOrderNode[] } }>(ORDERS_SEARCH, { query: filter, first: Math.min(query.limit ?? 10, 50) }, { label: 'orders', retryUncertain: true });
      return data.orders.nodes.map((node) => toOrderSummary(toOrder(node)));
    },

    /** Open orders placed since `since` with a shipment; Shopify's search narrows, the fulfilments decide. */
    async listShippedOrders(transport: ShopifyTransport, query: { since: Date; limit: number }): Promise<Order[]> {
      const filter = `status:open (fulfillment_status:shipped OR fulfillment_status:partial) created_at:>=${searchValue(query.since.toISOString())}`;
      const data = await transport.request<{ orders: { nodes: ShopifyOrderNode[] } }>(ORDERS_SEARCH, { query: filter, first: Math.min(query.limit, 50) }, { label: 'orders', retryUncertain: true });
      return data.orders.nodes.map(toOrder).filter((order) => !order.cancelledAt && order.fulfillments.length > 0);
    },

    async getCustomer(transport: ShopifyTransport, query: { email?: string; id?: string }): Promise<Customer | undefined> {
      if (query.id) {
        const data = await transport.request<{ customer: ShopifyCustomerNode | null }>(CUSTOMER_BY_ID, { id: query.id }, { label: 'customer', retryUncertain: true });
        return data.customer ? toCustomer(data.customer) : undefined;
      }
      if (!query.email) return undefined;
      const data = await transport.request<{ customers: { nodes: ShopifyCustomerNode[] } }>(CUSTOMERS_SEARCH, { query: `email:${searchValue(query.email)}` }, { label: 'customers', retryUncertain: true });
      const match = data.customers.nodes.find((c) => c.email?.toLowerCase() === query.email!.toLowerCase());
      return match ? toCustomer(match) : undefined;
    },

    /** Active products, newest changes first filtered by `updatedSince`, page by page up to `limit`. */
    async listProducts(transport: ShopifyTransport, query: { updatedSince?: Date; limit?: number } = {}): Promise<Product[]> {
      const limit = query.limit ?? 5_000;
      const filter = ['status:active', ...(query.updatedSince ? [`updated_at:>'${query.updatedSince.toISOString()}'`] : [])].join(' ');
      const products: Product[] = [];
      let after: string | null = null;
      do {
        type Page = { products: { nodes: ShopifyProductNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const page: Page = await transport.request<Page>(PRODUCTS, { first: Math.min(250, limit - products.length), after, query: filter }, { label: 'products', retryUncertain: true });
        products.push(...page.products.nodes.map(toProduct));
        after = page.products.pageInfo.hasNextPage ? page.products.pageInfo.endCursor : null;
      } while (after && products.length < limit);
      return products;
    },

    /** One product (a webhook's re-sync); undefined when deleted or not active. */
    async getProduct(transport: ShopifyTransport, id: string): Promise<Product | undefined> {
      const data = await transport.request<{ product: (ShopifyProductNode & { status: string }) | null }>(PRODUCT_BY_ID, { id }, { label: 'product', retryUncertain: true });
      return data.product && data.product.status === 'ACTIVE' ? toProduct(data.product) : undefined;
    },
  };
}

export type ShopifyReads = ReturnType<typeof shopifyReads>;
