import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from './support/eventually';
import { bearer, startTwoStores, type TestStore, type TestSystem } from './support/system';

describe('operators: accounts, roles, console sessions', () => {
  let t: TestSystem;
  let a: TestStore;
  let b: TestStore;
  before(async () => ({ t, a, b } = await startTwoStores('pglite')));
  after(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });
  const addOperator = async (store: TestStore, body: object, headers = bearer(store.apiKey)) => post(`/v1/stores/${store.storeId}/operators`, body, headers);
  const login = (email: string, password: string, extra: object = {}) => post('/v1/operators/login', { email, password, ...extra });
  const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0]!;

  before(async () => {
    assert.equal((await addOperator(a, { email: 'owner@a.example', name: 'Olive Owner', role: 'owner', password: 'correct horse battery' })).statusCode, 201);
    assert.equal((await addOperator(a, { email: 'agent@a.example', name: 'Abe Agent', role: 'agent', password: 'agent password 1' })).statusCode, 201);
  });

  test('logs in with e-mail and password: a short-lived JWT for the API and an HttpOnly refresh cookie', async () => {
    const response = await login('Owner@A.example', 'correct horse battery');
    assert.equal(response.statusCode, 200, response.body);
    const session = response.json();
    assert.equal(session.operator.role, 'owner');
    assert.equal(session.store.id, a.storeId);
    assert.equal(session.refreshToken, undefined, 'the refresh token stays out of page scripts');
    assert.match(String(response.headers['set-cookie']), /^concierge_refresh=ort_[^;]+; Path=\/v1\/operators; HttpOnly; SameSite=Strict/);
    assert.ok(new Date(session.expiresAt).getTime() - Date.now() <= 15 * 60_000);
    const me = await t.app.inject({ url: '/v1/operators/me', headers: bearer(session.accessToken) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().operator.email, 'owner@a.example');
    const settings = await t.app.inject({ url: `/v1/stores/${a.storeId}/settings`, headers: bearer(session.accessToken) });
    assert.equal(settings.statusCode, 200);
  });

  test('a wrong password and an unknown e-mail get the same 401; passwords are stored as scrypt hashes', async () => {
    const wrong = await login('owner@a.example', 'not the password');
    const unknown = await login('nobody@a.example', 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.message, unknown.json().error.message);
    const rows = await t.system.database.query<{ password_hash: string }>("SELECT password_hash FROM operators WHERE email = 'owner@a.example'");
    assert.match(rows[0]!.password_hash, /^scrypt\$32768\$8\$1\$/);
    assert.doesNotMatch(JSON.stringify(rows), /correct horse/);
  });

  test('an agent works conversations but cannot change settings, keys or operators (403, nothing changes)', async () => {
    const { accessToken } = (await login('agent@a.example', 'agent password 1')).json();
    const patch = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(accessToken), payload: { refundAutoApproveLimit: 9999 } });
    assert.equal(patch.statusCode, 403);
    assert.match(patch.json().error.message, /agent role/);
    assert.equal((await t.system.stores.settings(a.storeId)).refundAutoApproveLimit, 50);
    assert.equal((await t.app.inject({ url: `/v1/stores/${a.storeId}/api-keys`, headers: bearer(accessToken) })).statusCode, 403);
    assert.equal((await addOperator(a, { email: 'x@a.example', name: 'X', role: 'agent' }, bearer(accessToken))).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/v1/conversations', headers: bearer(accessToken) })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/v1/actions?status=pending', headers: bearer(accessToken) })).statusCode, 200);
  });

  test("an operator session reaches only its own store", async () => {
    const { accessToken } = (await login('owner@a.example', 'correct horse battery')).json();
    assert.equal((await t.app.inject({ url: `/v1/stores/${b.storeId}/settings`, headers: bearer(accessToken) })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/v1/stores/${b.storeId}/settings`, headers: bearer(accessToken), payload: { returnWindowDays: 1 } })).statusCode, 404);
    assert.equal((await t.system.stores.settings(b.storeId)).returnWindowDays, 30);
  });

  test('an invitation link lets the person choose a password once; it never works twice', async () => {
    const created = await addOperator(a, { email: 'new@a.example', name: 'Nia New', role: 'agent' });
    assert.equal(created.statusCode, 201);
    const { operator, inviteUrl } = created.json();
    assert.equal(operator.active, false);
    const token = /#\/invite\/(inv_[A-Za-z0-9_-]+)$/.exec(inviteUrl)?.[1];
    assert.ok(token, inviteUrl);
    assert.equal((await login('new@a.example', 'whatever password')).statusCode, 401, 'no password yet');
    assert.equal((await post('/v1/operators/invitations/accept', { token, password: 'short' })).statusCode, 400);
    const accepted = await post('/v1/operators/invitations/accept', { token, password: 'my new password' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().operator.active, true);
    assert.equal((await post('/v1/operators/invitations/accept', { token, password: 'another password' })).statusCode, 404);
    assert.equal((await login('new@a.example', 'my new password')).statusCode, 200);
  });

  test('refresh rotates the token; an old one presented again ends the session', async () => {
    const first = await login('owner@a.example', 'correct horse battery');
    const cookie1 = cookieOf(first);
    const refreshed = await post('/v1/operators/refresh', {}, { cookie: cookie1 });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    const cookie2 = cookieOf(refreshed);
    assert.notEqual(cookie1, cookie2);
    const token = refreshed.json().accessToken;
    assert.equal((await t.app.inject({ url: '/v1/operators/me', headers: bearer(token) })).statusCode, 200);
    // The first cookie again: a thief or a replay. The whole session ends.
    assert.equal((await post('/v1/operators/refresh', {}, { cookie: cookie1 })).statusCode, 401);
    assert.equal((await post('/v1/operators/refresh', {}, { cookie: cookie2 })).statusCode, 401);
    assert.equal((await t.app.inject({ url: '/v1/operators/me', headers: bearer(token) })).statusCode, 401);
  });

  test('logout ends the session at once: its access token and refresh cookie stop working', async () => {
    const session = await login('owner@a.example', 'correct horse battery');
    const { accessToken } = session.json();
    const out = await post('/v1/operators/logout', {}, bearer(accessToken));
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/);
    assert.equal((await t.app.inject({ url: '/v1/operators/me', headers: bearer(accessToken) })).statusCode, 401);
    assert.equal((await post('/v1/operators/refresh', {}, { cookie: cookieOf(session) })).statusCode, 401);
  });

  test('roles: an admin cannot add an owner; the last owner cannot be removed; a role change ends the sessions', async () => {
    await addOperator(a, { email: 'admin@a.example', name: 'Ada Admin', role: 'admin', password: 'admin password 1' });
    const admin = (await login('admin@a.example', 'admin password 1')).json();
    assert.equal((await addOperator(a, { email: 'o2@a.example', name: 'O2', role: 'owner', password: 'owner password 2' }, bearer(admin.accessToken))).statusCode, 403);
    const owner = (await t.app.inject({ url: `/v1/stores/${a.storeId}/operators`, headers: bearer(admin.accessToken) })).json().data.find((o: { role: string }) => o.role === 'owner');
    const removeOwner = await t.app.inject({ method: 'DELETE', url: `/v1/stores/${a.storeId}/operators/${owner.id}`, headers: bearer(a.apiKey) });
    assert.equal(removeOwner.statusCode, 409);
    const demote = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${a.storeId}/operators/${admin.operator.id}`, headers: bearer(a.apiKey), payload: { role: 'agent' } });
    assert.equal(demote.statusCode, 200);
    assert.equal((await t.app.inject({ url: '/v1/operators/me', headers: bearer(admin.accessToken) })).statusCode, 401);
  });

  test('an API key token and an operator session are distinct: a key cannot pose as an operator', async () => {
    const keyToken = (await post('/v1/auth/token', {}, bearer(a.apiKey))).json().token;
    assert.equal((await t.app.inject({ url: '/v1/operators/me', headers: bearer(keyToken) })).statusCode, 403);
    const op = (await login('owner@a.example', 'correct horse battery')).json();
    assert.equal((await post('/v1/auth/token', {}, bearer(op.accessToken))).statusCode, 403, 'a session cannot mint service tokens');
  });

  test('operator actions are in the audit log under the operator', async () => {
    const op = (await login('owner@a.example', 'correct horse battery')).json();
    await t.app.inject({ method: 'PATCH', url: `/v1/stores/${a.storeId}/settings`, headers: bearer(op.accessToken), payload: { returnWindowDays: 31 } });
    const row = await eventually(async () => (await t.system.gatewayDeps.audit.list(a.storeId, 100)).find((r) => r.action === 'settings.update' && r.actorType === 'operator'));
    assert.equal(row?.actorId, `operator:${op.operator.id}`);
    const logins = await eventually(async () => (await t.system.gatewayDeps.audit.list(a.storeId, 100)).find((r) => r.action === 'operator.login' && r.outcome === 'success'));
    assert.ok(logins);
  });

  test('bad input: 400 with the field named, nothing created', async () => {
    const response = await addOperator(a, { email: 'not-an-email', name: 'Bad', role: 'boss' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /email|role/);
    assert.equal((await addOperator(a, { email: 'owner@a.example', name: 'Dup', role: 'agent', password: 'duplicate pw 1' })).statusCode, 409);
  });
});
