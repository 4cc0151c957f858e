import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommercePort } from '../core/ports/commerce';
import { perStoreCommerce } from './per-store';

/** A Commerce port that records each call's arguments under its own name. */
const recording = (name: string, calls: unknown[][]): CommercePort =>
  new Proxy({} as CommercePort, { get: (_, method) => async (...args: unknown[]) => void calls.push([name, method, ...args]) });

describe('per-store routing', () => {
  it('sends each store to its provider or the fallback, forwarding every argument (getOrder keeps { fresh })', async () => {
    const calls: unknown[][] = [];
    const commerce = perStoreCommerce(async (storeId) => storeId === 'shopify-store', recording('shopify', calls), recording('built-in', calls));
    await commerce.getOrder('shopify-store', '#1001', { fresh: true });
    await commerce.getOrder('demo-store', '#1002', { fresh: true });
    await commerce.cancelOrder('shopify-store', 'o1', { reason: 'customer' }, { idempotencyKey: 'k1' });
    assert.deepEqual(calls, [
      ['shopify', 'getOrder', 'shopify-store', '#1001', { fresh: true }],
      ['built-in', 'getOrder', 'demo-store', '#1002', { fresh: true }],
      ['shopify', 'cancelOrder', 'shopify-store', 'o1', { reason: 'customer' }, { idempotencyKey: 'k1' }],
    ]);
  });

  it('routes every method of the port', async () => {
    const commerce = perStoreCommerce(async () => false, recording('a', []), recording('b', []));
    assert.deepEqual(Object.keys(commerce).sort(), ['cancelOrder', 'cancelReturn', 'createReturn', 'findOrders', 'getCustomer', 'getOrder', 'listProducts', 'listShippedOrders', 'updateShippingAddress']);
  });
});
