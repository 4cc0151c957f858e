import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoStore } from './support/demo';
import { bearer, startTestSystem, type TestSystem } from './support/system';

const SHOP = 'https://shop.example.com';

interface Traced {
  role: string;
  trace?: { tools?: { tool: string; ok: boolean; ms: number; result: string }[]; decision?: { kind: string; outcome: string; reasons: string[]; questions: string[] } };
}

describe("beside each answer: the tools the agent called and the policy's decision with its reasons (issue 18)", () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  before(async () => {
    t = await startTestSystem();
    // The trace, not evidence: the store asks no photo of damage claims (photos: test/abuse/evidence.test.ts).
    s = await demoStore(t, { allowedOrigins: [SHOP], evidence: { photo: 'never' } });
  });
  after(() => t.close());

  const answers = async (id: string, headers = s.headers) =>
    ((await t.app.inject({ url: `/v1/conversations/${id}`, headers })).json().messages as Traced[]).filter((m) => m.role === 'assistant');

  test('an order answer lists get_order and the carrier lookup with what they found', async () => {
    const order = s.demo.index.in_transit[0]!;
    const id = await s.start();
    await s.say(id, `where is my order ${order}?`);
    await s.say(id, s.demo.owners[order]!.email);
    const last = (await answers(id)).at(-1)!;
    const tools = last.trace?.tools ?? [];
    assert.deepEqual(
      tools.map((c) => c.tool),
      ['get_order', 'get_tracking'],
      JSON.stringify(tools),
    );
    assert.equal(tools[0]!.result, 'found');
    assert.match(tools[1]!.result, /^status: /);
    assert.ok(tools.every((c) => c.ok && c.ms >= 0));
  });

  test('a refund over the limit shows the policy decision under review with its reasons, and the refund tool', async () => {
    const order = s.demo.index.high_value[0]!;
    const id = await s.start();
    await s.say(id, `the item from order ${order} arrived damaged, I want a refund`);
    let turn = await s.say(id, s.demo.owners[order]!.email);
    if (/Which item/.test(turn.reply!.content)) turn = await s.say(id, 'all');
    assert.ok(turn.actions.some((a) => a.status === 'pending'));
    const last = (await answers(id)).at(-1)!;
    assert.equal(last.trace?.decision?.kind, 'refund');
    assert.equal(last.trace?.decision?.outcome, 'review');
    assert.ok((last.trace?.decision?.reasons.length ?? 0) > 0);
    assert.ok(last.trace?.tools?.some((c) => c.tool === 'process_refund'), JSON.stringify(last.trace?.tools));
  });

  test('a widget reading its own conversation never sees the trace', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: { ...bearer(s.widgetKey), origin: SHOP }, payload: { channel: 'widget' } });
    const { id, accessToken } = created.json() as { id: string; accessToken: string };
    const headers = { ...bearer(s.widgetKey), origin: SHOP, 'x-conversation-token': accessToken };
    const said = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers, payload: { content: 'what is your return policy?' } });
    assert.equal(said.statusCode, 200, said.body);
    assert.ok((await answers(id)).at(-1)!.trace?.tools?.length, 'the store sees the knowledge search');
    const seen = await answers(id, headers);
    assert.ok(seen.length > 0);
    assert.ok(seen.every((m) => m.trace === undefined));
  });
});
