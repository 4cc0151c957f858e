import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutServer } from './support/databases';
import { bearer, createStore, startTestSystem } from './support/system';

describe('rate limiting', () => {
  test('per store and endpoint, answered with 429 and Retry-After (embedded)', async () => {
    const t = await startTestSystem({ env: { CONCIERGE_RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const s = await createStore(t);
      const other = await createStore(t, 'Other');
      const read = (store: typeof s) => t.app.inject({ method: 'GET', url: `/v1/stores/${store.storeId}/settings`, headers: bearer(store.apiKey) });
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await read(s)).statusCode);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      const limited = await read(s);
      assert.equal(limited.json().error.code, 'rate_limited');
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal((await read(other)).statusCode, 200, 'another store has its own budget');
      const keys = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/api-keys`, headers: bearer(s.apiKey) });
      assert.equal(keys.statusCode, 200, 'another endpoint has its own budget');
    } finally {
      await t.close();
    }
  });

  test('shared across two instances through Redis', { skip: skipWithoutServer }, async () => {
    const first = await startTestSystem({ backend: 'postgres', redis: true, env: { CONCIERGE_RATE_LIMIT_PER_MINUTE: '6' } });
    const second = await startTestSystem({ shareWith: first, redis: true, env: { CONCIERGE_RATE_LIMIT_PER_MINUTE: '6' } });
    try {
      const s = await createStore(first);
      const read = (instance: typeof first) => instance.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(s.apiKey) });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await read(first)).statusCode, (await read(second)).statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
      assert.ok(Number((await read(second)).headers['retry-after']) >= 1);
    } finally {
      await second.app.close();
      await second.system.close();
      await first.close();
    }
  });

  test('a key revoked on one instance is refused on the other at once', { skip: skipWithoutServer }, async () => {
    const first = await startTestSystem({ backend: 'postgres', redis: true });
    const second = await startTestSystem({ shareWith: first, redis: true });
    try {
      const s = await createStore(first);
      const issued = await first.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/api-keys`, headers: bearer(s.apiKey), payload: { name: 'temp' } });
      const { key, secret } = issued.json() as { key: { id: string }; secret: string };
      const readOnSecond = () => second.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: bearer(secret) });
      assert.equal((await readOnSecond()).statusCode, 200);
      await first.app.inject({ method: 'DELETE', url: `/v1/stores/${s.storeId}/api-keys/${key.id}`, headers: bearer(s.apiKey) });
      assert.equal((await readOnSecond()).statusCode, 401);
    } finally {
      await second.app.close();
      await second.system.close();
      await first.close();
    }
  });
});
