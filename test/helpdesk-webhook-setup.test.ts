import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { startFakeGorgias, type FakeGorgias, type GorgiasAccount } from './support/fakes/gorgias-server';
import { startFakeZendesk, type FakeZendesk, type ZendeskAccount } from './support/fakes/zendesk-server';
import { recordSent } from './support/log-capture';
import { startTestSystem, type TestSystem } from './support/system';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

// Issue 19: connecting Zendesk makes its webhook and trigger through Zendesk's API (docs/adr/0041); Zendesk then
// calls the gateway, signed with the secret it revealed, and the agent answers. The gateway listens on a real port.
describe('Zendesk: the webhook and trigger are made on connect, found again on reconnect, removed on disconnect', () => {
  let t: TestSystem;
  let zd: FakeZendesk;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let initech: ZendeskAccount;
  let publicUrl: string;

  before(async () => {
    zd = await startFakeZendesk();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    t = await startTestSystem({ env: { ZENDESK_API_BASE: zd.baseUrl, CONCIERGE_PUBLIC_URL: publicUrl } });
    await t.app.listen({ port, host: '127.0.0.1' });
    s = await demoStore(t);
    initech = zd.account('initech');
    initech.agent.role = 'admin'; // Zendesk lets admins manage webhooks and triggers
    recordSent('secret', initech.apiToken);
    await t.system.startBackground();
  });
  after(async () => {
    await t?.close();
    await zd?.close();
  });

  const endpoint = () => `${publicUrl}/webhooks/zendesk/${s.storeId}`;
  const connect = async (zendesk: unknown) => {
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { zendesk } } });
    assert.equal(response.statusCode, 200, response.body);
  };
  const credentials = { subdomain: 'initech', email: 'concierge@initech.example', apiToken: '' };
  const hooksDone = () =>
    eventually(
      async () => {
        const [row] = await t.system.database.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'helpdesk.hooks' AND status <> 'done'");
        return row!.n === 0 || undefined;
      },
      15_000,
    );
  const storedSecret = async () => (await t.system.stores.channelCredentials<{ webhookSecret?: string }>(s.storeId, 'zendesk'))?.webhookSecret;

  test('connect: one webhook to this store\'s URL, one trigger calling it, and the revealed secret kept (sealed) in the store\'s credentials', async () => {
    await connect({ ...credentials, apiToken: initech.apiToken });
    const webhook = await eventually(async () => [...initech.webhooks.values()][0], 15_000);
    assert.ok(webhook, 'a webhook was created');
    assert.deepEqual({ endpoint: webhook.endpoint, method: webhook.http_method, format: webhook.request_format, status: webhook.status, subscriptions: webhook.subscriptions }, {
      endpoint: endpoint(),
      method: 'POST',
      format: 'json',
      status: 'active',
      subscriptions: ['conditional_ticket_events'],
    });
    recordSent('secret', webhook.secret);
    const trigger = await eventually(async () => [...initech.triggers.values()][0], 15_000);
    assert.deepEqual(trigger?.actions[0]?.value, [webhook.id, JSON.stringify({ ticket_id: '{{ticket.id}}', comment_id: '{{ticket.latest_comment.id}}', updated_at: '{{ticket.updated_at_with_timestamp}}' })]);
    assert.ok(await eventually(async () => ((await storedSecret()) === webhook.secret ? true : undefined), 15_000), 'the signing secret is the one the gateway checks');
    const settings = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers });
    assert.ok(!settings.body.includes(webhook.secret), 'and it is never returned');
    const [raw] = await t.system.database.query<{ api_credentials: unknown }>('SELECT api_credentials FROM stores WHERE id = $1', [s.storeId]);
    assert.ok(!JSON.stringify(raw).includes(webhook.secret), 'sealed at rest');
    await hooksDone();
  });

  test('Zendesk then calls the gateway through its trigger, signed with that secret, and the agent answers the ticket', async () => {
    const ticket = zd.newTicket('initech', { email: 'peter@shopper.example', name: 'Peter' }, 'Returns', 'how long do I have to return a jacket?');
    const sent = await zd.fire('initech', ticket);
    assert.deepEqual(sent, [{ endpoint: endpoint(), status: 200 }]);
    const reply = await eventually(async () => ticket.comments.find((c) => c.author_id === initech.agent.id), 15_000);
    assert.ok(reply, 'answered on the ticket');
  });

  test('reconnect (the same account again, even without the secret): nothing is made twice and the secret comes back', async () => {
    const secret = [...initech.webhooks.values()][0]!.secret;
    await connect({ ...credentials, apiToken: initech.apiToken, mode: 'reply' });
    await hooksDone();
    assert.ok(await eventually(async () => ((await storedSecret()) === secret ? true : undefined), 15_000));
    await hooksDone();
    assert.equal(initech.webhooks.size, 1, 'one webhook');
    assert.equal(initech.triggers.size, 1, 'one trigger');
    const posts = zd.requests.filter((r) => r.method === 'POST' && /\/api\/v2\/(webhooks|triggers\.json)$/.test(r.path));
    assert.equal(posts.length, 2, 'created once each, ever');
  });

  test('disconnect removes the trigger, then the webhook, with the credentials that were', async () => {
    await connect(null);
    assert.ok(await eventually(async () => (initech.webhooks.size === 0 && initech.triggers.size === 0 ? true : undefined), 15_000), 'both removed');
    const deletes = zd.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/')[3]);
    assert.deepEqual(deletes, ['triggers', 'webhooks'], 'the trigger first: Zendesk refuses to delete a webhook in use');
    assert.equal(await t.system.stores.channelCredentials(s.storeId, 'zendesk'), undefined);
  });

  test('an agent user without admin rights: nothing is made, the job ends (no retry loop) and the manual steps stand', async () => {
    const hooli = zd.account('hooli');
    recordSent('secret', hooli.apiToken);
    const before = zd.requests.length;
    await connect({ subdomain: 'hooli', email: hooli.agent.email, apiToken: hooli.apiToken, webhookSecret: 'hooli-manual-secret-0001' });
    await hooksDone();
    const calls = zd.requests.slice(before).filter((r) => r.account === 'hooli');
    assert.deepEqual(calls.map((r) => r.status), [403], 'one refused call, no retry');
    assert.equal(hooli.webhooks.size, 0);
    assert.equal(await storedSecret(), 'hooli-manual-secret-0001', 'the secret the store set by hand is kept');
  });
});

