import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

const SHOP = 'https://shop.example.com';

/** Opens an SSE stream over real HTTP and returns its status and the first event block (or the error body). */
async function openEvents(baseUrl: string, conversationId: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/v1/conversations/${conversationId}/events`, { headers, signal: controller.signal });
  if (response.status !== 200) {
    const body = await response.json();
    return { status: response.status, body, first: '', allowOrigin: response.headers.get('access-control-allow-origin') };
  }
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString('utf8');
  }
  controller.abort();
  return { status: response.status, body: null, first: text, allowOrigin: response.headers.get('access-control-allow-origin') };
}

describe('a widget conversation token reads its own conversation and nothing else (issue 13 item 6)', () => {
  let t: TestSystem;
  let a: TestStore;
  let b: TestStore;
  let baseUrl: string;
  const widgetOf = (store: TestStore) => ({ ...bearer(store.widgetKey), origin: SHOP });
  const open = async (store: TestStore) => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: widgetOf(store), payload: { channel: 'widget', message: { content: 'do you ship to canada?' } } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; accessToken: string };
  };

  before(async () => {
    t = await startTestSystem();
    a = await createStore(t, 'Store A', { allowedOrigins: [SHOP] });
    b = await createStore(t, 'Store B', { allowedOrigins: [SHOP] });
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t.close());

  test('GET /v1/conversations/{id} answers its own token with the messages, and no action log', async () => {
    const mine = await open(a);
    const response = await t.app.inject({ method: 'GET', url: `/v1/conversations/${mine.id}`, headers: { ...widgetOf(a), 'x-conversation-token': mine.accessToken } });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as { id: string; messages: { role: string; content: string }[]; actions: unknown[] };
    assert.equal(body.id, mine.id);
    assert.deepEqual(body.messages.map((m) => m.role), ['customer', 'assistant']);
    assert.deepEqual(body.actions, []);
    assert.ok(!response.body.includes('accessTokenHash'));
  });

  test("another conversation's token, a tampered token, or a token of another store's conversation: 404, nothing read", async () => {
    const mine = await open(a);
    const other = await open(a);
    const foreign = await open(b);
    const read = (id: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers });
    for (const [id, headers] of [
      [mine.id, { ...widgetOf(a), 'x-conversation-token': other.accessToken }],
      [mine.id, { ...widgetOf(a), 'x-conversation-token': `${mine.accessToken}x` }],
      [mine.id, { ...widgetOf(a), 'x-conversation-token': '' }],
      // Store B's own key and token, aimed at store A's conversation.
      [mine.id, { ...widgetOf(b), 'x-conversation-token': foreign.accessToken }],
      // Store A's conversation token presented with store B's widget key.
      [mine.id, { ...widgetOf(b), 'x-conversation-token': mine.accessToken }],
      [foreign.id, { ...widgetOf(a), 'x-conversation-token': foreign.accessToken }],
    ] as const) {
      const response = await read(id, headers);
      assert.equal(response.statusCode, 404, `${response.statusCode} ${response.body}`);
      assert.equal(response.json().error.code, 'not_found');
      assert.ok(!response.body.includes('canada'));
    }
  });

  test('without a conversation token the widget key reads nothing, and never lists conversations', async () => {
    const mine = await open(a);
    const bare = await t.app.inject({ method: 'GET', url: `/v1/conversations/${mine.id}`, headers: widgetOf(a) });
    assert.equal(bare.statusCode, 403);
    const list = await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: { ...widgetOf(a), 'x-conversation-token': mine.accessToken } });
    assert.equal(list.statusCode, 403);
    assert.ok(!list.body.includes(mine.id));
  });

  test('a conversation token does not act for the store: no human reply, no resolve, no actions queue', async () => {
    const mine = await open(a);
    const headers = { ...widgetOf(a), 'x-conversation-token': mine.accessToken };
    for (const [method, url, payload] of [
      ['POST', `/v1/conversations/${mine.id}/handoff/reply`, { content: 'I am staff' }],
      ['POST', `/v1/conversations/${mine.id}/resolve`, undefined],
      ['GET', '/v1/actions?status=pending', undefined],
    ] as const) {
      const response = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      assert.equal(response.statusCode, 403, `${method} ${url}: ${response.body}`);
    }
    const detail = await t.app.inject({ method: 'GET', url: `/v1/conversations/${mine.id}`, headers: bearer(a.apiKey) });
    assert.equal((detail.json() as { messages: unknown[]; status: string }).messages.length, 2);
    assert.equal(detail.json().status, 'open');
  });

  test('the events stream opens for its own token and refuses every other one', async () => {
    const mine = await open(a);
    const other = await open(a);
    const foreign = await open(b);
    const own = await openEvents(baseUrl, mine.id, { ...widgetOf(a), 'x-conversation-token': mine.accessToken });
    assert.equal(own.status, 200);
    assert.match(own.first, /event: ready/);
    assert.ok(own.first.includes(mine.id));
    // The shop's page reads the stream only if the response names its origin (the stream bypasses onSend).
    assert.equal(own.allowOrigin, SHOP);
    for (const [id, headers, status] of [
      [mine.id, { ...widgetOf(a), 'x-conversation-token': other.accessToken }, 404],
      [mine.id, { ...widgetOf(b), 'x-conversation-token': foreign.accessToken }, 404],
      [mine.id, { ...widgetOf(b), 'x-conversation-token': mine.accessToken }, 404],
      [mine.id, widgetOf(a), 403],
    ] as const) {
      const refused = await openEvents(baseUrl, id, headers);
      assert.equal(refused.status, status, JSON.stringify(refused.body));
    }
  });

  test('a preflight from an allowed shop lets the widget send its conversation token', async () => {
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/v1/conversations/00000000-0000-4000-8000-000000000000/events', headers: { origin: SHOP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-conversation-token, last-event-id' } });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], SHOP);
    assert.match(String(preflight.headers['access-control-allow-headers']), /x-conversation-token/);
  });
});
