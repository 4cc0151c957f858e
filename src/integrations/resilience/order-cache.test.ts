import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../../core/commerce';
import type { CommercePort } from '../../core/ports/commerce';
import type { Cache } from '../../core/ports/cache';
import { cachedOrders } from './order-cache';
import { reviveOrder } from './order-json';

const order = (id: string, name: string, refundedCents = 0): Order => ({
  id, name, email: null, customerId: null, customerName: null, financialStatus: 'paid', fulfillmentStatus: 'fulfilled', currency: 'USD',
  subtotalCents: 1000, shippingCents: 0, totalCents: 1000, refundedCents, shippingAddress: null, cancelledAt: null, createdAt: new Date('2026-12-01T00:00:00Z'),
  lineItems: [], refunds: [], returns: [],
  fulfillments: [{ id: 'f1', status: 'success', shipmentStatus: 'in_transit', carrier: 'UPS', trackingNumber: '1Z', trackingUrl: null, lineItemIds: [], estimatedDeliveryAt: new Date('2026-12-09T00:00:00Z'), shippedAt: null, deliveredAt: null }],
});

/** The cache port as a plain map (the adapters have their own tests; integrations may not import data/). */
class MemoryCache implements Cache {
  private readonly entries = new Map<string, unknown>();
  async get<T>(key: string) {
    return this.entries.get(key) as T | undefined;
  }
  async set<T>(key: string, value: T) {
    this.entries.set(key, structuredClone(value));
  }
  async delete(key: string) {
    this.entries.delete(key);
  }
}

/** A provider backend that counts its reads (the cache's inner port; the cache is what is under test). */
function countingBackend() {
  const orders = new Map([['gid-1', order('gid-1', '#1001')]]);
  let reads = 0;
  const port = {
    async getOrder(_storeId: string, reference: string) {
      reads += 1;
      return [...orders.values()].find((o) => o.id === reference || o.name === `#${reference.replace(/^#/, '')}`);
    },
    async cancelOrder(_s: string, id: string) {
      const o = orders.get(id)!;
      o.cancelledAt = new Date();
      return o;
    },
  } as unknown as CommercePort;
  return { port, orders, reads: () => reads };
}

test('getOrder is served from the cache by name or id; invalidateOrder (by either) makes the next read go to the provider', async () => {
  const backend = countingBackend();
  const cache = cachedOrders(backend.port, new MemoryCache(), { ttlMs: 60_000 });
  await cache.commerce.getOrder('s1', '#1001');
  await cache.commerce.getOrder('s1', '1001');
  await cache.commerce.getOrder('s1', 'gid-1');
  assert.equal(backend.reads(), 1);
  assert.deepEqual(cache.stats(), { hits: 2, misses: 1 });
  backend.orders.set('gid-1', order('gid-1', '#1001', 500));
  await cache.invalidateOrder('s1', 'gid-1');
  assert.equal((await cache.commerce.getOrder('s1', '#1001'))!.refundedCents, 500);
  await cache.invalidateOrder('s1', '#1001');
  await cache.commerce.getOrder('s1', 'gid-1');
  assert.equal(backend.reads(), 3);
});

test('a fresh read skips the cache; writes invalidate; another store never sees the entry', async () => {
  const backend = countingBackend();
  const cache = cachedOrders(backend.port, new MemoryCache(), { ttlMs: 60_000 });
  await cache.commerce.getOrder('s1', '#1001');
  await cache.commerce.getOrder('s1', '#1001', { fresh: true });
  assert.equal(backend.reads(), 2);
  await cache.commerce.cancelOrder('s1', 'gid-1', { reason: 'x' }, { idempotencyKey: 'k' });
  assert.ok((await cache.commerce.getOrder('s1', '#1001'))!.cancelledAt, 'read again after the write');
  const before = backend.reads();
  await cache.commerce.getOrder('s2', '#1001');
  assert.equal(backend.reads(), before + 1, 'store s2 has its own entries');
});

test('an order cached as JSON (Redis) comes back with real dates', () => {
  const revived = reviveOrder(JSON.parse(JSON.stringify(order('gid-1', '#1001'))) as Order);
  assert.ok(revived.createdAt instanceof Date);
  assert.ok(revived.fulfillments[0]!.estimatedDeliveryAt instanceof Date);
  assert.equal(revived.fulfillments[0]!.shippedAt, null);
});
