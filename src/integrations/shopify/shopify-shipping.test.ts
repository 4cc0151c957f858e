import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ShopifyError } from './shopify-error';
import { shopifyShipping } from './shopify-shipping';

describe('Shipping for a Shopify store without a label provider', () => {
  it('refuses to make a return label (the agent hands off) instead of a made-up one, and adds nothing to tracking', async () => {
    const shipping = shopifyShipping();
    await assert.rejects(shipping.createReturnLabel('s', { orderId: 'o', rma: 'RMA-1', from: null }, { idempotencyKey: 'k' }), (error: unknown) => error instanceof ShopifyError);
    assert.equal(await shipping.getTracking('s', '1Z1'), undefined);
  });
});
