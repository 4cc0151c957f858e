import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { startFakeZendesk, zendeskWebhookHeaders, type FakeZendesk, type ZendeskAccount, type ZendeskTicket } from './support/fakes/zendesk-server';
import { recordSent } from './support/log-capture';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

// Zendesk end to end: signed webhooks into the gateway, the job queue, the agent, and posts back
// to a local server speaking Zendesk's REST API (PGlite, the embedded default).
describe('the Zendesk channel', () => {
  let t: TestSystem;
  let zd: FakeZendesk;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let acme: ZendeskAccount;
  const secret = 'zd-signing-secret-acme-5f0c2a9e';

  const credentials = (extra: Record<string, unknown> = {}) => ({ subdomain: 'acme', email: acme.agent.email, apiToken: acme.apiToken, webhookSecret: secret, handoffGroupId: 77, ...extra });
  const patchZendesk = async (storeId: string, headers: Record<string, string>, zendesk: unknown) => {
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${storeId}/settings`, headers, payload: { channels: { zendesk } } });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };

  before(async () => {
    zd = await startFakeZendesk();
    t = await startTestSystem({ env: { ZENDESK_API_BASE: zd.baseUrl } });
    s = await demoStore(t);
    acme = zd.account('acme');
    recordSent('secret', acme.apiToken);
    recordSent('secret', secret);
    await patchZendesk(s.storeId, s.headers, credentials());
    await t.system.startBackground();
  });
  after(async () => {
    await t.close();
    await zd.close();
  });

  const body = (ticket: ZendeskTicket) => JSON.stringify({ ticket_id: String(ticket.id), comment_id: String(ticket.comments.at(-1)!.id), updated_at: `${ticket.comments.length}:${ticket.tags.join(',')}` });
  const deliver = (storeId: string, ticket: ZendeskTicket, signingSecret = secret, payload = body(ticket)) =>
    t.app.inject({ method: 'POST', url: `/webhooks/zendesk/${storeId}`, headers: zendeskWebhookHeaders(signingSecret, payload), payload });
  const byAgent = (ticket: ZendeskTicket, isPublic?: boolean) => ticket.comments.filter((c) => c.author_id === acme.agent.id && (isPublic === undefined || c.public === isPublic));
  const outcome = (ticket: ZendeskTicket, commentId: number) =>
    eventually(async () => (await t.system.database.query<{ outcome: string }>('SELECT outcome FROM helpdesk_comments WHERE ticket_id = $1 AND comment_id = $2', [String(ticket.id), String(commentId)]))[0]?.outcome, 15_000);
  const conversationOf = async (ticket: ZendeskTicket) =>
    (await t.system.database.query<{ conversation_id: string }>("SELECT conversation_id FROM helpdesk_tickets WHERE provider = 'zendesk' AND ticket_id = $1", [String(ticket.id)]))[0]?.conversation_id;
  const conversation = async (ticket: ZendeskTicket) => (await t.app.inject({ method: 'GET', url: `/v1/conversations/${await conversationOf(ticket)}`, headers: s.headers })).json();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200));

  test('the connection test reads who the credentials act as; the credentials are write-only', async () => {
    const ok = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/integrations/zendesk/test`, headers: s.headers });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().ok, true, ok.body);
    assert.match(ok.json().message, new RegExp(`agent user ${acme.agent.id}`));
    const settings = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers });
    assert.equal(settings.json().channels.zendesk.configured, true);
    assert.ok(!settings.body.includes(acme.apiToken) && !settings.body.includes(secret), 'no credential is returned');

    await patchZendesk(s.storeId, s.headers, credentials({ apiToken: 'wrong-token' }));
    const refused = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/integrations/zendesk/test`, headers: s.headers });
    assert.equal(refused.json().ok, false);
    assert.match(refused.json().message, /refused the stored credentials \(HTTP 401\)/);
    await patchZendesk(s.storeId, s.headers, credentials());

    const bad = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { zendesk: { subdomain: 'evil.example/#', email: acme.agent.email, apiToken: 'x' } } } });
    assert.equal(bad.statusCode, 400, 'a subdomain is a DNS label, never a host of the caller\'s choosing');
    const none = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { zendesk: { subdomain: 'acme' } } } });
    assert.equal(none.statusCode, 400, 'neither a token nor an OAuth token');
  });

  test('webhooks: a missing, wrong, stale or tampered signature is refused with nothing queued; a valid one is accepted', async () => {
    const ticket = zd.newTicket('acme', { email: 'nobody@shopper.example', name: 'No Body' }, 'hello', 'hello there');
    const jobs = async () => Number((await t.system.database.query<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE kind = 'helpdesk.sync' AND store_id = $1", [s.storeId]))[0]!.n);
    const before = await jobs();
    const payload = body(ticket);
    const unsigned = await t.app.inject({ method: 'POST', url: `/webhooks/zendesk/${s.storeId}`, headers: { 'content-type': 'application/json' }, payload });
    assert.equal(unsigned.statusCode, 401);
    assert.equal(unsigned.json().error.code, 'unauthorized');
    assert.equal((await deliver(s.storeId, ticket, 'another-secret')).statusCode, 401);
    const stale = zendeskWebhookHeaders(secret, payload, new Date(Date.now() - 3_600_000).toISOString());
    assert.equal((await t.app.inject({ method: 'POST', url: `/webhooks/zendesk/${s.storeId}`, headers: stale, payload })).statusCode, 401);
    const tampered = await t.app.inject({ method: 'POST', url: `/webhooks/zendesk/${s.storeId}`, headers: zendeskWebhookHeaders(secret, payload), payload: payload.replace(String(ticket.id), '1') });
    assert.equal(tampered.statusCode, 401);
    assert.equal(await jobs(), before, 'nothing was queued for a refused delivery');
    const notJson = 'not json';
    assert.equal((await t.app.inject({ method: 'POST', url: `/webhooks/zendesk/${s.storeId}`, headers: zendeskWebhookHeaders(secret, notJson), payload: notJson })).statusCode, 400);

    const accepted = await deliver(s.storeId, ticket);
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(accepted.json(), { received: true, ticketId: String(ticket.id), duplicate: false });
    assert.equal(await jobs(), before + 1);
  });

  test('a new ticket is answered once as a public comment by the configured agent; the requester e-mail is a claim; a repeated delivery is a duplicate', async () => {
    const order = s.demo.index.in_transit[0]!;
    const owner = s.demo.owners[order]!;
    const ticket = zd.newTicket('acme', { email: owner.email, name: 'Jane Shopper' }, 'Where is my order?', `Hi, where is my order ${order}?`);
    const first = await deliver(s.storeId, ticket);
    const again = await deliver(s.storeId, ticket);
    assert.equal(first.json().duplicate, false);
    assert.equal(again.json().duplicate, true, 'the same delivery again is recognised');
    const reply = await eventually(async () => byAgent(ticket)[0], 15_000);
    assert.ok(reply, 'the agent replied on the ticket');
    assert.equal(reply.public, true);
    assert.match(reply.body, /e-mail address or the postal code/, 'the requester e-mail is not proof of owning the order');
    assert.doesNotMatch(reply.body, /Tracking number/);
    await settle();
    assert.equal(byAgent(ticket).length, 1, 'answered once');
    const c = await conversation(ticket);
    assert.equal(c.channel, 'zendesk');
    assert.deepEqual(c.messages.map((m: { role: string }) => m.role), ['customer', 'assistant']);
    const put = zd.requests.find((r) => r.method === 'PUT' && r.path === `/api/v2/tickets/${ticket.id}.json`)!;
    assert.deepEqual((put.body as { ticket: { comment: unknown } }).ticket.comment, { body: reply.body, public: true, author_id: acme.agent.id });

    // The shopper proves it: the order's e-mail in the next comment; the same conversation answers with the tracking.
    zd.comment('acme', ticket.id, ticket.requester_id, owner.email);
    await deliver(s.storeId, ticket);
    const second = await eventually(async () => byAgent(ticket)[1], 15_000);
    assert.match(second?.body ?? '', /Tracking number/);
  });

  test('a burst (several comments before the agent reads the ticket) gets one answer that reads them all', async () => {
    const ticket = zd.newTicket('acme', { email: 'burst@shopper.example', name: 'Bea' }, 'Question', 'hi there');
    zd.comment('acme', ticket.id, ticket.requester_id, 'sorry, pressed enter too early');
    zd.comment('acme', ticket.id, ticket.requester_id, 'how long do I have to return a jacket?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => byAgent(ticket)[0], 15_000));
    await settle();
    assert.equal(byAgent(ticket).length, 1, 'one answer, not three');
    const c = await conversation(ticket);
    assert.deepEqual(c.messages.map((m: { role: string }) => m.role), ['customer', 'assistant']);
    assert.match(c.messages[0].content, /hi there[\s\S]*pressed enter too early[\s\S]*return a jacket/);
  });

  test('loop safety: the agent\'s own comment, an internal note and a CC\'d stranger are never answered', async () => {
    const ticket = zd.newTicket('acme', { email: 'loop@shopper.example', name: 'Lou' }, 'Return policy', 'how long do I have to return something?');
    await deliver(s.storeId, ticket);
    const own = await eventually(async () => byAgent(ticket)[0], 15_000);
    assert.ok(own);
    // Zendesk fires the trigger again for our own update.
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, own.id), 'own');
    const sam = zd.addUser('acme', 'agent', 'sam@acme.example', 'Sam');
    const note = zd.comment('acme', ticket.id, sam.id, 'internal: VIP shopper, be nice', false);
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, note.id), 'internal');
    const stranger = zd.addUser('acme', 'end-user', 'cc@else.example', 'CC');
    const cc = zd.comment('acme', ticket.id, stranger.id, 'where is my order 1001?');
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, cc.id), 'other');
    await settle();
    assert.equal(byAgent(ticket).length, 1, 'nothing more was posted');
    const c = await conversation(ticket);
    assert.equal(c.status, 'open', 'an internal note is not a takeover');
    assert.equal(c.messages.length, 2);
  });

  test('a person replying in Zendesk takes over: the agent stays quiet until the ticket is tagged back', async () => {
    const ticket = zd.newTicket('acme', { email: 'quiet@shopper.example', name: 'Quinn' }, 'Shipping', 'do you ship to canada?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => byAgent(ticket)[0], 15_000));
    const sam = zd.addUser('acme', 'agent', 'sam@acme.example', 'Sam');
    const human = zd.comment('acme', ticket.id, sam.id, 'Hi Quinn, Sam here: yes we do, 5-7 days.');
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, human.id), 'human');
    assert.ok(await eventually(async () => ((await conversation(ticket)).status === 'handed_off' ? true : undefined), 15_000), 'taken over');
    const asked = zd.comment('acme', ticket.id, ticket.requester_id, 'great, and how much is shipping?');
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, asked.id), 'answered');
    await settle();
    assert.equal(byAgent(ticket).length, 1, 'the agent said nothing while the person had the ticket');
    const during = await conversation(ticket);
    assert.deepEqual(during.messages.map((m: { role: string }) => m.role), ['customer', 'assistant', 'agent', 'customer'], 'the person\'s words are in the transcript, never posted back');

    // Handed back: the team adds the tag; it is removed at Zendesk and the agent answers again.
    ticket.tags.push('concierge_resume');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => ((await conversation(ticket)).status === 'open' ? true : undefined), 15_000), 'handed back');
    assert.ok(!ticket.tags.includes('concierge_resume'), 'the hand-back tag was removed');
    zd.comment('acme', ticket.id, ticket.requester_id, 'one more question: what is your return window?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => byAgent(ticket)[1], 15_000), 'answering again');
  });

  test('a ticket past Zendesk\'s first 100 comments is read whole: the newest message is answered, and a retried post is found past the first page', async () => {
    const ticket = zd.newTicket('acme', { email: 'long@shopper.example', name: 'Lena' }, 'Order question', 'hello, I have a few questions');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => byAgent(ticket)[0], 15_000));
    // A long history: the team's internal notes (no takeover), well past one page of comments.
    const sam = zd.addUser('acme', 'agent', 'sam@acme.example', 'Sam');
    for (let i = 0; i < 230; i += 1) zd.comment('acme', ticket.id, sam.id, `internal: checked the warehouse log, entry ${i}`, false);
    const asked = zd.comment('acme', ticket.id, ticket.requester_id, 'ok thanks, and how long do I have to return a jacket?');
    assert.ok(ticket.comments.indexOf(asked) >= 200, 'the question is on the third page');
    // The reply's PUT is applied and answered 500: the retry must find it (past the first page) rather than post again.
    zd.faults.push({ method: 'PUT', path: `/api/v2/tickets/${ticket.id}.json`, status: 500, afterApply: true });
    await deliver(s.storeId, ticket);
    assert.equal(await outcome(ticket, asked.id), 'answered');
    assert.ok(await eventually(async () => byAgent(ticket, true)[1], 15_000), 'the newest question was answered');
    const c = await conversation(ticket);
    assert.deepEqual(c.messages.map((m: { role: string }) => m.role), ['customer', 'assistant', 'customer', 'assistant']);
    assert.match(c.messages[2].content, /how long do I have to return a jacket/, 'the agent read the comment on the third page');
    await eventually(
      async () => (await t.system.database.query<{ status: string }>("SELECT status FROM helpdesk_posts WHERE ticket_id = $1 AND kind = 'reply' AND status = 'posted'", [String(ticket.id)])).length === 2 || undefined,
      15_000,
    );
    await settle();
    assert.equal(byAgent(ticket, true).length, 2, 'posted once');
    const reads = zd.requests.filter((r) => r.method === 'GET' && r.path.startsWith(`/api/v2/tickets/${ticket.id}/comments.json`));
    assert.ok(reads.some((r) => r.path.includes('page%5Bafter%5D') || r.path.includes('page[after]')), 'followed links.next');
    assert.ok(reads.every((r) => /page(%5B|\[)size(%5D|\])=100/.test(r.path)), 'cursor pagination, 100 a page');
  });

  test('an operator\'s answer in the console is posted on the ticket as the agent user, once', async () => {
    const ticket = zd.newTicket('acme', { email: 'console@shopper.example', name: 'Cole' }, 'Gift wrap', 'do you offer gift wrapping?');
    await deliver(s.storeId, ticket);
    assert.ok(await eventually(async () => byAgent(ticket)[0], 15_000));
    const conversationId = await conversationOf(ticket);
    const human = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/handoff/reply`, headers: s.headers, payload: { content: 'Hi Cole, a person here: yes, for $5.' } });
    assert.equal(human.statusCode, 201, human.body);
    const posted = await eventually(async () => ticket.comments.find((c) => c.body === 'Hi Cole, a person here: yes, for $5.'), 15_000);
    assert.ok(posted, 'the outbox sweep posted it');
    assert.deepEqual({ author: posted.author_id, public: posted.public }, { author: acme.agent.id, public: true });
    await settle();
    assert.equal(byAgent(ticket).length, 2, 'once');
  });

  test('a reply is posted once through a 429 (Retry-After honoured) and a 500 after Zendesk had applied it', async () => {
    const ticket = zd.newTicket('acme', { email: 'retry@shopper.example', name: 'Rita' }, 'Warranty', 'what is your warranty?');
    const path = `/api/v2/tickets/${ticket.id}.json`;
    zd.faults.push({ method: 'PUT', path, status: 429, retryAfter: '1' }, { method: 'PUT', path, status: 500, afterApply: true });
    await deliver(s.storeId, ticket);
    const posted = await eventually(
      async () => (await t.system.database.query<{ status: string }>("SELECT status FROM helpdesk_posts WHERE ticket_id = $1 AND kind = 'reply' AND status = 'posted'", [String(ticket.id)]))[0],
      20_000,
    );
    assert.ok(posted, 'the post settled as posted');
    await settle();
    assert.equal(byAgent(ticket).length, 1, 'never posted twice');
    const puts = zd.requests.filter((r) => r.method === 'PUT' && r.path === `/api/v2/tickets/${ticket.id}.json`);
    assert.deepEqual(puts.map((r) => r.status), [429, 500], 'after the uncertain 500 the ticket was read, not written again');
    assert.ok(puts[1]!.at - puts[0]!.at >= 950, `waited for Retry-After (${puts[1]!.at - puts[0]!.at} ms)`);
  });

  test('a handoff writes an internal note with the whole context (and no secret), tags the ticket, opens it unassigned in the store\'s group', async () => {
    const ticket = zd.newTicket('acme', { email: 'angry@shopper.example', name: 'Andy' }, 'Complaint', 'let me talk to a real person, this is ridiculous');
    ticket.assignee_id = acme.agent.id;
    await deliver(s.storeId, ticket);
    const note = await eventually(async () => byAgent(ticket, false)[0], 15_000);
    assert.ok(note, 'an internal note');
    assert.match(note.body, /^Concierge handed this ticket to the team\./);
    assert.match(note.body, /Reason: \S+/);
    assert.match(note.body, /Intent: \S+/);
    assert.match(note.body, /Order: none named/);
    assert.match(note.body, /Requester e-mail: angry@shopper\.example \(as the helpdesk gives it, not verified\)/);
    assert.match(note.body, /\[requester\] Complaint let me talk to a real person/);
    assert.match(note.body, /concierge_resume/);
    for (const secretValue of [acme.apiToken, secret, t.encryptionKey, s.apiKey]) assert.ok(!note.body.includes(secretValue), 'no secret in the note');
    await eventually(async () => (ticket.tags.includes('concierge_handoff') ? true : undefined), 5_000);
    assert.deepEqual({ tags: ticket.tags, status: ticket.status, group: ticket.group_id, assignee: ticket.assignee_id }, { tags: ['concierge_handoff'], status: 'open', group: 77, assignee: null });
    assert.equal(byAgent(ticket, true).length, 1, 'the shopper was told, publicly, once');
    assert.equal((await conversation(ticket)).status, 'handed_off');
    await settle();
    assert.equal(byAgent(ticket, false).length, 1, 'one note');
  });

  test('stores are isolated: another store\'s secret, account and tickets do not cross', async () => {
    const created = await createStore(t, 'Globex');
    const other = { ...created, headers: bearer(created.apiKey) };
    const globex = zd.account('globex');
    const otherSecret = 'zd-signing-secret-globex-77aa';
    recordSent('secret', globex.apiToken);
    recordSent('secret', otherSecret);
    await patchZendesk(other.storeId, other.headers, { subdomain: 'globex', email: globex.agent.email, apiToken: globex.apiToken, webhookSecret: otherSecret });
    const ticket = zd.newTicket('acme', { email: 'iso@shopper.example', name: 'Iso' }, 'hi', 'do you sell gift cards?');
    assert.equal((await deliver(s.storeId, ticket, otherSecret)).statusCode, 401, 'the other store\'s secret does not open this store');
    const accepted = await deliver(other.storeId, ticket, otherSecret);
    assert.equal(accepted.statusCode, 200, 'signed right for the other store');
    const done = await eventually(
      async () => (await t.system.database.query<{ status: string }>("SELECT status FROM jobs WHERE kind = 'helpdesk.sync' AND store_id = $1 AND status = 'done'", [other.storeId]))[0],
      15_000,
    );
    assert.ok(done, 'the job ran');
    assert.ok(zd.requests.some((r) => r.account === 'globex' && r.path === `/api/v2/tickets/${ticket.id}.json` && r.status === 404), 'read with the other store\'s account, where it does not exist');
    assert.equal(await conversationOf(ticket), undefined);
    assert.equal(ticket.comments.length, 1, 'nothing written on the first store\'s ticket');
    const unconnected = await createStore(t, 'Unconnected');
    assert.equal((await deliver(unconnected.storeId, ticket)).statusCode, 401, 'a store without Zendesk verifies nothing');
  });

  test('review mode: the agent\'s answer is an internal note with the suggested reply, nothing public', async () => {
    await patchZendesk(s.storeId, s.headers, credentials({ mode: 'review' }));
    try {
      const ticket = zd.newTicket('acme', { email: 'review@shopper.example', name: 'Rev' }, 'Returns', 'how do I return a jacket?');
      await deliver(s.storeId, ticket);
      const note = await eventually(async () => byAgent(ticket, false)[0], 15_000);
      assert.match(note?.body ?? '', /^Suggested reply from Concierge \(review mode: not sent to the requester\)/);
      await settle();
      assert.equal(byAgent(ticket, true).length, 0);
    } finally {
      await patchZendesk(s.storeId, s.headers, credentials());
    }
  });
});
