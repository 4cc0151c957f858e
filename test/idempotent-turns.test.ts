import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutServer } from './support/databases';
import { bearer, createStore, startTestSystem, type TestSystem } from './support/system';

const messageCount = async (t: TestSystem, conversationId: string) =>
  (await t.system.database.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [conversationId]))[0]!.n;

const keyStates = async (t: TestSystem) =>
  t.system.database.query<{ key: string; status: number | null }>('SELECT key, status FROM idempotency_keys ORDER BY key');

for (const mode of ['embedded', 'server'] as const) {
  describe(`Idempotency-Key on a shopper's turn (${mode}, issue 13 item 9)`, { skip: mode === 'server' ? skipWithoutServer : false }, () => {
    const start = () => (mode === 'server' ? startTestSystem({ backend: 'postgres', redis: true }) : startTestSystem());

    test('a streamed turn records its answer: the retry replays the stream, the key is never left in progress', async () => {
      const t = await start();
      try {
        const s = await createStore(t);
        const id = (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(s.apiKey), payload: { channel: 'api' } })).json()
          .id as string;
        const send = () =>
          t.app.inject({
            method: 'POST',
            url: `/v1/conversations/${id}/messages`,
            headers: { ...bearer(s.apiKey), accept: 'text/event-stream', 'idempotency-key': 'stream-1' },
            payload: { content: 'do you ship to canada?' },
          });
        const first = await send();
        assert.equal(first.statusCode, 200);
        assert.match(String(first.headers['content-type']), /text\/event-stream/);
        assert.match(first.body, /event: done/);
        assert.deepEqual(await keyStates(t), [{ key: 'stream-1', status: 200 }], 'the key is complete, not in progress');
        const again = await send();
        assert.equal(again.statusCode, 200, `the retry is answered, not 409: ${again.body}`);
        assert.equal(again.headers['idempotent-replayed'], 'true');
        assert.match(String(again.headers['content-type']), /text\/event-stream/);
        assert.equal(again.body, first.body, 'the same stream, event for event');
        assert.equal(await messageCount(t, id), 2, 'one turn');
      } finally {
        await t.close();
      }
    });

    test('a turn committed and then answered 500 (events lost to an outage) is not run again by the retry: the retry answers the committed turn', async () => {
      const t = await start();
      try {
        const s = await createStore(t);
        const id = (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(s.apiKey), payload: { channel: 'api' } })).json()
          .id as string;
        const send = (key: string, content: string, accept = 'application/json') =>
          t.app.inject({
            method: 'POST',
            url: `/v1/conversations/${id}/messages`,
            headers: { ...bearer(s.apiKey), accept, 'idempotency-key': key },
            payload: { content },
          });
        // The outage: the first publish after the commit fails, as Redis would while it is down.
        const pubsub = t.system.pubsub as { publish: (channel: string, message: unknown) => Promise<void> };
        const publish = pubsub.publish.bind(pubsub);
        let failures = 1;
        pubsub.publish = async (channel, message) => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
          }
          return publish(channel, message);
        };
        const failed = await send('turn-1', 'can I return socks?');
        assert.equal(failed.statusCode, 500);
        assert.equal(await messageCount(t, id), 2, 'the turn was committed before the failure');
        const retry = await send('turn-1', 'can I return socks?');
        assert.equal(retry.statusCode, 200, retry.body);
        assert.equal(await messageCount(t, id), 2, 'the retry did not run the turn again');
        const history = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: bearer(s.apiKey) })).json() as {
          messages: { id: string; role: string; content: string }[];
        };
        const stored = history.messages.find((m) => m.role === 'assistant')!;
        assert.equal(retry.json().reply.id, stored.id, 'the retry answers with the committed reply');
        assert.equal(retry.json().message.content, 'can I return socks?');
        assert.ok(retry.json().analysis, 'with its analysis');
        const replay = await send('turn-1', 'can I return socks?');
        assert.equal(replay.headers['idempotent-replayed'], 'true');
        const other = await send('turn-1', 'something else entirely');
        assert.equal(other.statusCode, 409, 'the same key with another message is refused');
        assert.equal(await messageCount(t, id), 2);
      } finally {
        await t.close();
      }
    });
  });
}

describe('an idempotent answer is replayed to its caller only', () => {
  test("two keys of one store using the same Idempotency-Key and body each get their own answer, never the other's", async () => {
    const t = await startTestSystem();
    try {
      const s = await createStore(t);
      const second = (
        await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/api-keys`, headers: bearer(s.apiKey), payload: { name: 'second' } })
      ).json().secret as string;
      const create = (key: string) =>
        t.app.inject({
          method: 'POST',
          url: '/v1/conversations',
          headers: { ...bearer(key), 'idempotency-key': 'same-key' },
          payload: { channel: 'api', customer: { email: 'ann.lee0@example.com' } },
        });
      const mine = await create(s.apiKey);
      const theirs = await create(second);
      assert.equal(mine.statusCode, 201);
      assert.equal(theirs.statusCode, 201);
      assert.equal(theirs.headers['idempotent-replayed'], undefined, 'not a replay of another caller');
      assert.notEqual(theirs.json().id, mine.json().id);
      assert.equal((await create(s.apiKey)).json().id, mine.json().id, 'each caller still gets its own replay');
    } finally {
      await t.close();
    }
  });
});
