import type { Order } from '../../core/commerce';
import type { Cache } from '../../core/ports/cache';
import type { CommercePort } from '../../core/ports/commerce';
import { reviveOrder } from './order-json';

export interface OrderCacheOptions {
  /** How long an order is served from the cache; webhooks invalidate it sooner. */
  ttlMs: number;
}

/** An order reference as one key: "#1042", "1042" and " 1042 " are the same order. */
const refKey = (reference: string) => reference.trim().replace(/^#/, '').toLowerCase();

const orderKey = (storeId: string, orderId: string) => `order:${storeId}:id:${orderId}`;
const aliasKey = (storeId: string, reference: string) => `order:${storeId}:ref:${refKey(reference)}`;

export interface OrderCache {
  /** The commerce port with getOrder served from the cache (writes pass through and invalidate). */
  commerce: CommercePort;
  /** Drops the cached order (by id or by name): order webhooks and our own writes call it. */
  invalidateOrder(storeId: string, orderRef: string): Promise<void>;
  stats(): { hits: number; misses: number };
}

/**
 * Orders from a remote commerce provider, kept for a short TTL in the shared cache (Redis in
 * server mode, in-process in the embedded default). An order is stored once under its id; its
 * name and the reference it was asked by point at the id. `getOrder(…, { fresh: true })` skips the
 * cache (the order's critical section decides money on the order as the provider has it now).
 */
export function cachedOrders(inner: CommercePort, cache: Cache, options: OrderCacheOptions): OrderCache {
  let hits = 0;
  let misses = 0;

  async function remember(storeId: string, reference: string, order: Order): Promise<void> {
    await cache.set(orderKey(storeId, order.id), order, options.ttlMs);
    for (const ref of new Set([refKey(reference), refKey(order.name), refKey(order.id)])) await cache.set(aliasKey(storeId, ref), order.id, options.ttlMs);
  }

  async function invalidateOrder(storeId: string, orderRef: string): Promise<void> {
    const id = (await cache.get<string>(aliasKey(storeId, orderRef))) ?? orderRef;
    await cache.delete(orderKey(storeId, id));
    await cache.delete(orderKey(storeId, orderRef));
  }

  const commerce: CommercePort = {
    async getOrder(storeId, reference, readOptions) {
      if (!readOptions?.fresh) {
        const id = await cache.get<string>(aliasKey(storeId, reference));
        const cached = id ? await cache.get<Order>(orderKey(storeId, id)) : undefined;
        if (cached) {
          hits += 1;
          return reviveOrder(cached);
        }
      }
      misses += 1;
      const order = await inner.getOrder(storeId, reference, readOptions);
      if (order) await remember(storeId, reference, order);
      return order;
    },
    findOrders: (storeId, query) => inner.findOrders(storeId, query),
    getCustomer: (storeId, query) => inner.getCustomer(storeId, query),
    listProducts: (storeId, query) => inner.listProducts(storeId, query),
    async cancelOrder(storeId, orderId, input, writeOptions) {
      try {
        return await inner.cancelOrder(storeId, orderId, input, writeOptions);
      } finally {
        await invalidateOrder(storeId, orderId);
      }
    },
    async updateShippingAddress(storeId, orderId, address, writeOptions) {
      try {
        return await inner.updateShippingAddress(storeId, orderId, address, writeOptions);
      } finally {
        await invalidateOrder(storeId, orderId);
      }
    },
    async createReturn(storeId, orderId, input, writeOptions) {
      try {
        return await inner.createReturn(storeId, orderId, input, writeOptions);
      } finally {
        await invalidateOrder(storeId, orderId);
      }
    },
    cancelReturn: (storeId, returnId) => inner.cancelReturn(storeId, returnId),
  };

  return { commerce, invalidateOrder, stats: () => ({ hits, misses }) };
}
