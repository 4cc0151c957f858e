import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Cache } from '../../core/ports/cache';
import { shopifyTransport, type ShopifyTransport } from './admin-transport';
import { shopifyCommerce } from './shopify-commerce';
import { ShopifyError } from './shopify-error';
import { FakeAdminServer } from './testing/fake-admin-server';
import { FakeShop, seedOrder, type FakeOrder } from './testing/fake-shop';

const STORE = '00000000-0000-4000-8000-000000000001';
const TOKEN = 'shpat_test_token_0123456789';

/** The Cache port over a Map (expiry ignored: each test builds a new adapter). */
const mapCache = (): Cache => {
  const map = new Map<string, unknown>();
  return { get: async <T>(key: string) => map.get(key) as T | undefined, set: async (key, value) => void map.set(key, structuredClone(value)), delete: async (key) => void map.delete(key) };
};

describe('Shopify adapter through @shopify/admin-api-client against a local Admin GraphQL server', () => {
  let shop: FakeShop;
  let server: FakeAdminServer;
  let origin: string;
  let transport: ShopifyTransport;
  let order: FakeOrder;
  const waits: number[] = [];

  const adapter = () => shopifyCommerce({ transportFor: async (storeId) => (storeId === STORE ? transport : undefined), cache: mapCache(), sleep: async () => undefined });
  const connect = (options: { timeoutMs?: number; token?: string; maxAttempts?: number } = {}) => {
    transport = shopifyTransport({
      shopDomain: 'test-shop.myshopify.com',
      accessToken: options.token ?? TOKEN,
      fetchApi: server.fetchApi(origin),
      timeoutMs: options.timeoutMs ?? 2_000,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 3_000)));
      },
    });
  };

  before(async () => {
    shop = new FakeShop('test-shop.myshopify.com');
    server = new FakeAdminServer(shop, TOKEN);
    origin = await server.start();
  });
  after(() => server.stop());
  beforeEach(() => {
    shop.orders.clear();
    shop.silentNoop.clear();
    server.log.length = 0;
    server.setBucket(2000, 100);
    waits.length = 0;
    order = seedOrder(shop, { number: 1001, email: 'ann@example.com', customerId: 'gid://shopify/Customer/77', items: [{ title: 'Merino Beanie', price: '30.00' }, { title: 'Wool Socks', price: '12.00', quantity: 2 }] });
    shop.customers.set('gid://shopify/Customer/77', { id: 'gid://shopify/Customer/77', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', phone: null });
    connect();
  });

  it('finds an order by name, by e-mail and by customer, with items, fulfilments and tracking', async () => {
    const commerce = adapter();
    const found = await commerce.getOrder(STORE, '1001');
    assert.ok(found);
    assert.equal(found.name, '#1001');
    assert.equal(found.totalCents, 5900);
    assert.equal(found.lineItems.length, 2);
    assert.equal(found.fulfillments[0]!.trackingNumber, '1Z1001');
    assert.equal(found.fulfillments[0]!.shipmentStatus, 'in_transit');
    assert.deepEqual(found.fulfillments[0]!.lineItemIds.sort(), found.lineItems.map((li) => li.id).sort());
    assert.equal(found.customerName, 'Ann Lee');
    assert.equal((await commerce.getOrder(STORE, '#1001'))?.id, order.id);
    assert.equal((await commerce.getOrder(STORE, order.id))?.name, '#1001');
    assert.equal(await commerce.getOrder(STORE, '#9999'), undefined);
    assert.deepEqual((await commerce.findOrders(STORE, { email: 'ann@example.com' })).map((o) => o.name), ['#1001']);
    assert.deepEqual((await commerce.findOrders(STORE, { customerId: 'gid://shopify/Customer/77' })).map((o) => o.name), ['#1001']);
    assert.deepEqual(await commerce.findOrders(STORE, { email: 'nobody@example.com' }), []);
    assert.equal((await commerce.getCustomer(STORE, { email: 'ANN@example.com' }))?.id, 'gid://shopify/Customer/77');
    // Every request carried the token on the versioned path (the server answers 401 otherwise).
    assert.ok(server.log.every((e) => e.status === 200));
  });

  it('a fresh read (a decision inside the order lock) sees a change the cache has not, by name and by id', async () => {
    const commerce = adapter();
    assert.equal((await commerce.getOrder(STORE, '#1001'))?.refundedCents, 0);
    // Changed in Shopify's admin with no webhook yet: the cached copy is stale.
    shop.orders.get(order.id)!.refunded = '30.00';
    assert.equal((await commerce.getOrder(STORE, '#1001'))?.refundedCents, 0, 'a plain read may be served from the cache');
    assert.equal((await commerce.getOrder(STORE, '#1001', { fresh: true }))?.refundedCents, 3000);
    shop.orders.get(order.id)!.refunded = '42.00';
    assert.equal((await commerce.getOrder(STORE, order.id, { fresh: true }))?.refundedCents, 4200);
    assert.equal((await commerce.getOrder(STORE, order.id))?.refundedCents, 4200, 'the fresh read refreshed the cache');
  });

  it('lists the open, shipped orders since a date for the shipment watch: not the unshipped, the cancelled or the old', async () => {
    const unshipped = seedOrder(shop, { number: 1002, email: 'bo@example.com', fulfilment: null });
    const cancelled = seedOrder(shop, { number: 1003, email: 'cy@example.com' });
    shop.orders.get(cancelled.id)!.cancelledAt = new Date().toISOString();
    const old = seedOrder(shop, { number: 1004, email: 'di@example.com' });
    shop.orders.get(old.id)!.createdAt = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const listed = await adapter().listShippedOrders(STORE, { since: new Date(Date.now() - 45 * 86_400_000), limit: 50 });
    assert.deepEqual(listed.map((o) => o.name), ['#1001']);
    assert.equal(listed[0]!.fulfillments[0]!.trackingNumber, '1Z1001');
    assert.ok(![unshipped, cancelled, old].some((o) => listed.some((l) => l.id === o.id)));
  });

  it('a search value cannot widen the search (quotes are escaped)', async () => {
    const commerce = adapter();
    assert.deepEqual(await commerce.findOrders(STORE, { email: 'x" OR email:"ann@example.com' }), []);
  });

  it('a wrong token is an auth error, not a retry loop', async () => {
    connect({ token: 'shpat_wrong' });
    await assert.rejects(adapter().getOrder(STORE, '1001'), (error: unknown) => error instanceof ShopifyError && error.kind === 'auth');
    assert.equal(server.log.length, 0, 'refused before any GraphQL was executed');
  });

  it('cancels through orderCancel, polls the job and returns what the read-back shows', async () => {
    const cancelled = await adapter().cancelOrder(STORE, order.id, { reason: 'customer_request' }, { idempotencyKey: 'cancel:1' });
    assert.ok(cancelled.cancelledAt);
    assert.ok(shop.orders.get(order.id)!.cancelledAt);
    assert.equal(server.executed('orderCancel'), 1);
    assert.ok(server.log.some((e) => e.fields.includes('job')), 'the asynchronous job was polled');
  });

  it('a cancellation Shopify accepts but does not carry out is reported as not applied', async () => {
    shop.silentNoop.add('orderCancel');
    await assert.rejects(adapter().cancelOrder(STORE, order.id, { reason: 'x' }, { idempotencyKey: 'cancel:2' }), (error: unknown) => error instanceof ShopifyError && error.kind === 'not_applied');
  });

  it('changes the shipping address with orderUpdate and verifies it; a silent no-change is an error', async () => {
    const address = { name: 'Ann Lee', address1: '9 Oak Ave', city: 'Salem', province: 'OR', zip: '97301', country: 'US' };
    const { order: updated, previous } = await adapter().updateShippingAddress(STORE, order.id, address, { idempotencyKey: 'address:1' });
    assert.equal(updated.shippingAddress?.address1, '9 Oak Ave');
    assert.equal(previous?.address1, '1 Main St');
    shop.silentNoop.add('orderUpdate');
    await assert.rejects(
      adapter().updateShippingAddress(STORE, order.id, { ...address, address1: '10 Elm St' }, { idempotencyKey: 'address:2' }),
      (error: unknown) => error instanceof ShopifyError && error.kind === 'not_applied',
    );
  });

  it('refunds with refundCreate under @idempotent and returns the refund the read-back shows', async () => {
    const [beanie] = shop.orders.get(order.id)!.lineItems;
    const refund = await adapter().refund(STORE, { orderId: order.id, amountCents: 3000, currency: 'USD', reason: 'damaged', items: [{ lineItemId: beanie!.id, quantity: 1 }] }, { idempotencyKey: 'refund:abc' });
    assert.equal(refund.amountCents, 3000);
    assert.equal(refund.reason, 'damaged');
    assert.deepEqual(refund.lineItems, [{ lineItemId: beanie!.id, quantity: 1 }]);
    const sent = server.log.find((e) => e.fields.includes('refundCreate'))!;
    assert.match(sent.idempotencyKey ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(shop.orders.get(order.id)!.refunded, '30.00');
  });

  it('a refund retried after a timeout is issued once', async () => {
    connect({ timeoutMs: 300 });
    server.inject({ kind: 'slow', ms: 800 }, 'refundCreate');
    const refund = await adapter().refund(STORE, { orderId: order.id, amountCents: 1200, currency: 'USD', reason: 'late', items: [] }, { idempotencyKey: 'refund:timeout' });
    assert.equal(refund.amountCents, 1200);
    const attempts = server.log.filter((e) => e.fields.includes('refundCreate'));
    assert.equal(attempts.length, 2, 'the timed-out call was retried');
    assert.equal(attempts[0]!.idempotencyKey, attempts[1]!.idempotencyKey, 'with the same idempotency key');
    assert.equal(server.executed('refundCreate'), 1);
    assert.equal(shop.orders.get(order.id)!.refunds.length, 1, 'one refund on the order');
    assert.equal(shop.orders.get(order.id)!.refunded, '12.00');
    // The agent asking again under the same request (a later attempt's key) gets the same refund back.
    const again = await adapter().refund(STORE, { orderId: order.id, amountCents: 1200, currency: 'USD', reason: 'late', items: [] }, { idempotencyKey: 'refund:timeout#2' });
    assert.equal(again.id, refund.id);
    assert.equal(shop.orders.get(order.id)!.refunds.length, 1);
  });

  it('a refund Shopify refuses is a user error and nothing is refunded', async () => {
    await assert.rejects(
      adapter().refund(STORE, { orderId: order.id, amountCents: 999_999, currency: 'USD', reason: 'x', items: [] }, { idempotencyKey: 'refund:too-much' }),
      (error: unknown) => error instanceof ShopifyError && error.kind === 'user_error' && /exceeds/.test(error.message),
    );
    assert.equal(shop.orders.get(order.id)!.refunds.length, 0);
  });

  it('opens a return on the fulfilment line items and cancels it', async () => {
    const [beanie] = shop.orders.get(order.id)!.lineItems;
    const opened = await adapter().createReturn(STORE, order.id, { items: [{ lineItemId: beanie!.id, quantity: 1 }], reason: 'defective' }, { idempotencyKey: 'return:1' });
    assert.equal(opened.status, 'open');
    assert.equal(opened.rma, '#1001-R1');
    assert.deepEqual(opened.lineItems, [{ lineItemId: beanie!.id, quantity: 1 }]);
    assert.equal(shop.orders.get(order.id)!.returns[0]!.lines[0]!.returnReason, 'DEFECTIVE');
    const cancelled = await adapter().cancelReturn(STORE, opened.id);
    assert.equal(cancelled.status, 'declined');
    assert.equal(shop.orders.get(order.id)!.returns[0]!.status, 'CANCELED');
  });

  it('a return with a provider label tells Shopify the label and tracking as its reverse delivery, once', async () => {
    const [beanie] = shop.orders.get(order.id)!.lineItems;
    const label = { carrier: 'USPS', trackingNumber: '9400111899223197428490', labelUrl: 'https://concierge.example/files/signed-label-token' };
    const opened = await adapter().createReturn(STORE, order.id, { items: [{ lineItemId: beanie!.id, quantity: 1 }], reason: 'defective', label }, { idempotencyKey: 'return:label' });
    assert.equal(opened.trackingNumber, label.trackingNumber);
    const [delivery, ...more] = shop.orders.get(order.id)!.returns[0]!.deliveries;
    assert.deepEqual(delivery && { trackingNumber: delivery.trackingNumber, labelUrl: delivery.labelUrl }, { trackingNumber: label.trackingNumber, labelUrl: label.labelUrl });
    assert.equal(more.length, 0);
    assert.equal(server.executed('reverseDeliveryCreateWithShipping'), 1);
  });

  it('a label on a non-public address is told as tracking only; a refused reverse delivery does not undo the return', async () => {
    const [beanie] = shop.orders.get(order.id)!.lineItems;
    const local = { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', labelUrl: 'http://127.0.0.1:3000/files/token' };
    await adapter().createReturn(STORE, order.id, { items: [{ lineItemId: beanie!.id, quantity: 1 }], reason: 'defective', label: local }, { idempotencyKey: 'return:local' });
    assert.deepEqual(shop.orders.get(order.id)!.returns[0]!.deliveries.map((d) => [d.trackingNumber, d.labelUrl]), [[local.trackingNumber, null]]);
    server.inject({ kind: 'http', status: 502 }, 'reverseDeliveryCreateWithShipping');
    const second = await adapter().createReturn(STORE, order.id, { items: [{ lineItemId: beanie!.id, quantity: 1 }], reason: 'defective', label: local }, { idempotencyKey: 'return:refused' });
    assert.equal(second.status, 'open');
    assert.equal(second.trackingNumber, local.trackingNumber, 'the shopper still has the label');
    assert.equal(server.log.filter((e) => e.fields.includes('reverseDeliveryCreateWithShipping')).length, 2, 'not resent blindly after an uncertain failure');
  });

  it('a return for an item not yet fulfilled is refused before anything is sent', async () => {
    const unshipped = seedOrder(shop, { number: 1002, email: 'ann@example.com', fulfilment: null });
    await assert.rejects(
      adapter().createReturn(STORE, unshipped.id, { items: [{ lineItemId: unshipped.lineItems[0]!.id, quantity: 1 }], reason: 'x' }, { idempotencyKey: 'return:2' }),
      (error: unknown) => error instanceof ShopifyError && error.kind === 'user_error',
    );
    assert.equal(server.executed('returnCreate'), 0);
  });

  it('lists active products page by page for the knowledge base', async () => {
    for (let i = 0; i < 3; i += 1)
      shop.products.set(`gid://shopify/Product/${i}`, { id: `gid://shopify/Product/${i}`, title: `Jacket ${i}`, productType: 'Outerwear', tags: ['rain'], vendor: 'Acme', description: 'Waterproof.', updatedAt: new Date().toISOString(), status: i === 2 ? 'DRAFT' : 'ACTIVE', variants: [{ id: `gid://shopify/ProductVariant/${i}`, title: 'M', sku: null, price: '120.00', availableForSale: true, options: ['M'] }] });
    const products = await adapter().listProducts(STORE, { limit: 10 });
    assert.deepEqual(products.map((p) => p.title).sort(), ['Jacket 0', 'Jacket 1']);
    assert.equal(products[0]!.variants[0]!.priceCents, 12000);
  });

  it('waits when the bucket holds less than the query costs (extensions.cost.throttleStatus)', async () => {
    const commerce = adapter();
    server.setBucket(250, 200);
    await commerce.getOrder(STORE, order.id); // learns the cost and what is left
    const cost = server.bucket.maximumAvailable - server.bucket.available;
    assert.ok(cost > 20, `a full order costs points (${cost})`);
    for (let i = 0; i < 4; i += 1) await commerce.getOrder(STORE, `gid://shopify/Order/none-${i}`).catch(() => undefined);
    assert.ok(waits.some((ms) => ms > 0), 'the client waited for the bucket to refill');
    assert.equal(server.log.filter((e) => e.throttled).length, 0, 'and was never throttled');
  });

  it('backs off on THROTTLED and retries', async () => {
    server.inject({ kind: 'throttled' });
    assert.equal((await adapter().getOrder(STORE, order.id))?.name, '#1001');
    assert.equal(server.log.filter((e) => e.throttled).length, 1);
    assert.ok(waits.length >= 1);
  });

  it('honours 429 with Retry-After (in seconds)', async () => {
    server.inject({ kind: 'http', status: 429, retryAfter: '1' });
    const started = Date.now();
    assert.equal((await adapter().getOrder(STORE, order.id))?.name, '#1001');
    assert.ok(waits.includes(1000), `waited Retry-After's second (${waits.join(',')})`);
    assert.ok(Date.now() - started >= 950);
  });

  it('retries a read after a 5xx, but a write that cannot be repeated safely is read back instead of resent', async () => {
    server.inject({ kind: 'http', status: 503 });
    assert.equal((await adapter().getOrder(STORE, order.id))?.name, '#1001');
    const [beanie] = shop.orders.get(order.id)!.lineItems;
    server.inject({ kind: 'http', status: 502 }, 'returnCreate');
    await assert.rejects(adapter().createReturn(STORE, order.id, { items: [{ lineItemId: beanie!.id, quantity: 1 }], reason: 'x' }, { idempotencyKey: 'return:5xx' }), (error: unknown) => error instanceof ShopifyError && error.kind === 'not_applied');
    assert.equal(server.log.filter((e) => e.fields.includes('returnCreate')).length, 1, 'returnCreate was not resent blindly');
  });

  it('a read that times out every time fails with a timeout error', async () => {
    connect({ timeoutMs: 200, maxAttempts: 2 });
    for (let i = 0; i < 2; i += 1) server.inject({ kind: 'slow', ms: 400 });
    await assert.rejects(adapter().getOrder(STORE, order.id), (error: unknown) => error instanceof ShopifyError && error.kind === 'timeout');
  });
});
