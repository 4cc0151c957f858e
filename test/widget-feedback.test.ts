import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

const SHOP = 'https://shop.example.com';

describe("the widget's helpful touches: buttons, order cards, thumbs and ratings (issue 17 item 2)", () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let other: TestStore;
  const widget = (key: string, token?: string) => ({ ...bearer(key), origin: SHOP, ...(token ? { 'x-conversation-token': token } : {}) });

  before(async () => {
    t = await startTestSystem();
    s = await demoStore(t, { allowedOrigins: [SHOP] });
    other = await createStore(t, 'Other', { allowedOrigins: [SHOP] });
  });
  after(() => t.close());

  async function open(key = s.widgetKey) {
    const created = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: widget(key), payload: { channel: 'widget' } });
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as { id: string; accessToken: string };
  }
  async function say(c: { id: string; accessToken: string }, content: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${c.id}/messages`,
      headers: widget(s.widgetKey, c.accessToken),
      payload: { content },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { message: { id: string }; reply: { id: string; content: string; quickReplies?: string[]; card?: Record<string, unknown> } };
  }

  test('an order answer carries an order card with its tracking link; a yes/no question carries Yes and No', async () => {
    const c = await open();
    await say(c, 'where is my order #1001?');
    const turn = await say(c, s.demo.owners['#1001']!.email);
    assert.equal(turn.reply.card?.order, '#1001');
    assert.equal(turn.reply.card?.kind, 'order');
    const read = await t.app.inject({ url: `/v1/conversations/${c.id}`, headers: widget(s.widgetKey, c.accessToken) });
    const answer = (read.json() as { messages: { id: string; card?: { trackingUrl: string | null } }[] }).messages.find((m) => m.id === turn.reply.id);
    assert.deepEqual(answer?.card, turn.reply.card, 'the card is stored with the answer');
    const question = await say(c, 'is the alpine rain jacket waterproof?');
    assert.match(question.reply.content, /Would you like/);
    assert.deepEqual(question.reply.quickReplies, ['Yes', 'No']);
  });

  test('thumbs on an answer are stored (a second vote replaces the first); bad input is refused and changes nothing', async () => {
    const c = await open();
    const turn = await say(c, 'where is my order #1002?');
    const thumb = (messageId: string, body: unknown, token = c.accessToken) =>
      t.app.inject({
        method: 'PUT',
        url: `/v1/conversations/${c.id}/messages/${messageId}/feedback`,
        headers: widget(s.widgetKey, token),
        payload: body as Record<string, unknown>,
      });
    assert.equal((await thumb(turn.reply.id, { thumb: 'down' })).statusCode, 200);
    const up = await thumb(turn.reply.id, { thumb: 'up' });
    assert.equal(up.statusCode, 200, up.body);
    assert.equal(up.json().score, 1);
    const bad = await thumb(turn.reply.id, { thumb: 'sideways' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'validation_failed');
    assert.equal((await thumb(turn.message.id, { thumb: 'up' })).statusCode, 404, "the shopper's own message is not an answer");
    const stranger = await open();
    assert.equal((await thumb(turn.reply.id, { thumb: 'down' }, stranger.accessToken)).statusCode, 404, "another conversation's token");
    const list = await t.app.inject({ url: `/v1/conversations/${c.id}/feedback`, headers: s.headers });
    assert.deepEqual(
      (list.json() as { data: { messageId: string; score: number }[] }).data.map((f) => [f.messageId, f.score]),
      [[turn.reply.id, 1]],
    );
  });

  test('a conversation is rated once resolved, 1 to 5; the analytics summary counts it for this store only', async () => {
    const c = await open();
    const turn = await say(c, 'thanks!');
    const rate = (score: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/v1/conversations/${c.id}/rating`,
        headers: widget(s.widgetKey, c.accessToken),
        payload: { score } as Record<string, unknown>,
      });
    const early = await rate(5);
    assert.equal(early.statusCode, 409, 'not resolved yet');
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${c.id}/resolve`, headers: s.headers })).statusCode, 200);
    assert.equal((await rate(6)).statusCode, 400);
    assert.equal((await rate(2.5)).statusCode, 400);
    assert.equal((await rate(5)).statusCode, 200);
    await t.app.inject({
      method: 'PUT',
      url: `/v1/conversations/${c.id}/messages/${turn.reply.id}/feedback`,
      headers: widget(s.widgetKey, c.accessToken),
      payload: { thumb: 'down' },
    });
    const summary = (await t.app.inject({ url: '/v1/analytics/summary', headers: s.headers })).json() as {
      satisfaction: { ratings: number; positive: number; score: number; thumbsUp: number; thumbsDown: number };
    };
    assert.equal(summary.satisfaction.ratings, 1);
    assert.equal(summary.satisfaction.positive, 1);
    assert.equal(summary.satisfaction.score, 5);
    assert.ok(summary.satisfaction.thumbsDown >= 1);
    const theirs = (await t.app.inject({ url: '/v1/analytics/summary', headers: bearer(other.apiKey) })).json() as {
      satisfaction: { ratings: number; thumbsUp: number; thumbsDown: number };
    };
    assert.deepEqual(
      [theirs.satisfaction.ratings, theirs.satisfaction.thumbsUp, theirs.satisfaction.thumbsDown],
      [0, 0, 0],
      "another store's analytics see none of it",
    );
    const foreign = await t.app.inject({ method: 'PUT', url: `/v1/conversations/${c.id}/rating`, headers: bearer(other.apiKey), payload: { score: 1 } });
    assert.equal(foreign.statusCode, 404, "another store's key cannot rate this conversation");
  });
});
