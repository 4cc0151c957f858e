import { generateDemoStore, type DemoState } from '../../src/integrations/demo/generator/generate-store';
import { bearer, createStore, type TestSystem } from './system';

/** A store loaded with the generated demo data, and helpers to talk to it over HTTP. */
export async function demoStore(t: TestSystem, settings?: Record<string, unknown>) {
  const store = await createStore(t, 'Demo', settings);
  const demo = generateDemoStore(new Date());
  await t.system.catalog.write(store.storeId, demo.records);
  const headers = bearer(store.apiKey);

  async function start(customer?: Record<string, string>) {
    const response = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { channel: 'api', ...(customer ? { customer } : {}) } });
    if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json().id as string;
  }

  async function say(conversationId: string, content: string, extraHeaders: Record<string, string> = {}) {
    const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers: { ...headers, ...extraHeaders }, payload: { content } });
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json() as { reply: { content: string } | null; analysis: { intent: string }; actions: { id: string; type: string; status: string; reasons: string[] }[]; escalated: boolean; escalationReason?: string | null };
  }

  /** A conversation already verified for an order of the given state. */
  async function verifiedFor(state: DemoState, which = 0) {
    const order = demo.index[state][which]!;
    const conversationId = await start();
    return { conversationId, order, owner: demo.owners[order]! };
  }

  const orderRow = async (name: string) =>
    (await t.system.database.query<{ financial_status: string; total_refunded: string; cancelled_at: Date | null; shipping_address: { address1: string } }>('SELECT financial_status, total_refunded, cancelled_at, shipping_address FROM orders WHERE store_id = $1 AND name = $2', [store.storeId, name]))[0]!;

  return { ...store, demo, headers, start, say, verifiedFor, orderRow };
}
