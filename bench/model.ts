// npm run bench:model — the system's own time per turn on top of a remote model's. A local fake
// OpenAI-compatible server (test/support) answers every call at once; each turn is timed in the
// conversation service with CONCIERGE_MODEL=openai and, for the same messages, offline. Reported:
// turn p50/p99 with the model, the model calls' own round trips (loopback HTTP through the official
// client), the overhead = turn − model round trips, and the PII shield's cost per message.
import { randomBytes } from 'node:crypto';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { ensureDemoStore } from '../src/demo-bootstrap';
import { emptyShopperRecords } from '../src/core/ports/language-model';
import { redact } from '../src/integrations/models/shield/redact';
import { tokenVaults } from '../src/integrations/models/shield/token-vault';
import { startOpenAiChatServer } from '../test/support/openai-chat-server';
import { scriptedModel } from '../test/support/scripted-model';
import { percentile } from './support/percentile';

const TURNS = Number(process.env.BENCH_TURNS ?? 300);
const KEY = 'sk-bench';
let modelMs = 0;
const server = await startOpenAiChatServer({ apiKey: KEY, answer: scriptedModel(() => ({})) });
// The model's time as the client sees it: every request's round trip, measured around fetch.
const realFetch = globalThis.fetch;
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  const t = performance.now();
  const response = await realFetch(...args);
  const body = await response.arrayBuffer();
  modelMs += performance.now() - t;
  return new Response(body, { status: response.status, headers: response.headers });
};

const dataDir = `./.tmp/bench-model-${randomBytes(4).toString('hex')}`;
const env = loadEnv({
  CONCIERGE_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  CONCIERGE_ENCRYPTION_KEY: generateKey(),
  CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  CONCIERGE_MODEL: 'openai',
  OPENAI_API_KEY: KEY,
  OPENAI_BASE_URL: server.baseURL,
  CONCIERGE_MODEL_CONFIDENCE: '1',
});
// First the same turns offline (the data folder is then reopened with the model): what a turn costs without any model.
const offline = await createSystem({ ...env, CONCIERGE_MODEL: 'local' });
const demo = (await ensureDemoStore(offline, 'http://127.0.0.1:3000'))!;
const sample = await offline.database.query<{ name: string; email: string }>('SELECT name, email FROM orders WHERE store_id = $1 ORDER BY name LIMIT 50', [demo.storeId]);
const message = (i: number) => {
  const order = sample[i % sample.length]!;
  return [`where is my order ${order.name}? my email is ${order.email}`, 'what is your return policy?', `has ${order.name} shipped yet`][i % 3]!;
};

const offlineTurns: number[] = [];
for (let i = 0; i < TURNS + 30; i += 1) {
  const { conversation } = await offline.agent.conversations.create(demo.storeId, { channel: 'api' }, false);
  const t = performance.now();
  await offline.agent.conversations.postMessage(demo.storeId, conversation.id, message(i));
  if (i >= 30) offlineTurns.push(performance.now() - t);
}
offlineTurns.sort((a, b) => a - b);
await offline.close();
const system = await createSystem(env);

const turns: number[] = [];
const overheads: number[] = [];
let calls = 0;
for (let i = 0; i < TURNS + 30; i += 1) {
  const { conversation } = await system.agent.conversations.create(demo.storeId, { channel: 'api' }, false);
  modelMs = 0;
  const t = performance.now();
  await system.agent.conversations.postMessage(demo.storeId, conversation.id, message(i));
  const took = performance.now() - t;
  if (i < 30) continue; // warm-up
  calls += server.received.length;
  server.received.length = 0;
  turns.push(took);
  overheads.push(took - modelMs);
}

// The shield alone: a message with an e-mail, a phone, a name, an address, an order and a tracking number.
const records = { ...emptyShopperRecords(), names: ['Margaret Lindqvist'], emails: ['maggie@example.net'], addresses: ['742 Evergreen Terrace, 97403'], orderNumbers: ['#1042'], trackingNumbers: ['1Z999AA10123456784'] };
const text = "Hi, I'm Margaret Lindqvist (maggie@example.net, 415-555-0148). Order #1042 went to 742 Evergreen Terrace, 97403; tracking 1Z999AA10123456784. I paid $49.99 for 2 shirts.";
const vaults = tokenVaults();
for (let i = 0; i < 2_000; i += 1) redact(text, records, vaults.of({ storeId: 's', conversationId: String(i % 100) }));
const shieldRuns = 20_000;
const s0 = performance.now();
for (let i = 0; i < shieldRuns; i += 1) redact(text, records, vaults.of({ storeId: 's', conversationId: String(i % 100) }));
const shieldUs = ((performance.now() - s0) * 1000) / shieldRuns;

turns.sort((a, b) => a - b);
overheads.sort((a, b) => a - b);
await system.close();
await server.close();
globalThis.fetch = realFetch;
const round = (n: number) => Math.round(n * 100) / 100;
console.log(`turns ${turns.length}, model calls per turn ${round(calls / turns.length)}`);
console.log(
  JSON.stringify({
    turns: turns.length,
    modelCallsPerTurn: round(calls / turns.length),
    offlineTurnP50Ms: round(percentile(offlineTurns, 50)),
    turnP50Ms: round(percentile(turns, 50)),
    turnP99Ms: round(percentile(turns, 99)),
    overheadP50Ms: round(percentile(overheads, 50)),
    overheadP99Ms: round(percentile(overheads, 99)),
    shieldMicrosecondsPerMessage: round(shieldUs),
    shieldMessageChars: text.length,
  }),
);
