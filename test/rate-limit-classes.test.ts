import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutServer } from './support/databases';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

const SHOP = 'https://shop.example';

async function shop(t: TestSystem) {
  const s = await createStore(t, 'Shop', { allowedOrigins: [SHOP] });
  const widget = (address: string) => ({
    method: 'POST' as const,
    url: '/v1/conversations',
    headers: { ...bearer(s.widgetKey), origin: SHOP },
    payload: { channel: 'widget' },
    remoteAddress: address,
  });
  const backOffice = (address = '10.0.0.1') => ({
    method: 'POST' as const,
    url: '/v1/conversations',
    headers: bearer(s.apiKey),
    payload: { channel: 'api' },
    remoteAddress: address,
  });
  return { ...s, widget, backOffice };
}

describe('rate limits per caller class and address (issue 13 item 5)', () => {
  test("anonymous widget traffic never spends the back office's budget", async () => {
    const t = await startTestSystem({ env: { CONCIERGE_RATE_LIMIT_PER_MINUTE: '5', CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' } });
    try {
      const s = await shop(t);
      const widgetStatuses = [];
      for (let i = 0; i < 8; i += 1) widgetStatuses.push((await t.app.inject(s.widget(`203.0.113.${i}`))).statusCode);
      assert.deepEqual(widgetStatuses, [201, 201, 201, 201, 201, 429, 429, 429], 'the widget key has its own budget, whatever the address');
      const backOffice = await t.app.inject(s.backOffice());
      assert.equal(backOffice.statusCode, 201, `the store's own secret key is not locked out by its widget: ${backOffice.body}`);
      assert.equal(backOffice.headers['ratelimit-remaining'], '4');
    } finally {
      await t.close();
    }
  });

  test("a public key is limited per client address: one visitor cannot exhaust the store's widget budget", async () => {
    const t = await startTestSystem({ env: { CONCIERGE_RATE_LIMIT_PER_MINUTE: '100', CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3' } });
    try {
      const s = await shop(t);
      const one = [];
      for (let i = 0; i < 5; i += 1) one.push((await t.app.inject(s.widget('198.51.100.7'))).statusCode);
      assert.deepEqual(one, [201, 201, 201, 429, 429]);
      const limited = await t.app.inject(s.widget('198.51.100.7'));
      assert.match(limited.json().error.message, /from this address/);
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal((await t.app.inject(s.widget('198.51.100.8'))).statusCode, 201, 'another visitor is served');
      const secret = [];
      for (let i = 0; i < 5; i += 1) secret.push((await t.app.inject(s.backOffice('198.51.100.7'))).statusCode);
      assert.deepEqual(secret, [201, 201, 201, 201, 201], 'secret keys are not limited per address');
    } finally {
      await t.close();
    }
  });

  test('failed authentication is throttled per address: past the budget the address waits, valid key or not; others are served', async () => {
    const t = await startTestSystem({ env: { CONCIERGE_AUTH_FAILURES_PER_MINUTE: '4' } });
    try {
      const s = await shop(t);
      const guess = (address: string, i: number) =>
        t.app.inject({
          method: 'GET',
          url: `/v1/stores/${s.storeId}/settings`,
          headers: bearer(`sk_${'0'.repeat(8)}_${String(i).padStart(24, 'x')}`),
          remoteAddress: address,
        });
      const statuses = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await guess('192.0.2.66', i)).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429, 429]);
      const valid = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(s.apiKey), remoteAddress: '192.0.2.66' });
      assert.equal(valid.statusCode, 429, 'the address waits out the window before any credential is looked at');
      assert.ok(Number(valid.headers['retry-after']) >= 1);
      assert.equal((await guess('192.0.2.67', 99)).statusCode, 401, 'another address is still answered 401');
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(s.apiKey), remoteAddress: '192.0.2.67' })).statusCode,
        200,
      );
    } finally {
      await t.close();
    }
  });

  test('wrong passwords for many e-mails from one address are throttled too (credential stuffing), on top of the per-e-mail limit', async () => {
    const t = await startTestSystem({ env: { CONCIERGE_AUTH_FAILURES_PER_MINUTE: '3' } });
    try {
      const s = await createStore(t);
      await t.system.operators.create(s.storeId, null, { email: 'owner@shop.example', name: 'Owner', role: 'owner', password: 'correct horse battery' });
      const login = (email: string, password: string, address: string) =>
        t.app.inject({ method: 'POST', url: '/v1/operators/login', payload: { email, password, refreshIn: 'body' }, remoteAddress: address });
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await login(`person${i}@shop.example`, 'Winter2026!', '192.0.2.10')).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 429, 429], 'each e-mail tried once, the address is throttled');
      assert.equal((await login('owner@shop.example', 'correct horse battery', '192.0.2.10')).statusCode, 429, 'even the right password waits');
      assert.equal((await login('owner@shop.example', 'correct horse battery', '192.0.2.11')).statusCode, 200, 'another address logs in');
    } finally {
      await t.close();
    }
  });

  test('failed authentications are counted across instances (server mode)', { skip: skipWithoutServer }, async () => {
    const first = await startTestSystem({ backend: 'postgres', redis: true, env: { CONCIERGE_AUTH_FAILURES_PER_MINUTE: '4' } });
    const second = await startTestSystem({ shareWith: first, redis: true, env: { CONCIERGE_AUTH_FAILURES_PER_MINUTE: '4' } });
    try {
      const s = await createStore(first);
      const guess = (instance: TestSystem, i: number) =>
        instance.app.inject({
          method: 'GET',
          url: `/v1/stores/${s.storeId}/settings`,
          headers: bearer(`sk_${'0'.repeat(8)}_${String(i).padStart(24, 'y')}`),
          remoteAddress: '192.0.2.99',
        });
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await guess(i % 2 === 0 ? first : second, i)).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429]);
    } finally {
      await second.app.close();
      await second.system.close();
      await first.close();
    }
  });
});