// Gorgias has no signature: its HTTP integration carries a shared secret in a header. Connecting makes the integration
// through Gorgias' API with a secret generated for the store (or the one it gave), kept sealed; disconnecting removes it.
describe('Gorgias: the HTTP integration is made on connect, found again on reconnect, removed on disconnect', () => {
  let t: TestSystem;
  let gg: FakeGorgias;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let acme: GorgiasAccount;
  let publicUrl: string;

  before(async () => {
    gg = await startFakeGorgias();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    t = await startTestSystem({ env: { GORGIAS_API_BASE: gg.baseUrl, CONCIERGE_PUBLIC_URL: publicUrl } });
    await t.app.listen({ port, host: '127.0.0.1' });
    s = await demoStore(t);
    acme = gg.account('acme');
    recordSent('secret', acme.apiKey);
    await t.system.startBackground();
  });
  after(async () => {
    await t?.close();
    await gg?.close();
  });

  const connect = async (gorgias: unknown) => {
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { gorgias } } });
    assert.equal(response.statusCode, 200, response.body);
  };
  const storedSecret = async () => (await t.system.stores.channelCredentials<{ webhookSecret?: string }>(s.storeId, 'gorgias'))?.webhookSecret;
  const idle = () =>
    eventually(async () => ((await t.system.database.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'helpdesk.hooks' AND status <> 'done'"))[0]!.n === 0 ? true : undefined), 15_000);

  test('connect without a secret: one integration to this store\'s URL with a generated secret header, the secret kept sealed; Gorgias then reaches the agent', async () => {
    await connect({ domain: 'acme', email: acme.agent.email, apiKey: acme.apiKey });
    const made = await eventually(async () => [...acme.integrations.values()][0], 15_000);
    assert.ok(made, 'an HTTP integration');
    assert.equal(made.http.url, `${publicUrl}/webhooks/gorgias/${s.storeId}`);
    assert.deepEqual(made.http.triggers, { 'ticket-created': true, 'ticket-updated': true, 'ticket-message-created': true });
    const secret = made.http.headers['X-Concierge-Webhook-Secret']!;
    recordSent('secret', secret);
    assert.ok(secret.length >= 32, 'a generated secret');
    assert.ok(await eventually(async () => ((await storedSecret()) === secret ? true : undefined), 15_000), 'kept as the store\'s secret');
    await idle();

    const ticket = gg.newTicket('acme', { email: 'gina@shopper.example', name: 'Gina' }, 'Shipping', 'do you ship to canada?');
    assert.deepEqual(await gg.fire('acme', ticket, 'ticket-created'), [{ url: made.http.url, status: 200 }]);
    assert.ok(await eventually(async () => ticket.messages.find((m) => m.from_agent), 15_000), 'answered on the ticket');
  });

  test('reconnect keeps one integration; a secret the store sets is written into its header; disconnect removes it', async () => {
    const chosen = 'store-chosen-secret-4d1f9a2b7c';
    recordSent('secret', chosen);
    await connect({ domain: 'acme', email: acme.agent.email, apiKey: acme.apiKey, webhookSecret: chosen });
    await idle();
    assert.equal(acme.integrations.size, 1, 'found again, not duplicated');
    assert.equal([...acme.integrations.values()][0]!.http.headers['X-Concierge-Webhook-Secret'], chosen, 'the header follows the store\'s secret');
    assert.equal(await storedSecret(), chosen);
    assert.equal(gg.requests.filter((r) => r.method === 'POST' && r.path === '/api/integrations').length, 1, 'created once, ever');

    await connect(null);
    assert.ok(await eventually(async () => (acme.integrations.size === 0 ? true : undefined), 15_000), 'removed with the credentials that were');
  });
});
