import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shopperKeys } from '../src/agent/order-actions/shopper-keys';
import { verificationKeys } from '../src/agent/verification-lockout';
import type { Order } from '../src/core/commerce';
import { shopperKeyHash } from '../src/core/shopper-key';

// The privacy erasure (src/data/repositories/shopper-privacy.ts) finds a shopper's ledger and lockout
// rows by these hashes: if the agent changes how it hashes, erasure must change with it.
describe('shopper key hashes agree between the agent and the privacy erasure', () => {
  const storeId = '00000000-0000-4000-8000-000000000009';
  it('order-request ledger keys (c, e) and lockout keys (ve, vc)', () => {
    const order = { customerId: 'gid://shopify/Customer/77', email: 'Ann@Example.com', shippingAddress: null, paymentFingerprint: null } as unknown as Order;
    const ledger = shopperKeys(storeId, order);
    assert.ok(ledger.includes(shopperKeyHash(storeId, 'c', 'gid://shopify/customer/77')));
    assert.ok(ledger.includes(shopperKeyHash(storeId, 'e', 'ann@example.com')));
    const lockout = verificationKeys({ storeId, order: { id: 'o1' }, identity: { email: 'ann@example.com', customerId: 'gid://shopify/Customer/77' } });
    assert.ok(lockout.includes(shopperKeyHash(storeId, 've', 'ann@example.com')));
    assert.ok(lockout.includes(shopperKeyHash(storeId, 'vc', 'gid://shopify/Customer/77')));
  });
});
