import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutPostgres } from './support/databases';
import { eventually } from './support/eventually';
import { bearer, startTwoStores, type TestStore, type TestSystem } from './support/system';

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`gateway auth on ${backend}`, { skip: backend === 'postgres' ? skipWithoutPostgres : false }, () => {
    let t: TestSystem;
    let a: TestStore;
    let b: TestStore;
    before(async () => ({ t, a, b } = await startTwoStores(backend)));
    after(() => t.close());

    const settingsOf = async (storeId: string, key: string) =>
      (await t.app.inject({ method: 'GET', url: `/v1/stores/${storeId}/settings`, headers: bearer(key) })).json() as { returnWindowDays: number };
    const patch = (storeId: string, headers: Record<string, string>, payload: unknown = { returnWindowDays: 99 }) =>
      t.app.inject({ method: 'PATCH', url: `/v1/stores/${storeId}/settings`, headers, payload: payload as object });

    test('a store key reads and changes its own settings', async () => {
      const response = await patch(a.storeId, bearer(a.apiKey), { returnWindowDays: 45 });
      assert.equal(response.statusCode, 200);
      assert.equal((await settingsOf(a.storeId, a.apiKey)).returnWindowDays, 45);
    });

    test('no key → 401 and nothing changes', async () => {
      const response = await patch(b.storeId, {});
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'unauthorized');
      assert.ok(response.json().error.requestId);
      assert.equal((await settingsOf(b.storeId, b.apiKey)).returnWindowDays, 30);
    });

    test('malformed credentials → 401', async () => {
      for (const header of ['Bearer', 'Basic abc', `Bearer ${a.apiKey}x`, 'Bearer sk_nothing_here', 'Bearer eyJ.e30.sig', `Token ${a.apiKey}`]) {
        const response = await patch(b.storeId, { authorization: header });
        assert.equal(response.statusCode, 401, header);
      }
      assert.equal((await settingsOf(b.storeId, b.apiKey)).returnWindowDays, 30);
    });

    test("another store's key → 404 for that store and nothing changes", async () => {
      assert.equal((await patch(b.storeId, bearer(a.apiKey))).statusCode, 404);
      const read = await t.app.inject({ method: 'GET', url: `/v1/stores/${b.storeId}/settings`, headers: bearer(a.apiKey) });
      assert.equal(read.statusCode, 404);
      assert.equal(read.json().error.code, 'not_found');
      const keys = await t.app.inject({ method: 'GET', url: `/v1/stores/${b.storeId}/api-keys`, headers: bearer(a.apiKey) });
      assert.equal(keys.statusCode, 404);
      assert.equal((await settingsOf(b.storeId, b.apiKey)).returnWindowDays, 30);
    });

    test('wrong scope → 403 and nothing changes', async () => {
      const issued = await t.app.inject({
        method: 'POST',
        url: `/v1/stores/${b.storeId}/api-keys`,
        headers: bearer(b.apiKey),
        payload: { name: 'reader', scopes: ['conversations:read'] },
      });
      assert.equal(issued.statusCode, 201);
      const reader = issued.json().secret as string;
      const response = await patch(b.storeId, bearer(reader));
      assert.equal(response.statusCode, 403);
      assert.match(response.json().error.message, /settings:write/);
      assert.equal((await t.app.inject({ method: 'POST', url: `/v1/stores/${b.storeId}/api-keys`, headers: bearer(reader), payload: { name: 'x' } })).statusCode, 403);
      assert.equal((await settingsOf(b.storeId, b.apiKey)).returnWindowDays, 30);
    });

    test('a revoked key → 401 at once, and rotation keeps the other key working', async () => {
      const issued = await t.app.inject({ method: 'POST', url: `/v1/stores/${b.storeId}/api-keys`, headers: bearer(b.apiKey), payload: { name: 'rotating' } });
      const { key, secret } = issued.json() as { key: { id: string }; secret: string };
      assert.equal((await settingsOf(b.storeId, secret)).returnWindowDays, 30); // warms the auth cache
      const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/stores/${b.storeId}/api-keys/${key.id}`, headers: bearer(b.apiKey) });
      assert.equal(revoked.statusCode, 200);
      assert.ok(revoked.json().key.revokedAt);
      assert.equal((await patch(b.storeId, bearer(secret))).statusCode, 401);
      assert.equal((await settingsOf(b.storeId, b.apiKey)).returnWindowDays, 30);
    });

    test('keys are listed without secrets or hashes', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/api-keys`, headers: bearer(a.apiKey) });
      assert.equal(response.statusCode, 200);
      const body = response.body;
      assert.ok(!body.includes(a.apiKey.split('_').slice(2).join('_')));
      assert.ok(!body.includes('secretHash'));
      const kinds = (response.json().data as { kind: string }[]).map((k) => k.kind).sort();
      assert.deepEqual(kinds, ['publishable', 'secret']);
    });

    test('only the admin token creates stores; the admin token cannot act as a store', async () => {
      const asStore = await t.app.inject({ method: 'POST', url: '/v1/stores', headers: bearer(a.apiKey), payload: { name: 'x' } });
      assert.equal(asStore.statusCode, 403);
      const adminAsStore = await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(t.adminToken) });
      assert.equal(adminAsStore.statusCode, 403);
      const wrongAdmin = await t.app.inject({ method: 'POST', url: '/v1/stores', headers: bearer('adm_not-the-token-at-all-000000'), payload: { name: 'x' } });
      assert.equal(wrongAdmin.statusCode, 401);
    });

    test('a widget key cannot read or change settings', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/settings`, headers: { ...bearer(a.widgetKey), origin: 'https://shop.example.com' } });
      assert.equal(response.statusCode, 403);
    });

    test('a widget conversation takes messages only with its own token, and a refused one changes nothing', async () => {
      assert.equal((await patch(a.storeId, bearer(a.apiKey), { allowedOrigins: ['https://shop.example.com'] })).statusCode, 200);
      const widget = { ...bearer(a.widgetKey), origin: 'https://shop.example.com' };
      const open = async () => (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: widget, payload: { channel: 'widget' } })).json() as { id: string; accessToken: string };
      const mine = await open();
      const other = await open();
      const send = (token?: string) =>
        t.app.inject({ method: 'POST', url: `/v1/conversations/${mine.id}/messages`, headers: { ...widget, ...(token ? { 'x-conversation-token': token } : {}) }, payload: { content: 'do you ship to canada?' } });
      for (const token of [undefined, other.accessToken, `${mine.accessToken}x`]) {
        const refused = await send(token);
        assert.equal(refused.statusCode, 404, String(token));
        assert.equal(refused.json().error.code, 'not_found');
      }
      const messagesOf = async () => ((await t.app.inject({ method: 'GET', url: `/v1/conversations/${mine.id}`, headers: bearer(a.apiKey) })).json() as { messages: unknown[] }).messages.length;
      assert.equal(await messagesOf(), 0);
      const answered = await send(mine.accessToken);
      assert.equal(answered.statusCode, 200);
      assert.ok(answered.json().reply);
      assert.equal(await messagesOf(), 2);
    });

    test('a JWT from a key carries no more than the key, and works until it expires', async () => {
      const issued = await t.app.inject({ method: 'POST', url: '/v1/auth/token', headers: bearer(a.apiKey), payload: { scopes: ['conversations:read'] } });
      assert.equal(issued.statusCode, 201);
      const { token } = issued.json() as { token: string };
      assert.equal((await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(token) })).statusCode, 200);
      assert.equal((await patch(a.storeId, bearer(token))).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/v1/stores/${b.storeId}/settings`, headers: bearer(token) })).statusCode, 404);
      const tampered = `${token.slice(0, -4)}AAAA`;
      assert.equal((await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(tampered) })).statusCode, 401);
    });

    test('every mutating call leaves an audit row with actor, action, target and outcome, never a secret', async () => {
      await patch(a.storeId, bearer(a.apiKey), { refundAutoApproveLimit: 75, channels: { stripe: { secretKey: 'sk_test_supersecret' } } });
      await patch(a.storeId, bearer(b.apiKey));
      // The audit row is written once the response has gone out.
      const update = await eventually(async () => (await t.system.gatewayDeps.audit.list(a.storeId, 50)).find((row) => row.action === 'settings.update' && row.outcome === 'success'));
      const rows = await t.system.gatewayDeps.audit.list(a.storeId, 50);
      assert.ok(update);
      assert.equal(update.actorType, 'api_key');
      assert.equal(update.target, `storeId=${a.storeId}`);
      assert.equal(update.status, 200);
      assert.ok(rows.some((row) => row.action === 'store.create'));
      const denied = await eventually(async () => (await t.system.gatewayDeps.audit.list(b.storeId, 50)).find((row) => row.outcome === 'denied' && row.target === `storeId=${a.storeId}`));
      assert.ok(denied, 'the cross-store attempt is recorded against the caller');
      const dump = JSON.stringify(await t.system.database.query('SELECT * FROM audit_log'));
      assert.ok(!dump.includes('supersecret'));
      assert.ok(!dump.includes(a.apiKey));
    });

    test('channel credentials are sealed at rest and never returned', async () => {
      await patch(a.storeId, bearer(a.apiKey), { channels: { zendesk: { subdomain: 'acme', email: 'ops@example.com', apiToken: 'zd-token-123' } } });
      const read = await t.app.inject({ method: 'GET', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(a.apiKey) });
      assert.ok(!read.body.includes('zd-token-123'));
      assert.equal(read.json().channels.zendesk.configured, true);
      const [row] = await t.system.database.query<{ api_credentials: unknown }>('SELECT api_credentials FROM stores WHERE id = $1', [a.storeId]);
      assert.ok(!JSON.stringify(row).includes('zd-token-123'));
      assert.deepEqual(await t.system.stores.channelCredentials(a.storeId, 'zendesk'), { subdomain: 'acme', email: 'ops@example.com', apiToken: 'zd-token-123' });
      await patch(a.storeId, bearer(a.apiKey), { channels: { zendesk: null } });
      assert.equal(await t.system.stores.channelCredentials(a.storeId, 'zendesk'), undefined);
    });
  });
}
