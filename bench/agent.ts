// npm run bench:agent — one agent turn on the offline model, embedded default (PGlite, in-process
// cache): measured inside the process (conversation service) and through HTTP (inject over the
// full gateway), as p50/p99 and turns per second. Messages rotate through WISMO, returns, policy
// questions and small talk on demo orders. BENCH_DATABASE_URL and BENCH_REDIS_URL (an empty
// database) measure server mode instead.
import { randomBytes } from 'node:crypto';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { ensureDemoStore, seedDemoStore } from '../src/demo-bootstrap';
import { buildApp } from '../src/gateway/app';
import { runConfig } from '../src/agent/run-context';
import { turnInput } from '../src/agent/runtime/turn-input';
import { emptyConversationGraph } from './support/graph-floor';
import { percentile } from './support/percentile';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);


const dataDir = `./.tmp/bench-agent-${randomBytes(4).toString('hex')}`;
const env = loadEnv({ ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL, REDIS_URL: process.env.BENCH_REDIS_URL } : {}), CONCIERGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONCIERGE_ENCRYPTION_KEY: generateKey(), CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', CONCIERGE_RATE_LIMIT_PER_MINUTE: '100000000' });
const system = await createSystem(env);
// Server mode (BENCH_DATABASE_URL, BENCH_REDIS_URL: give it an empty database) seeds its own demo store.
const demo = system.mode === 'embedded' ? (await ensureDemoStore(system, 'http://127.0.0.1:3000'))! : await seedDemoStore(system).then((c) => ({ storeId: c.store.id, apiKey: c.apiKey }));
const sample = await system.database.query<{ name: string; email: string }>('SELECT name, email FROM orders WHERE store_id = $1 ORDER BY name LIMIT 50', [demo.storeId]);
const messages = (i: number) => {
  const order = sample[i % sample.length]!;
  return [`where is my order ${order.name}? my email is ${order.email}`, 'what is your return policy?', 'thanks!', `has ${order.name} shipped yet`][i % 4]!;
};

/** Times `turn` alone; `prepare` (opening the conversation) runs before the clock starts. */
async function measure<T>(label: string, prepare: (i: number) => Promise<T>, turn: (i: number, prepared: T) => Promise<void>) {
  for (let i = 0; i < 100; i += 1) await turn(i, await prepare(i)); // warm-up
  const times: number[] = [];
  for (let i = 0; i < TURNS; i += 1) {
    const prepared = await prepare(i);
    const t = performance.now();
    await turn(i, prepared);
    times.push(performance.now() - t);
  }
  const seconds = times.reduce((sum, ms) => sum + ms, 0) / 1000;
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p99: percentile(times, 99), turnsPerSecond: Math.round(TURNS / seconds) };
  console.log(`${label}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.turnsPerSecond} turns/s over ${TURNS} turns`);
  return result;
}

// Each turn in its own conversation: the first turn of a conversation is the common case and the costliest (no cache).
const inside = await measure(
  'in process',
  async () => (await system.agent.conversations.create(demo.storeId, { channel: 'api' }, false)).conversation.id,
  async (i, conversationId) => {
    await system.agent.conversations.postMessage(demo.storeId, conversationId, messages(i));
  },
);

// The graph alone: the same turns without loading and committing the conversation (its checkpoint
// stays buffered), to show what the durable write costs on top.
const graphAlone = await measure(
  'graph alone',
  async () => (await system.agent.conversations.create(demo.storeId, { channel: 'api' }, false)).conversation,
  async (i, conversation) => {
    const now = new Date();
    const run = { settings: await system.stores.settings(demo.storeId), now, orders: new Map(), turnKey: conversation.id };
    await system.agent.graphs.conversation.invoke(turnInput(conversation, messages(i), now), { ...runConfig(conversation, run), durability: 'exit' });
  },
);

// The floor: LangGraph running this graph's shape with nodes that do nothing (bench/support/graph-floor.ts).
const empty = emptyConversationGraph();
const floor = await measure('empty graph of the same shape', async () => undefined, async (i) => {
  await empty.invoke({ input: messages(i) }, { configurable: { thread_id: `floor-${i}` }, durability: 'exit' });
});

const app = await buildApp(system.gatewayDeps);
await app.ready();
const headers = { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' };
// The same turns as in process, each in a conversation opened over HTTP before the clock starts.
const http = await measure(
  'through HTTP',
  async () => (await app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { channel: 'api' } })).json().id as string,
  async (i, conversationId) => {
    const response = await app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers, payload: { content: messages(i) } });
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${response.body}`);
  },
);

await app.close();
await system.close();
console.log(
  JSON.stringify({
    database: system.database.kind,
    turns: TURNS,
    insideP50Ms: inside.p50,
    insideP99Ms: inside.p99,
    insideTurnsPerSecond: inside.turnsPerSecond,
    graphAloneP50Ms: graphAlone.p50,
    graphAloneP99Ms: graphAlone.p99,
    emptyGraphP50Ms: floor.p50,
    httpP50Ms: http.p50,
    httpP99Ms: http.p99,
    httpTurnsPerSecond: http.turnsPerSecond,
  }),
);
