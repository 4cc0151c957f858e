import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderActions, type OrderActionDeps, type RequestContext } from '../src/agent/order-actions/index';
import type { PaymentsPort } from '../src/core/ports/commerce';
import { defaultSettings } from '../src/core/settings';
import { openDatabase, type Database } from '../src/data/database';
import { MemoryOrderLock } from '../src/data/locks/memory-order-lock';
import { migrate } from '../src/data/migrate';
import { catalogWriter } from '../src/data/repositories/demo-commerce/catalog-writer';
import { demoCommerce } from '../src/data/repositories/demo-commerce/demo-commerce';
import { demoPayments } from '../src/data/repositories/demo-commerce/demo-payments';
import { demoShipping } from '../src/data/repositories/demo-commerce/demo-shipping';
import { orderRequestLedger } from '../src/data/repositories/order-requests';
import { RACE_EMAIL, raceCatalog, type RaceKind } from './support/race-orders';

/**
 * The money path on its own, on the embedded database: keys that name the order and the request,
 * the ledger written before the provider call, failures and crashes, approvals, and the same
 * request asked again from another conversation. (The concurrency suite races it; this checks each path.)
 */
describe('the money path', () => {
  let database: Database;
  let storeId: string;
  let orders: { name: string; kind: RaceKind }[];
  let deps: OrderActionDeps;
  const failNext = { refund: 0 };
  const refundCalls: string[] = [];

  before(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    const [store] = await database.query<{ id: string }>("INSERT INTO stores (name, platform, settings) VALUES ('Money', 'demo', '{}') RETURNING id");
    storeId = store!.id;
    const kinds: RaceKind[] = ['refund_same_item', 'refund_same_item', 'refund_same_item', 'refund_other_item', 'refund_other_item', 'refund_other_item', 'cancel', 'return', 'cancel'];
    const catalog = raceCatalog(new Date(), kinds);
    orders = catalog.orders;
    await catalogWriter(database.db).write(storeId, catalog.records);
    const payments = demoPayments(database.db);
    // The provider as the store sees it, with a switch to make the next calls fail as a real one can.
    const flaky: PaymentsPort = {
      async refund(store, input, options) {
        refundCalls.push(options.idempotencyKey);
        if (failNext.refund > 0) {
          failNext.refund -= 1;
          throw new Error('card_declined: the provider refused the refund');
        }
        return payments.refund(store, input, options);
      },
    };
    const ledger = orderRequestLedger(database.db);
    deps = { commerce: demoCommerce(database.db), payments: flaky, shipping: demoShipping(database.db), orderLock: new MemoryOrderLock(), orderRequests: ledger, shopperHistory: ledger };
  });
  after(async () => database?.close());

  // One shopper owns every order here: the per-shopper abuse limits (test/abuse covers them) are off, so each case tests the money path alone.
  // The money path's own rules, not the photo rule for damage claims (test/abuse/evidence.test.ts has those): photos off.
  const ctx = (conversationId: string, settings = { ...defaultSettings, refundLimits: [], evidence: { ...defaultSettings.evidence, photo: 'never' as const } }): RequestContext => ({ storeId, conversationId, channel: 'api', claimed: { email: RACE_EMAIL }, settings, now: new Date(), opened: [] });
  const orderOf = async (name: string) => (await deps.commerce.getOrder(storeId, name))!;
  const refundRows = async (name: string) => database.query<{ amount: string; idempotency_key: string }>('SELECT r.amount, r.idempotency_key FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.store_id = $1 AND o.name = $2', [storeId, name]);

  test('the same refund asked from two conversations is one request, paid once under a key that names no conversation', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[0]!.name);
    const mug = [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }];
    const first = await actions.refund(ctx('11111111-1111-4111-8111-111111111111'), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    const second = await actions.refund(ctx('22222222-2222-4222-8222-222222222222'), { orderId: order.name, items: mug, reason: 'defective', actionId: crypto.randomUUID() });
    assert.equal(first.outcome, 'refunded');
    assert.equal(second.outcome, 'duplicate');
    assert.ok(second.outcome === 'duplicate' && first.outcome === 'refunded' && second.request.id === first.request.id, 'answered with the request already standing');
    const rows = await refundRows(order.name);
    assert.equal(rows.length, 1);
    assert.ok(!rows[0]!.idempotency_key.includes('1111') && rows[0]!.idempotency_key.startsWith(`refund:${order.id}:`), rows[0]!.idempotency_key);
  });

  test('a provider failure is recorded and answered; asked again it is tried under a new provider key and pays once', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[1]!.name);
    const mug = [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }];
    failNext.refund = 1;
    refundCalls.length = 0;
    const failed = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.equal(failed.outcome, 'failed');
    assert.equal((await deps.orderRequests.forOrder(storeId, order.id))[0]!.status, 'failed');
    const retried = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.equal(retried.outcome, 'refunded');
    assert.equal(refundCalls.length, 2);
    assert.equal(refundCalls[1], `${refundCalls[0]}#2`, 'a failure stored under a key is not replayed: the retry has its own');
    assert.equal((await refundRows(order.name)).length, 1);
  });

  test('a crash between the ledger and the answer: the same request re-drives the provider with the same key and pays once', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[2]!.name);
    const mug = [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }];
    // What a crash leaves: the request in progress, the provider having paid under its key, no answer recorded.
    const { orderRequestKey } = await import('../src/agent/order-actions/index');
    const key = orderRequestKey('refund', order.id, { items: mug, amountCents: order.lineItems[0]!.priceCents });
    await deps.orderRequests.open(storeId, { orderId: order.id, orderName: order.name, kind: 'refund', requestKey: key, status: 'in_progress', automatic: true, returnless: true, amountCents: 1800, currency: 'USD', items: mug, shopperKeys: [] });
    await deps.payments.refund(storeId, { orderId: order.id, amountCents: 1800, currency: 'USD', reason: 'damaged', items: mug }, { idempotencyKey: key });
    const soon = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.equal(soon.outcome, 'duplicate', 'while it may still be in flight, it is the same request being processed');
    const later = await actions.refund({ ...ctx(crypto.randomUUID()), now: new Date(Date.now() + 5 * 60_000) }, { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.equal(later.outcome, 'refunded');
    assert.equal((await refundRows(order.name)).length, 1, 'the provider answered the same key with the refund it had made');
    assert.equal((await deps.orderRequests.forOrder(storeId, order.id))[0]!.status, 'completed');
  });

  test('a second refund on an order waits for a human; asked again it is the same request; approved twice it pays once', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[3]!.name);
    const [mug, beanie] = order.lineItems.map((l) => [{ lineItemId: l.id, quantity: 1 }]);
    assert.equal((await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() })).outcome, 'refunded');
    const actionId = crypto.randomUUID();
    const review = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: beanie, reason: 'damaged', actionId });
    assert.equal(review.outcome, 'review');
    const again = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: beanie, amountCents: 500, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.equal(again.outcome, 'duplicate', 'another amount for the same item while one waits is the same request');
    const pending = { orderId: order.id, amountCents: order.lineItems[1]!.priceCents, items: beanie!, reason: 'damaged' };
    const [one, two] = await Promise.all([actions.approveRefund(ctx(''), actionId, pending), actions.approveRefund(ctx(''), actionId, pending)]);
    assert.equal(one.outcome, 'refunded');
    assert.equal(two.outcome, 'refunded');
    assert.equal((await refundRows(order.name)).length, 2, 'the mug at once, the beanie once on approval');
  });

  test('approved after the order was refunded another way: void, nothing paid', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[4]!.name);
    const [mug, beanie] = order.lineItems.map((l) => [{ lineItemId: l.id, quantity: 1 }]);
    await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    const actionId = crypto.randomUUID();
    assert.equal((await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: beanie, reason: 'damaged', actionId })).outcome, 'review');
    // Someone refunds the rest in the store's back office meanwhile.
    const left = order.lineItems[1]!.priceCents;
    await deps.payments.refund(storeId, { orderId: order.id, amountCents: left, currency: 'USD', reason: 'back office', items: beanie! }, { idempotencyKey: 'back-office-1' });
    const approved = await actions.approveRefund(ctx(''), actionId, { orderId: order.id, amountCents: left, items: beanie!, reason: 'damaged' });
    assert.equal(approved.outcome, 'void');
    assert.equal((await refundRows(order.name)).length, 2);
  });

  test('a rejected request asked again is answered as declined, not queued again', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[5]!.name);
    const [mug, beanie] = order.lineItems.map((l) => [{ lineItemId: l.id, quantity: 1 }]);
    await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', actionId: crypto.randomUUID() });
    const actionId = crypto.randomUUID();
    await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: beanie, reason: 'damaged', actionId });
    await actions.rejectRefund(ctx(''), actionId);
    const again = await actions.refund(ctx(crypto.randomUUID()), { orderId: order.id, items: beanie, reason: 'damaged', actionId: crypto.randomUUID() });
    assert.ok(again.outcome === 'duplicate' && again.request.status === 'rejected');
  });

  test('cancelled twice: cancelled and refunded once', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[6]!.name);
    const first = await actions.cancel(ctx(crypto.randomUUID()), { orderId: order.id, reason: 'customer' });
    const second = await actions.cancel(ctx(crypto.randomUUID()), { orderId: order.name, reason: 'customer' });
    assert.equal(first.outcome, 'cancelled');
    assert.equal(second.outcome, 'duplicate');
    assert.equal((await refundRows(order.name)).length, 1);
    assert.equal(first.outcome === 'cancelled' && first.refundedCents, 4600);
  });

  test('the same return asked twice is one return; its label is given again', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[7]!.name);
    const mug = [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }];
    const first = await actions.createReturn(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', exchange: null, conditionConfirmed: true });
    const second = await actions.createReturn(ctx(crypto.randomUUID()), { orderId: order.id, items: mug, reason: 'damaged', exchange: null, conditionConfirmed: true });
    assert.equal(first.outcome, 'created');
    assert.ok(second.outcome === 'duplicate' && first.outcome === 'created' && second.rma === first.rma);
    assert.equal((await orderOf(order.name)).returns.length, 1);
  });

  test('address changes: the same change twice is done once; A→B→A→B are three changes', async () => {
    const actions = orderActions(deps);
    const order = await orderOf(orders[8]!.name);
    const a = order.shippingAddress!;
    const b = { ...a, address1: '99 Other Road', zip: '78702' };
    assert.equal((await actions.changeAddress(ctx(crypto.randomUUID()), { orderId: order.id, address: b })).outcome, 'updated');
    assert.equal((await actions.changeAddress(ctx(crypto.randomUUID()), { orderId: order.id, address: b })).outcome, 'unchanged');
    assert.equal((await actions.changeAddress(ctx(crypto.randomUUID()), { orderId: order.id, address: a })).outcome, 'updated');
    assert.equal((await actions.changeAddress(ctx(crypto.randomUUID()), { orderId: order.id, address: b })).outcome, 'updated');
    assert.equal((await orderOf(order.name)).shippingAddress!.address1, '99 Other Road');
  });
});
