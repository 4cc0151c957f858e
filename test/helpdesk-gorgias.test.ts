import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { startFakeGorgias, type FakeGorgias, type GorgiasAccount, type GorgiasTicket } from './support/fakes/gorgias-server';
import { recordSent } from './support/log-capture';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

// Gorgias end to end: HTTP-integration webhooks with a shared secret into the gateway, the job
// queue, the agent, and messages back to a local server speaking Gorgias' REST API.
describe('the Gorgias channel', () => {
  let t: TestSystem;
  let gg: FakeGorgias;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let acme: GorgiasAccount;
  const secret = 'gorgias-shared-secret-acme-1b7e93';

  const credentials = (extra: Record<string, unknown> = {}) => ({ domain: 'acme', email: acme.agent.email, apiKey: acme.apiKey, webhookSecret: secret, handoffTeamId: 12, ...extra });

  before(async () => {
    gg = await startFakeGorgias();
    t = await startTestSystem({ env: { GORGIAS_API_BASE: gg.baseUrl } });
    s = await demoStore(t);
    acme = gg.account('acme');
    recordSent('secret', acme.apiKey);
    recordSent('secret', secret);
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { gorgias: credentials() } } });
    assert.equal(patched.statusCode, 200, patched.body);
    await t.system.startBackground();
  });
  after(async () => {
    await t.close();
    await gg.close();
  });

  const payloadOf = (ticket: GorgiasTicket) => JSON.stringify({ ticket_id: ticket.id, message_id: ticket.messages.at(-1)!.id, updated_datetime: `${ticket.messages.length}:${ticket.tags.map((tag) => tag.name).join(',')}` });
  const deliver = (storeId: string, ticket: GorgiasTicket, headerSecret: string | null = secret) =>
    t.app.inject({ method: 'POST', url: `/webhooks/gorgias/${storeId}`, headers: { 'content-type': 'application/json', ...(headerSecret ? { 'x-concierge-webhook-secret': headerSecret } : {}) }, payload: payloadOf(ticket) });
  const ours = (ticket: GorgiasTicket, channel?: string) => ticket.messages.filter((m) => m.from_agent && m.sender.email === acme.agent.email && (channel === undefined || m.channel === channel));
  const conversation = async (ticket: GorgiasTicket) => {
    const [row] = await t.system.database.query<{ conversation_id: string }>("SELECT conversation_id FROM helpdesk_tickets WHERE provider = 'gorgias' AND ticket_id = $1", [String(ticket.id)]);
    return (await t.app.inject({ method: 'GET', url: `/v1/conversations/${row?.conversation_id}`, headers: s.headers })).json();
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200));

  test('the connection test lists a ticket with the key; a wrong key is reported', async () => {
    const ok = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/integrations/gorgias/test`, headers: s.headers });
    assert.deepEqual(ok.json(), { provider: 'gorgias', ok: true, message: 'Gorgias accepted the API key' });
    const other = await createStore(t, 'Wrong key');
    await t.app.inject({ method: 'PATCH', url: `/v1/stores/${other.storeId}/settings`, headers: bearer(other.apiKey), payload: { channels: { gorgias: credentials({ apiKey: 'nope' }) } } });
    const refused = await t.app.inject({ method: 'POST', url: `/v1/stores/${other.storeId}/integrations/gorgias/test`, headers: bearer(other.apiKey) });
    assert.equal(refused.json().ok, false);
    assert.match(refused.json().message, /HTTP 401/);
  });

  test('the shared secret is checked in constant time before anything is read; a store\'s secret does not open another store', async () => {
    const ticket = gg.newTicket('acme', { email: 'x@shopper.example', name: 'X' }, 'hi', 'hello');
    assert.equal((await deliver(s.storeId, ticket, null)).statusCode, 401);
    assert.equal((await deliver(s.storeId, ticket, 'wrong-secret-of-same-size-1b7e9')).statusCode, 401);
    const other = await createStore(t, 'Other');
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${other.storeId}/settings`, headers: bearer(other.apiKey), payload: { channels: { gorgias: credentials({ webhookSecret: 'the-other-stores-secret-000' }) } } });
    assert.equal(patched.statusCode, 200, patched.body);
    const crossed = await deliver(other.storeId, ticket);
    assert.equal(crossed.statusCode, 401, 'the first store\'s secret does not open the other');
    const ok = await deliver(s.storeId, ticket);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await deliver(s.storeId, ticket)).json().duplicate, true);
  });

  test('a new ticket is answered once on its own channel, to the customer, from the address they wrote to, through a 429 with Retry-after', async () => {
    const ticket = gg.newTicket('acme', { email: 'gina@shopper.example', name: 'Gina' }, 'Returns', 'how long do I have to return an item?');
    gg.faults.push({ method: 'POST', path: `/api/tickets/${ticket.id}/messages`, status: 429, retryAfter: '1' });
    await deliver(s.storeId, ticket);
    const reply = await eventually(async () => ours(ticket, 'email')[0], 20_000);
    assert.ok(reply, 'a reply on the ticket');
    assert.equal(reply.from_agent, true);
    assert.equal(reply.via, 'api');
    assert.deepEqual(reply.receiver, { id: ticket.customer.id, email: 'gina@shopper.example' });
    assert.deepEqual(reply.source, { type: 'email', from: { address: 'support@acme.example' }, to: [{ address: 'gina@shopper.example' }] });
    assert.match(reply.external_id ?? '', /^reply:/);
    await settle();
    assert.equal(ours(ticket).length, 1, 'posted once');
    const posts = gg.requests.filter((r) => r.method === 'POST' && r.path === `/api/tickets/${ticket.id}/messages`);
    assert.deepEqual(posts.map((r) => r.status), [429, 201]);
    assert.ok(posts[1]!.at - posts[0]!.at >= 950, 'waited for Retry-after');
  });

  test('a person\'s reply in Gorgias takes over; internal notes are not; the hand-back tag gives it back', async () => {
    const ticket = gg.newTicket('acme', { email: 'hal@shopper.example', name: 'Hal' }, 'Shipping', 'do you ship to canada?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ours(ticket)[0], 15_000));
    const person = { id: 99, email: 'sam@acme.example', name: 'Sam' };
    gg.message('acme', ticket.id, { party: person, agent: true }, 'note to self: VIP', 'internal-note');
    await deliver(s.storeId, ticket);
    await settle();
    assert.equal((await conversation(ticket)).status, 'open', 'a note is not a takeover');
    gg.message('acme', ticket.id, { party: person, agent: true }, 'Hi Hal, Sam here: yes we do.');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ((await conversation(ticket)).status === 'handed_off' ? true : undefined), 15_000));
    gg.message('acme', ticket.id, { party: ticket.customer, agent: false }, 'thanks! how much is it?');
    await deliver(s.storeId, ticket);
    await eventually(async () => ((await conversation(ticket)).messages.length === 4 ? true : undefined), 15_000);
    await settle();
    assert.equal(ours(ticket).length, 1, 'quiet while the person has it');
    ticket.tags.push({ name: 'concierge_resume' });
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ((await conversation(ticket)).status === 'open' ? true : undefined), 15_000));
    assert.deepEqual(ticket.tags, []);
  });

  test('a ticket past Gorgias\' first page of messages (30) is read whole: the newest message is answered', async () => {
    const ticket = gg.newTicket('acme', { email: 'lou@shopper.example', name: 'Lou' }, 'Order', 'hello, a question about my order');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ours(ticket)[0], 15_000));
    const person = { id: 98, email: 'kim@acme.example', name: 'Kim' };
    for (let i = 0; i < 70; i += 1) gg.message('acme', ticket.id, { party: person, agent: true }, `checked the warehouse, note ${i}`, 'internal-note');
    gg.message('acme', ticket.id, { party: ticket.customer, agent: false }, 'and how long do I have to return a jacket?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ours(ticket, 'email')[1], 15_000), 'the message on the third page was answered');
    const c = await conversation(ticket);
    assert.match(c.messages.at(-2).content, /how long do I have to return a jacket/);
    await settle();
    assert.equal(ours(ticket, 'email').length, 2, 'once');
  });

  test('a handoff is an internal note with the context, the handoff tag, status open, unassigned, the store\'s team', async () => {
    const ticket = gg.newTicket('acme', { email: 'ann@shopper.example', name: 'Ann' }, 'Complaint', 'let me talk to a real person, this is ridiculous');
    await deliver(s.storeId, ticket);
    const note = await eventually(async () => ours(ticket, 'internal-note')[0], 15_000);
    assert.ok(note);
    assert.match(note.body_text, /Reason: \S+[\s\S]*Intent: \S+[\s\S]*What was done:/);
    for (const value of [acme.apiKey, secret, t.encryptionKey]) assert.ok(!note.body_text.includes(value));
    await eventually(async () => (ticket.tags.length ? true : undefined), 5_000);
    assert.deepEqual({ tags: ticket.tags, status: ticket.status, user: ticket.assignee_user, team: ticket.assignee_team }, { tags: [{ name: 'concierge_handoff' }], status: 'open', user: null, team: { id: 12 } });
    assert.equal(ours(ticket, 'email').length, 1, 'the shopper was told once');
  });
});
