import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

describe('gateway request handling', () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof createStore>>;
  before(async () => {
    t = await startTestSystem({ env: { CONCIERGE_BODY_LIMIT_BYTES: '2048' } });
    s = await createStore(t);
  });
  after(() => t.close());

  const patch = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: { ...bearer(s.apiKey), ...headers }, payload });
  const windowDays = async () => (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(s.apiKey) })).json().returnWindowDays;

  test('wrong types → 400 naming the field', async () => {
    const response = await patch(JSON.stringify({ returnWindowDays: 'thirty' }));
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'validation_failed');
    assert.match(response.json().error.message, /returnWindowDays/);
    assert.equal(await windowDays(), 30);
  });

  test('nested wrong values → 400 naming the path', async () => {
    const response = await patch(JSON.stringify({ escalation: { minConfidence: 4 } }));
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /escalation\.minConfidence/);
  });

  test('unknown fields → 400 naming them', async () => {
    const response = await patch(JSON.stringify({ returnWindowDays: 10, refundEverything: true }));
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /refundEverything/);
    assert.equal(await windowDays(), 30);
  });

  test('bad JSON → 400', async () => {
    const response = await patch('{"returnWindowDays": 10,');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'bad_request');
    assert.match(response.json().error.message, /JSON/i);
  });

  test('oversized body → 413', async () => {
    const response = await patch(JSON.stringify({ excludedReturnCategories: Array.from({ length: 400 }, (_, i) => `category-${i}`) }));
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'payload_too_large');
    assert.equal(await windowDays(), 30);
  });

  test('wrong content type → 415', async () => {
    const response = await patch('returnWindowDays=10', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().error.code, 'unsupported_media_type');
  });

  test('a bad origin in settings is refused with the reason', async () => {
    const response = await patch(JSON.stringify({ allowedOrigins: ['https://shop.example.com/path'] }));
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /origin/);
  });

  test('unknown routes → 404 in the error shape; request ids are echoed', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/nothing', headers: { 'x-request-id': 'req-abc-123' } });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.requestId, 'req-abc-123');
    assert.equal(response.headers['x-request-id'], 'req-abc-123');
  });

  test('Idempotency-Key: a retry replays the first answer and creates nothing twice', async () => {
    const send = (payload: object, key = 'issue-key-1') =>
      t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/api-keys`, headers: { ...bearer(s.apiKey), 'idempotency-key': key }, payload });
    const first = await send({ name: 'ci' });
    const second = await send({ name: 'ci' });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.json(), first.json());
    const list = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/api-keys`, headers: bearer(s.apiKey) });
    assert.equal((list.json().data as { name: string }[]).filter((k) => k.name === 'ci').length, 1);
    const conflict = await send({ name: 'other' });
    assert.equal(conflict.statusCode, 409);
    assert.equal(conflict.json().error.code, 'idempotency_conflict');
  });

  test('Idempotency-Key on store creation', async () => {
    const send = () => t.app.inject({ method: 'POST', url: '/v1/stores', headers: { ...bearer(t.adminToken), 'idempotency-key': 'create-1' }, payload: { name: 'Once' } });
    const first = await send();
    const second = await send();
    assert.equal(first.json().store.id, second.json().store.id);
  });

  test('CORS: preflight allowed only for a known origin; responses shared only with the store’s origins', async () => {
    await patch(JSON.stringify({ allowedOrigins: ['https://shop.example.com'] }));
    const preflight = (origin: string) =>
      t.app.inject({ method: 'OPTIONS', url: '/v1/conversations', headers: { origin, 'access-control-request-method': 'POST' } });
    assert.equal((await preflight('https://shop.example.com')).headers['access-control-allow-origin'], 'https://shop.example.com');
    assert.equal((await preflight('https://evil.example.net')).headers['access-control-allow-origin'], undefined);
    const read = (origin: string) => t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: { ...bearer(s.apiKey), origin } });
    assert.equal((await read('https://shop.example.com')).headers['access-control-allow-origin'], 'https://shop.example.com');
    assert.equal((await read('https://evil.example.net')).headers['access-control-allow-origin'], undefined);
  });
});
