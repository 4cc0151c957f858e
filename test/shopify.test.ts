import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { shopifyWebhookHmac } from '../src/integrations/shopify/webhook-signature';
import { FakeAdminServer } from '../src/integrations/shopify/testing/fake-admin-server';
import { FakeShop, seedOrder, type FakeOrder } from '../src/integrations/shopify/testing/fake-shop';
import { recordSent } from './support/log-capture';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

const DOMAIN = 'test-shop.myshopify.com';
const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';
const APP_SECRET = 'shpss_custom_app_secret_0123456789';
const OAUTH = { clientId: 'oauth-client-id', clientSecret: 'oauth-client-secret-0123456789' };

/** Shopify's OAuth query signature: hex HMAC over the sorted `key=value` pairs. */
const signQuery = (query: Record<string, string>, secret: string) => {
  const message = Object.keys(query).sort().map((k) => `${k}=${query[k]}`).join('&');
  return { ...query, hmac: createHmac('sha256', secret).update(message).digest('hex') };
};

describe('Shopify end to end: connecting a store, the agent on Shopify, webhooks, privacy, OAuth (issue 16)', () => {
  let shop: FakeShop;
  let server: FakeAdminServer;
  let t: TestSystem;
  let a: TestStore;
  let b: TestStore;
  let order: FakeOrder;
  let deliveries = 0;

  const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.system.database.query<T>(text, params);
  const webhook = (topic: string, payload: unknown, options: { secret?: string | null; id?: string; raw?: string; domain?: string } = {}) => {
    const body = options.raw ?? JSON.stringify(payload);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': options.domain ?? DOMAIN,
      'x-shopify-webhook-id': options.id ?? `wh-${(deliveries += 1)}`,
      'x-shopify-api-version': '2026-10',
    };
    if (options.secret !== null) headers['x-shopify-hmac-sha256'] = shopifyWebhookHmac(body, options.secret ?? APP_SECRET);
    return t.app.inject({ method: 'POST', url: '/webhooks/shopify', headers, payload: body });
  };
  const say = async (store: TestStore, content: string) => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(store.apiKey), payload: { channel: 'api', message: { content } } });
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as { id: string; reply?: { content: string } | null; messages?: { content: string }[] };
  };

  before(async () => {
    shop = new FakeShop(DOMAIN);
    server = new FakeAdminServer(shop, TOKEN, OAUTH);
    const origin = await server.start();
    recordSent('secret', TOKEN);
    recordSent('secret', APP_SECRET);
    t = await startTestSystem({
      env: { SHOPIFY_API_KEY: OAUTH.clientId, SHOPIFY_API_SECRET: OAUTH.clientSecret, CONCIERGE_PUBLIC_URL: 'https://concierge.example.com' },
      systemOptions: { shopifyFetch: server.fetchApi(origin) },
    });
    a = await createStore(t, 'Shopify store');
    b = await createStore(t, 'Other store');
    order = seedOrder(shop, { number: 1001, email: 'ann@example.com' });
  });
  after(async () => {
    await t.close();
    await server.stop();
  });

  it('a pasted token Shopify refuses is not stored', async () => {
    const response = await t.app.inject({ method: 'PUT', url: `/v1/stores/${a.storeId}/integrations/shopify`, headers: bearer(a.apiKey), payload: { shopDomain: DOMAIN, accessToken: 'shpat_wrong' } });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().error.code, 'unprocessable');
    assert.equal((await rows('SELECT 1 FROM shopify_shops')).length, 0);
    const bad = await t.app.inject({ method: 'PUT', url: `/v1/stores/${a.storeId}/integrations/shopify`, headers: bearer(a.apiKey), payload: { shopDomain: 'evil.example.com', accessToken: TOKEN } });
    assert.equal(bad.statusCode, 400);
  });

  it('connects with a custom app token (stored sealed) and reports granted against required scopes', async () => {
    const response = await t.app.inject({ method: 'PUT', url: `/v1/stores/${a.storeId}/integrations/shopify`, headers: bearer(a.apiKey), payload: { shopDomain: DOMAIN, accessToken: TOKEN, apiSecret: APP_SECRET } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().ok, true);
    const [stored] = await rows<{ creds: string }>('SELECT api_credentials::text AS creds FROM stores WHERE id = $1', [a.storeId]);
    assert.ok(stored!.creds.includes('"shopify"'));
    assert.ok(!stored!.creds.includes(TOKEN) && !stored!.creds.includes(APP_SECRET), 'the token and secret are sealed');

    shop.grantedScopes = shop.grantedScopes.filter((s) => s !== 'write_returns');
    const test = await t.app.inject({ method: 'POST', url: `/v1/stores/${a.storeId}/integrations/shopify/test`, headers: bearer(a.apiKey) });
    assert.equal(test.statusCode, 200);
    assert.equal(test.json().ok, false);
    assert.deepEqual(test.json().missingScopes, ['write_returns']);
    shop.grantedScopes.push('write_returns');
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/stores/${a.storeId}/integrations/shopify/test`, headers: bearer(a.apiKey) })).json().ok, true);
    // Store B is not connected.
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/stores/${b.storeId}/integrations/shopify/test`, headers: bearer(b.apiKey) })).statusCode, 404);
  });

  it('the connected store is served by Shopify, the other by its built-in backend', async () => {
    assert.equal((await t.system.commerce.getOrder(a.storeId, '#1001'))?.id, order.id);
    assert.equal(await t.system.commerce.getOrder(b.storeId, '#1001'), undefined);
  });

  it('order webhooks invalidate the cached order', async () => {
    assert.equal((await t.system.commerce.getOrder(a.storeId, order.id))?.fulfillments[0]?.shipmentStatus, 'in_transit');
    shop.orders.get(order.id)!.fulfillments[0]!.displayStatus = 'OUT_FOR_DELIVERY';
    assert.equal((await t.system.commerce.getOrder(a.storeId, order.id))?.fulfillments[0]?.shipmentStatus, 'in_transit', 'served from the cache');
    const response = await webhook('fulfillments/update', { id: 5, order_id: Number(order.id.split('/').pop()), status: 'success' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().outcome, 'order_invalidated');
    assert.equal((await t.system.commerce.getOrder(a.storeId, order.id))?.fulfillments[0]?.shipmentStatus, 'out_for_delivery');
  });

  it('a valid webhook is handled once; its replay is answered 200 and ignored', async () => {
    const payload = { id: Number(order.id.split('/').pop()), admin_graphql_api_id: order.id, name: '#1001' };
    const first = await webhook('orders/updated', payload, { id: 'delivery-once' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().outcome, 'order_invalidated');
    const replay = await webhook('orders/updated', payload, { id: 'delivery-once' });
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.json().outcome, 'duplicate');
    assert.equal((await rows("SELECT 1 FROM webhook_deliveries WHERE provider = 'shopify' AND delivery_id = 'delivery-once'")).length, 1);
  });

  it('a bad or missing signature is refused (401) and nothing is written; a malformed body is refused (400)', async () => {
    const before = (await rows('SELECT 1 FROM webhook_deliveries')).length;
    const conversationsBefore = (await rows('SELECT 1 FROM conversations')).length;
    const forged = await webhook('shop/redact', { shop_id: 1, shop_domain: DOMAIN }, { secret: 'not-the-secret', id: 'forged-1' });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'unauthorized');
    const unsigned = await webhook('shop/redact', { shop_id: 1, shop_domain: DOMAIN }, { secret: null, id: 'forged-2' });
    assert.equal(unsigned.statusCode, 401);
    const unknownShop = await webhook('shop/redact', { shop_id: 1 }, { domain: 'other-shop.myshopify.com', id: 'forged-3' });
    assert.equal(unknownShop.statusCode, 401);
    const malformed = await webhook('orders/updated', null, { raw: '{"id": 12', id: 'malformed-1' });
    assert.equal(malformed.statusCode, 400);
    const wrongShape = await webhook('customers/redact', { customer: 'nobody' }, { id: 'malformed-2' });
    assert.equal(wrongShape.statusCode, 400);
    assert.equal((await rows('SELECT 1 FROM webhook_deliveries')).length, before, 'no delivery recorded');
    assert.equal((await rows('SELECT 1 FROM conversations')).length, conversationsBefore, 'nothing erased');
    // A malformed delivery was not recorded: once fixed, Shopify's retry is handled.
    assert.equal((await webhook('customers/redact', { customer: { id: 1, email: 'nobody@example.com' }, orders_to_redact: [] }, { id: 'malformed-2' })).statusCode, 200);
  });

  it('product webhooks re-sync that product into the knowledge base', async () => {
    const id = 'gid://shopify/Product/501';
    shop.products.set(id, { id, title: 'Alpine Rain Jacket', productType: 'Outerwear', tags: ['rain'], vendor: 'Acme', description: 'Fully waterproof with taped seams.', updatedAt: new Date().toISOString(), status: 'ACTIVE', variants: [{ id: 'gid://shopify/ProductVariant/1', title: 'M', sku: 'ARJ-M', price: '149.00', availableForSale: true, options: ['M'] }] });
    const response = await webhook('products/update', { id: 501, admin_graphql_api_id: id, title: 'Alpine Rain Jacket' });
    assert.equal(response.json().outcome, 'product_synced');
    assert.ok(await t.system.ingestion.settled(a.storeId), 'indexed by a job after the webhook was answered');
    const documents = await t.system.knowledge.list(a.storeId, { kind: 'product' });
    assert.deepEqual(documents.map((d) => d.source), [`product:${id}`]);
    await webhook('products/delete', { id: 501 });
    assert.ok(await t.system.ingestion.settled(a.storeId));
    assert.equal((await t.system.knowledge.list(a.storeId, { kind: 'product' })).length, 0);
  });

  it('customers/data_request exports that shopper’s conversations for the store to fetch; customers/redact erases them', async () => {
    const lookupsBefore = server.log.filter((e) => e.operation === 'ConciergeOrders' || e.operation === 'ConciergeOrderById').length;
    const ann = await say(a, 'hi, my email is ann@example.com, where is my order #1001?');
    const answer = (await t.app.inject({ url: `/v1/conversations/${ann.id}`, headers: bearer(a.apiKey) })).json() as { messages: { role: string; content: string }[] };
    assert.ok(server.log.filter((e) => e.operation === 'ConciergeOrders' || e.operation === 'ConciergeOrderById').length > lookupsBefore, 'the agent looked the order up in Shopify');
    assert.ok(answer.messages.some((m) => m.role !== 'customer' && /1Z1001|UPS|on its way|in transit/i.test(m.content)), `the agent answered from Shopify's fulfilment: ${answer.messages.map((m) => m.content).join(' | ')}`);
    const bob = await say(a, 'hello, I am bob@example.com and I have a question about socks');
    const elsewhere = await say(b, 'my email is ann@example.com too, in another store');
    await rows('INSERT INTO shopper_feedback (store_id, conversation_id, kind, score) VALUES ($1, $2, $3, $4)', [a.storeId, ann.id, 'rating', 5]);
    await rows("INSERT INTO verification_failures (store_id, conversation_id, channel) VALUES ($1, $2, 'api')", [a.storeId, ann.id]);

    const request = await webhook('customers/data_request', { shop_id: 1, shop_domain: DOMAIN, customer: { id: 77, email: 'ann@example.com', phone: null }, orders_requested: [1001], data_request: { id: 9999 } });
    assert.equal(request.statusCode, 200, request.body);
    assert.match(request.json().outcome, /^exported:/);
    const list = await t.app.inject({ url: `/v1/stores/${a.storeId}/privacy-exports`, headers: bearer(a.apiKey) });
    assert.equal(list.statusCode, 200);
    const [summary] = list.json().data as { id: string; requestId: string; conversations: number }[];
    assert.equal(summary!.requestId, '9999');
    assert.equal(summary!.conversations, 1);
    const exported = await t.app.inject({ url: `/v1/stores/${a.storeId}/privacy-exports/${summary!.id}`, headers: bearer(a.apiKey) });
    const data = exported.json().data as { conversations: { id: string; messages: { content: string }[]; feedback: { score: number }[] }[] };
    assert.deepEqual(data.conversations.map((c) => c.id), [ann.id]);
    assert.ok(data.conversations[0]!.messages.some((m) => m.content.includes('ann@example.com')));
    assert.ok(data.conversations[0]!.messages.length >= 2, 'the agent’s replies too');
    assert.deepEqual(data.conversations[0]!.feedback.map((f) => f.score), [5]);
    // Another store cannot read it.
    assert.equal((await t.app.inject({ url: `/v1/stores/${a.storeId}/privacy-exports/${summary!.id}`, headers: bearer(b.apiKey) })).statusCode, 404);
    const [sealed] = await rows<{ s: string }>('SELECT sealed::text AS s FROM privacy_exports');
    assert.ok(!sealed!.s.includes('ann@example.com'), 'the export is sealed at rest');

    const redact = await webhook('customers/redact', { shop_id: 1, shop_domain: DOMAIN, customer: { id: 77, email: 'ann@example.com', phone: null }, orders_to_redact: [1001] });
    assert.equal(redact.statusCode, 200, redact.body);
    assert.equal((await rows('SELECT 1 FROM conversations WHERE id = $1', [ann.id])).length, 0, 'her conversation is gone');
    assert.equal((await rows('SELECT 1 FROM messages WHERE conversation_id = $1', [ann.id])).length, 0, 'and its messages');
    assert.equal((await rows('SELECT 1 FROM shopper_feedback WHERE conversation_id = $1', [ann.id])).length, 0, 'and her feedback');
    assert.equal((await rows('SELECT 1 FROM verification_failures WHERE conversation_id = $1', [ann.id])).length, 0, 'and her verification records');
    assert.equal((await rows('SELECT 1 FROM agent_checkpoints WHERE thread_id = $1', [ann.id])).length, 0, 'and the agent’s memory of it');
    assert.equal((await rows('SELECT 1 FROM privacy_exports WHERE store_id = $1', [a.storeId])).length, 0, 'and her export');
    assert.equal((await rows("SELECT 1 FROM messages WHERE store_id = $1 AND content ILIKE '%ann@example.com%'", [a.storeId])).length, 0);
    assert.equal((await rows('SELECT 1 FROM conversations WHERE id = $1', [bob.id])).length, 1, 'another shopper’s conversation stays');
    assert.equal((await rows('SELECT 1 FROM conversations WHERE id = $1', [elsewhere.id])).length, 1, 'another store’s stays');
  });

  it('app/uninstalled erases the token; shop/redact then erases the store’s shopper data, and only that store’s', async () => {
    const uninstalled = await webhook('app/uninstalled', { id: 1, domain: DOMAIN });
    assert.equal(uninstalled.json().outcome, 'disconnected');
    const [stored] = await rows<{ creds: string }>('SELECT api_credentials::text AS creds FROM stores WHERE id = $1', [a.storeId]);
    assert.ok(!stored!.creds.includes('"shopify"'), 'credentials erased');
    assert.equal(await t.system.commerce.getOrder(a.storeId, '#1001'), undefined, 'back on the built-in backend');

    // 48 hours later, signed with the OAuth app's secret (the custom app's is gone with the credentials).
    const redact = await webhook('shop/redact', { shop_id: 1, shop_domain: DOMAIN }, { secret: OAUTH.clientSecret });
    assert.equal(redact.statusCode, 200, redact.body);
    assert.equal((await rows('SELECT 1 FROM conversations WHERE store_id = $1', [a.storeId])).length, 0);
    assert.equal((await rows('SELECT 1 FROM messages WHERE store_id = $1', [a.storeId])).length, 0);
    assert.equal((await rows('SELECT 1 FROM shopify_shops WHERE store_id = $1', [a.storeId])).length, 0);
    assert.ok((await rows('SELECT 1 FROM conversations WHERE store_id = $1', [b.storeId])).length > 0, 'store B keeps its conversations');
  });

  it('the OAuth install: state bound to the shop, callback HMAC checked, code exchanged for an offline token', async () => {
    const begin = await t.app.inject({ method: 'POST', url: `/v1/stores/${a.storeId}/integrations/shopify/install`, headers: bearer(a.apiKey), payload: { shop: DOMAIN } });
    assert.equal(begin.statusCode, 200, begin.body);
    const url = new URL(begin.json().authorizeUrl);
    assert.equal(url.host, DOMAIN);
    assert.equal(url.pathname, '/admin/oauth/authorize');
    assert.equal(url.searchParams.get('client_id'), OAUTH.clientId);
    assert.equal(url.searchParams.get('redirect_uri'), 'https://concierge.example.com/integrations/shopify/callback');
    const state = url.searchParams.get('state')!;
    server.oauthCodes.set('code-1', TOKEN);
    const query = { code: 'code-1', shop: DOMAIN, state, timestamp: String(Math.floor(Date.now() / 1000)) };
    const callback = (q: Record<string, string>) => t.app.inject({ url: `/integrations/shopify/callback?${new URLSearchParams(q).toString()}` });

    assert.equal((await callback(signQuery(query, 'wrong-secret'))).statusCode, 401, 'HMAC with another secret');
    assert.equal((await callback({ ...signQuery(query, OAUTH.clientSecret), code: 'code-2' })).statusCode, 401, 'a parameter changed after signing');
    assert.equal((await callback(signQuery({ ...query, state: 'made-up' }, OAUTH.clientSecret))).statusCode, 401, 'unknown state');
    assert.equal((await callback(signQuery({ ...query, shop: 'evil.example.com' }, OAUTH.clientSecret))).statusCode, 400, 'not a myshopify.com domain');
    const ok = await callback(signQuery(query, OAUTH.clientSecret));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().ok, true);
    const [linked] = await rows<{ connected_via: string }>('SELECT connected_via FROM shopify_shops WHERE store_id = $1', [a.storeId]);
    assert.equal(linked!.connected_via, 'oauth');
    assert.equal((await t.system.commerce.getOrder(a.storeId, '#1001'))?.id, order.id, 'served by Shopify again');
    assert.equal((await callback(signQuery(query, OAUTH.clientSecret))).statusCode, 401, 'a state is good once');

    // Shopify's signed app launch for a linked shop redirects to the authorize page with a new state.
    const launch = await t.app.inject({ url: `/integrations/shopify/install?${new URLSearchParams(signQuery({ shop: DOMAIN, timestamp: '1' }, OAUTH.clientSecret)).toString()}` });
    assert.equal(launch.statusCode, 302);
    assert.match(launch.headers.location as string, /^https:\/\/test-shop\.myshopify\.com\/admin\/oauth\/authorize\?/);
    const unsigned = await t.app.inject({ url: `/integrations/shopify/install?shop=${DOMAIN}` });
    assert.equal(unsigned.statusCode, 401);
  });
});
