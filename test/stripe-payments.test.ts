import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { isProviderUnavailable } from '../src/core/provider-unavailable';
import { providerRefundLog } from '../src/data/repositories/provider-refunds';
import { resilience } from '../src/integrations/resilience/resilient-call';
import { stripeClients } from '../src/integrations/stripe/stripe-client';
import { stripeIdempotencyKey, stripePayments } from '../src/integrations/stripe/stripe-payments';
import { demoStore } from './support/demo';
import { startFakeStripe, type FakeStripe } from './support/fakes/stripe-server';
import { recordSent } from './support/log-capture';
import { startTestSystem, type TestSystem } from './support/system';

const WEBHOOK_SECRET = 'whsec_concierge_test_0123456789';

describe('Stripe: refunds through the official client against a local Stripe-protocol server', () => {
  let fake: FakeStripe;
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  const signer = new Stripe('sk_test_signer_only');

  before(async () => {
    fake = await startFakeStripe();
    recordSent('secret', fake.secretKey);
    recordSent('secret', WEBHOOK_SECRET);
    t = await startTestSystem({ env: { STRIPE_API_BASE: fake.url } });
    // Payments through Stripe, not evidence: the store asks no photo (photos: test/abuse/evidence.test.ts).
    s = await demoStore(t, { evidence: { photo: 'never' } });
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { stripe: { secretKey: fake.secretKey, webhookSecret: WEBHOOK_SECRET } } } });
    assert.equal(patched.statusCode, 200, patched.body);
    // Each demo order was paid through Stripe: its PaymentIntent names the order in metadata, as shop integrations do.
    for (const order of s.demo.records.orders) fake.addPaymentIntent({ amount: order.totalCents, currency: order.currency.toLowerCase(), metadata: { order_id: order.name.replace(/^#/, '') } });
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  /** A small delivered order (under the auto-approve limit), with its id in the store. */
  async function smallDelivered(skip: number) {
    const record = s.demo.records.orders.filter((o) => s.demo.index.delivered_recent.includes(o.name) && o.lineItems.length === 1 && o.lineItems[0]!.quantity === 1 && o.totalCents <= 5000)[skip]!;
    const order = (await t.system.commerce.getOrder(s.storeId, record.name))!;
    return order;
  }

  async function askRefund(orderName: string) {
    const id = await s.start();
    await s.say(id, `the item from order ${orderName} arrived damaged, I want a refund`);
    let turn = await s.say(id, s.demo.owners[orderName]!.email);
    if (/Which item/.test(turn.reply!.content)) turn = await s.say(id, 'all');
    return turn;
  }

  const requestsOf = (orderId: string) =>
    t.system.database.query<{ status: string; result: Record<string, unknown>; request_key: string }>(`SELECT status, result, request_key FROM order_requests WHERE store_id = $1 AND order_id = $2 AND kind = 'refund' ORDER BY created_at`, [s.storeId, orderId]);

  /** The adapter as compose builds it, with a short timeout and the store's own refund log. */
  function adapter(options: Parameters<typeof resilience>[0]) {
    return stripePayments({
      credentials: (storeId) => t.system.stores.channelCredentials(storeId, 'stripe'),
      client: stripeClients(fake.url),
      commerce: t.system.commerce,
      refunds: providerRefundLog(t.system.database),
      resilience: resilience(options),
    });
  }

  test('a shopper refund goes through Stripe with an idempotency key derived from the store and the request, and is recorded', async () => {
    const order = await smallDelivered(0);
    const before = fake.refunds.size;
    const turn = await askRefund(order.name);
    assert.match(turn.reply!.content, /I've refunded \$\d+\.\d\d/);
    assert.equal(fake.refunds.size, before + 1);
    const refund = [...fake.refunds.values()].at(-1)!;
    const [request] = await requestsOf(order.id);
    assert.equal(refund.amount, Number((await t.system.database.query<{ amount_cents: string }>('SELECT amount_cents FROM order_requests WHERE store_id = $1 AND order_id = $2', [s.storeId, order.id]))[0]!.amount_cents));
    assert.equal(request!.status, 'completed');
    assert.equal(request!.result.refundId, refund.id);
    const post = fake.requests.filter((r) => r.path === '/v1/refunds').at(-1)!;
    assert.equal(post.idempotencyKey, stripeIdempotencyKey(s.storeId, request!.request_key));
    const logged = await providerRefundLog(t.system.database).get(s.storeId, 'stripe', String(refund.id));
    assert.equal(logged?.status, 'succeeded');
  });

  test('a refund whose answer times out is retried under the same key and issued once', async () => {
    const order = await smallDelivered(1);
    const payments = adapter({ timeoutMs: 150, maxAttempts: 5, baseDelayMs: 100, random: () => 1 });
    const before = fake.refunds.size;
    // Search answers at once; the refund is made but its answer comes after the client gave up.
    fake.faults = [{ delayMs: 0 }, { delayMs: 400 }];
    const record = await payments.refund(s.storeId, { orderId: order.id, amountCents: 1000, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:timeout` });
    assert.equal(fake.refunds.size, before + 1, 'one refund at Stripe');
    const posts = fake.requests.filter((r) => r.path === '/v1/refunds' && r.idempotencyKey === stripeIdempotencyKey(s.storeId, `refund:${order.id}:timeout`));
    assert.ok(posts.length >= 2, `retried (${posts.map((p) => p.status).join(',')})`);
    assert.equal(new Set(posts.map((p) => p.idempotencyKey)).size, 1, 'every attempt carried the same key');
    assert.equal(record.id, [...fake.refunds.values()].at(-1)!.id);
    // The whole action retried later (a crash, a second approval): the same key, still one refund.
    const again = await payments.refund(s.storeId, { orderId: order.id, amountCents: 1000, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:timeout` });
    assert.equal(again.id, record.id);
    assert.equal(fake.refunds.size, before + 1);
  });

  test('429 with Retry-After is waited out; a refusal (amount too large) is not retried and is unprocessable', async () => {
    const order = await smallDelivered(2);
    const payments = adapter({ baseDelayMs: 10 });
    fake.faults = [{ delayMs: 0 }, { status: 429, retryAfter: '1' }];
    const started = Date.now();
    await payments.refund(s.storeId, { orderId: order.id, amountCents: 500, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:429` });
    assert.ok(Date.now() - started >= 950, 'waited the second Retry-After asked');
    const tries = fake.requests.length;
    await assert.rejects(
      payments.refund(s.storeId, { orderId: order.id, amountCents: order.totalCents * 10, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:too-much` }),
      (e: { code?: string; message?: string }) => e.code === 'unprocessable' && /amount_too_large/.test(e.message ?? ''),
    );
    assert.equal(fake.requests.length - tries, 2, 'search and one refund attempt, no retry');
  });

  test('Stripe failing: the circuit opens after the failures, then nothing is sent', async () => {
    const order = await smallDelivered(3);
    const payments = adapter({ maxAttempts: 2, baseDelayMs: 1, circuit: { failureThreshold: 4, openMs: 60_000 } });
    fake.faults = Array.from({ length: 4 }, () => ({ status: 500 }));
    for (let i = 0; i < 2; i++)
      await assert.rejects(payments.refund(s.storeId, { orderId: order.id, amountCents: 100, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:down` }), (e) => isProviderUnavailable(e));
    const sent = fake.requests.length;
    await assert.rejects(payments.refund(s.storeId, { orderId: order.id, amountCents: 100, currency: order.currency, reason: 'damaged', items: [] }, { idempotencyKey: `refund:${order.id}:down` }), (e) => isProviderUnavailable(e) && /circuit open/.test(e.message));
    assert.equal(fake.requests.length, sent, 'an open circuit sends nothing');
    fake.faults = [];
  });

  test('Stripe down during a shopper refund: an honest reply, a handoff, and the request kept to re-drive under the same key', async () => {
    const order = await smallDelivered(4);
    fake.faults = Array.from({ length: 12 }, () => ({ status: 503 }));
    const before = fake.refunds.size;
    const turn = await askRefund(order.name);
    fake.faults = [];
    assert.match(turn.reply!.content, /can't reach the store's order system right now/);
    assert.match(turn.reply!.content, /teammate, who will follow up/);
    assert.equal(turn.escalated, true);
    assert.equal(fake.refunds.size, before, 'no refund made');
    const [request] = await requestsOf(order.id);
    assert.equal(request!.status, 'in_progress', 'a 5xx may have reached Stripe: kept in progress, to be re-driven under the same key');
  });

  test('the connection test reads the account with the stored key; a wrong key is reported, an unconfigured store refused', async () => {
    const ok = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/integrations/stripe/test`, headers: s.headers });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { provider: 'stripe', ok: true, message: 'Stripe accepted the key (test mode)' });
    const { createStore, bearer } = await import('./support/system');
    const other = await createStore(t, 'Wrong key');
    const none = await t.app.inject({ method: 'POST', url: `/v1/stores/${other.storeId}/integrations/stripe/test`, headers: bearer(other.apiKey) });
    assert.equal(none.statusCode, 422);
    await t.app.inject({ method: 'PATCH', url: `/v1/stores/${other.storeId}/settings`, headers: bearer(other.apiKey), payload: { channels: { stripe: { secretKey: 'sk_test_not_the_right_one' } } } });
    const wrong = await t.app.inject({ method: 'POST', url: `/v1/stores/${other.storeId}/integrations/stripe/test`, headers: bearer(other.apiKey) });
    assert.equal(wrong.json().ok, false);
    assert.match(wrong.json().message, /refused the stored credentials \(HTTP 401\)/);
    assert.doesNotMatch(wrong.body, /sk_test/);
    const badKey = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${other.storeId}/settings`, headers: bearer(other.apiKey), payload: { channels: { stripe: { secretKey: 'pk_test_publishable' } } } });
    assert.equal(badKey.statusCode, 400, 'a publishable key is not a secret key');
  });

  describe('webhooks', () => {
    const post = (payload: string | Buffer, signature?: string) =>
      t.app.inject({ method: 'POST', url: `/webhooks/stripe/${s.storeId}`, headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, payload });
    const sign = (payload: string, secret = WEBHOOK_SECRET, timestamp?: number) => signer.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
    const deliveries = async () => Number((await t.system.database.query<{ n: string }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE provider = 'stripe'`))[0]!.n);

    function refundEvent(id: string, type: string, refund: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
      return JSON.stringify({ id, object: 'event', type, created, api_version: '2026-01-28', data: { object: { object: 'refund', ...refund } } });
    }

    test('a refund that fails later: signed event accepted once, the refund and its request marked failed; the replay is ignored', async () => {
      const [made] = [...fake.refunds.values()];
      const orderId = String((made!.metadata as Record<string, string>).concierge_order);
      const body = refundEvent('evt_fail_1', 'refund.failed', { ...made, status: 'failed', failure_reason: 'expired_or_canceled_card' });
      const first = await post(body, sign(body));
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual({ duplicate: first.json().duplicate, applied: first.json().applied }, { duplicate: false, applied: 1 });
      const logged = await providerRefundLog(t.system.database).get(s.storeId, 'stripe', String(made!.id));
      assert.equal(logged?.status, 'failed');
      assert.equal(logged?.failureReason, 'expired_or_canceled_card');
      const [request] = await requestsOf(orderId);
      assert.equal(request!.status, 'failed', 'the shopper may ask again: a new attempt under a new key');
      assert.equal(request!.result.refundStatus, 'failed');

      const count = await deliveries();
      const replay = await post(body, sign(body));
      assert.equal(replay.statusCode, 200);
      assert.equal(replay.json().duplicate, true);
      assert.equal(await deliveries(), count, 'nothing written');
    });

    test('an older event arriving after a newer one does not move the status back', async () => {
      const made = [...fake.refunds.values()][1]!;
      const now = Math.floor(Date.now() / 1000);
      const newer = refundEvent('evt_order_2', 'refund.updated', { ...made, status: 'succeeded' }, now);
      const older = refundEvent('evt_order_1', 'refund.updated', { ...made, status: 'pending' }, now - 60);
      assert.equal((await post(newer, sign(newer))).statusCode, 200);
      assert.equal((await post(older, sign(older))).statusCode, 200);
      assert.equal((await providerRefundLog(t.system.database).get(s.storeId, 'stripe', String(made.id)))?.status, 'succeeded');
    });

    test('bad, missing, stale or foreign signatures are refused with 400 and nothing written', async () => {
      const made = [...fake.refunds.values()][0]!;
      const body = refundEvent('evt_bad_sig', 'refund.updated', { ...made, status: 'succeeded' });
      const count = await deliveries();
      for (const [why, signature] of [
        ['wrong secret', sign(body, 'whsec_someone_else')],
        ['tampered', sign(body).replace(/v1=([0-9a-f])/, (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`)],
        ['stale', sign(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600)],
        ['missing', undefined],
      ] as const) {
        const response = await post(body, signature);
        assert.equal(response.statusCode, 400, why);
        assert.equal(response.json().error.code, 'bad_request', why);
      }
      const signedOther = sign(body);
      const other = await t.app.inject({ method: 'POST', url: `/webhooks/stripe/${s.storeId}`, headers: { 'content-type': 'application/json', 'stripe-signature': signedOther }, payload: body.replace('succeeded', 'failed') });
      assert.equal(other.statusCode, 400, 'a body changed after signing');
      assert.equal(await deliveries(), count);
      assert.notEqual((await providerRefundLog(t.system.database).get(s.storeId, 'stripe', String(made.id)))?.status, 'succeeded', 'unchanged');
    });

    test('a malformed body, even correctly signed, is refused', async () => {
      const count = await deliveries();
      for (const body of ['{"id": "evt_x", "type": ', 'not json at all', JSON.stringify({ hello: 'world' })]) {
        const response = await post(body, sign(body));
        assert.equal(response.statusCode, 400, body);
      }
      assert.equal(await deliveries(), count);
    });

    test('another store cannot be reached through its webhook path with this store\'s secret', async () => {
      const other = await (await import('./support/system')).createStore(t, 'Other');
      const body = refundEvent('evt_other', 'refund.updated', { id: 're_x', amount: 1, currency: 'usd', status: 'succeeded', metadata: {} });
      const response = await t.app.inject({ method: 'POST', url: `/webhooks/stripe/${other.storeId}`, headers: { 'content-type': 'application/json', 'stripe-signature': sign(body) }, payload: body });
      assert.equal(response.statusCode, 404, 'no Stripe webhook configured there');
    });
  });
});
