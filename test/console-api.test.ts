import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutPostgres } from './support/databases';
import { demoStore } from './support/demo';
import { documentSettled } from './support/knowledge';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`the console's API on ${backend}: inbox, store events, takeover, analytics`, { skip: backend === 'postgres' ? skipWithoutPostgres : false }, () => {
    let t: TestSystem;
    let s: Awaited<ReturnType<typeof demoStore>>;
    let other: TestStore;
    before(async () => {
      t = await startTestSystem({ backend });
      s = await demoStore(t);
      other = await createStore(t, 'Other');
    });
    after(() => t.close());

    const get = (url: string, key = s.apiKey) => t.app.inject({ url, headers: bearer(key) });
    const open = async (customer: Record<string, string>, content: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/conversations',
        headers: s.headers,
        payload: { channel: 'api', customer, message: { content } },
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; status: string };
    };

    test('the inbox filters by status, intent and sentiment, searches words and names, and shows the latest message', async () => {
      const human = await open({ name: 'Hugo Human', email: 'hugo@example.com' }, 'let me talk to a real person, this is ridiculous');
      const wismo = await open({ name: 'Wendy Where', email: 'wendy@example.com' }, 'where is my order #1001?');
      const handedOff = (await get('/v1/inbox?status=handed_off')).json();
      assert.ok(handedOff.data.some((r: { id: string }) => r.id === human.id));
      assert.ok(!handedOff.data.some((r: { id: string }) => r.id === wismo.id));
      assert.ok(handedOff.counts.handed_off >= 1);
      const byIntent = (await get('/v1/inbox?intent=order_status')).json().data as { id: string; intent: string; lastMessage: { role: string } }[];
      assert.deepEqual(
        byIntent.map((r) => r.id),
        [wismo.id],
      );
      assert.equal(byIntent[0]!.lastMessage.role, 'assistant');
      assert.ok((await get('/v1/inbox?sentiment=negative')).json().data.some((r: { id: string }) => r.id === human.id));
      assert.deepEqual(
        (await get('/v1/inbox?q=ridiculous')).json().data.map((r: { id: string }) => r.id),
        [human.id],
      );
      assert.deepEqual(
        (await get('/v1/inbox?q=wendy')).json().data.map((r: { id: string }) => r.id),
        [wismo.id],
      );
      assert.deepEqual((await get('/v1/inbox?q=100%25_')).json().data, [], 'LIKE wildcards are searched as text');
      assert.equal((await get('/v1/inbox?sentiment=furious')).statusCode, 400);
      assert.deepEqual((await get('/v1/inbox', other.apiKey)).json().data, [], "another store's inbox is empty");
    });

    test("a document's passages, in order; another store's document is a 404", async () => {
      const added = await t.app.inject({
        method: 'POST',
        url: '/v1/knowledge/documents',
        headers: s.headers,
        payload: { format: 'markdown', source: 'gift.md', content: '# Gift wrap\n\nWe gift wrap any order for $5.\n\n## Cards\n\nA handwritten card is free.' },
      });
      assert.equal(added.statusCode, 202, added.body);
      const id = added.json().document.id;
      assert.equal((await documentSettled(t, s.apiKey, id)).status, 'ready');
      const chunks = (await get(`/v1/knowledge/documents/${id}/chunks`)).json().data as { ordinal: number; content: string }[];
      assert.ok(chunks.length >= 1);
      assert.match(chunks.map((c) => c.content).join(' '), /handwritten card/);
      assert.deepEqual(
        chunks.map((c) => c.ordinal),
        [...chunks.map((c) => c.ordinal)].sort((a, b) => a - b),
      );
      assert.equal((await get(`/v1/knowledge/documents/${id}/chunks`, other.apiKey)).statusCode, 404);
    });

    test("each turn carries what the console shows beside it: the understanding, the specialist and the turn's time", async () => {
      const { id } = await open({ email: 'tess@example.com' }, 'where is my order #1002?');
      const detail = (await get(`/v1/conversations/${id}`)).json();
      const [question, answer] = detail.messages;
      assert.equal(question.trace.analysis.intent, 'order_status');
      assert.ok(typeof question.trace.analysis.confidence === 'number');
      assert.equal(answer.trace.specialist, 'wismo_agent');
      assert.ok(answer.trace.latencyMs > 0);
      assert.equal(JSON.stringify(detail).includes('accessTokenHash'), false);
    });

    test('GET /v1/events streams every conversation event of the store, and only of that store', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
      const controller = new AbortController();
      const response = await fetch(`${base}/v1/events`, { headers: { ...bearer(s.apiKey), accept: 'text/event-stream' }, signal: controller.signal });
      const otherStream = await fetch(`${base}/v1/events`, { headers: { ...bearer(other.apiKey), accept: 'text/event-stream' }, signal: controller.signal });
      assert.equal(response.status, 200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const { id } = await open({ email: 'eve@example.com' }, 'I want a human');
      let text = '';
      while (!text.includes('conversation.handoff_requested')) text += (await reader.read()).value;
      assert.match(text, new RegExp(id));
      const otherReader = otherStream.body!.pipeThrough(new TextDecoderStream()).getReader();
      const first = await otherReader.read();
      assert.match(first.value!, /event: ready/);
      assert.doesNotMatch(first.value!, new RegExp(id));
      controller.abort();
    });

    test('take over silences the agent until handed back; taking over twice is a 409', async () => {
      const { id } = await open({ email: 'tom@example.com' }, 'where is my order #1003?');
      const taken = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/takeover`, headers: s.headers });
      assert.equal(taken.statusCode, 200);
      assert.equal(taken.json().status, 'handed_off');
      assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/takeover`, headers: s.headers })).statusCode, 409);
      const silent = await s.say(id, 'hello?');
      assert.equal(silent.reply, null);
      assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/takeover`, headers: bearer(other.apiKey) })).statusCode, 404);
    });

    test('analytics: counts, handoff reasons, intents, latency and the automation verdict of every conversation', async () => {
      const thanks = await open({ email: 'ann.lee0@example.com' }, 'where is my order #1001?');
      await s.say(thanks.id, 'ann.lee0@example.com');
      await s.say(thanks.id, 'thanks so much, that is great!');
      const summary = (await get('/v1/analytics/summary')).json();
      assert.ok(summary.conversations.total >= 5);
      assert.ok(summary.handoffs.count >= 2);
      assert.ok(summary.handoffs.reasons.length > 0);
      assert.ok(summary.intents.some((i: { intent: string }) => i.intent === 'order_status'));
      assert.ok(summary.latencyMs.p50 > 0 && summary.latencyMs.p99 >= summary.latencyMs.p50);
      assert.match(summary.automation.definition, /72 hours/);
      const verdicts = new Map(summary.automation.conversations.map((v: { id: string; automated: boolean; reason: string }) => [v.id, v]));
      assert.equal(verdicts.size, summary.conversations.total, 'every conversation is there to audit');
      const closed = verdicts.get(thanks.id) as { automated: boolean; reason: string };
      assert.equal(closed.automated, true, closed.reason);
      assert.equal((await get('/v1/analytics/summary?from=2026-12-10&to=2026-12-01')).statusCode, 400);
      assert.equal((await get('/v1/analytics/summary', other.apiKey)).json().conversations.total, 0);
    });
  });
}
