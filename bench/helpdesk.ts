// npm run bench:helpdesk — Zendesk end to end on the embedded default (PGlite on disk, in-process
// job worker, offline model): signed webhooks into the gateway (inject), a sync job reading the
// ticket from a local server speaking Zendesk's REST API, the agent's turn, and the reply posted
// back through the post job. Reported: tickets answered per second for a burst of BENCH_TICKETS
// (default 100) webhooks, and the time from a webhook to its reply landing on the ticket for
// BENCH_LATENCY_TICKETS (default 30) tickets one at a time (p50, p99).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { seedDemoStore } from '../src/demo-bootstrap';
import { buildApp } from '../src/gateway/app';
import { startFakeZendesk, zendeskWebhookHeaders, type ZendeskTicket } from '../test/support/fakes/zendesk-server';
import { percentile } from './support/percentile';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100);
const LATENCY_TICKETS = Number(process.env.BENCH_LATENCY_TICKETS ?? 30);
const dataDir = `./.tmp/bench-helpdesk-${randomBytes(4).toString('hex')}`;
const secret = `bench-${randomBytes(8).toString('hex')}`;

const zd = await startFakeZendesk();
const acme = zd.account('acme');
const env = loadEnv({
  CONCIERGE_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  CONCIERGE_ENCRYPTION_KEY: generateKey(),
  CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  CONCIERGE_DEMO: 'false',
  ZENDESK_API_BASE: zd.baseUrl,
});
const system = await createSystem(env);
const app = await buildApp(system.gatewayDeps);
await app.ready();
const created = await seedDemoStore(system);
const storeId = created.store.id;
await system.stores.updateSettings(storeId, { channels: { zendesk: { subdomain: 'acme', email: acme.agent.email, apiToken: acme.apiToken, webhookSecret: secret } } });
await system.startBackground();
const sample = await system.database.query<{ name: string; email: string }>('SELECT name, email FROM orders WHERE store_id = $1 ORDER BY name LIMIT 50', [storeId]);

const question = (i: number) => {
  const order = sample[i % sample.length]!;
  return [`where is my order ${order.name}? my e-mail is ${order.email}`, 'What is your return policy?', 'Do you ship to Canada?', `Has ${order.name} shipped yet?`][i % 4]!;
};
const answeredAt = (ticket: ZendeskTicket) => ticket.comments.some((c) => c.author_id === acme.agent.id);
const deliver = async (ticket: ZendeskTicket) => {
  const payload = JSON.stringify({ ticket_id: String(ticket.id), comment_id: String(ticket.comments.at(-1)!.id) });
  const response = await app.inject({ method: 'POST', url: `/webhooks/zendesk/${storeId}`, headers: zendeskWebhookHeaders(secret, payload), payload });
  if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
};
const waitFor = async (done: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
};

const burst = Array.from({ length: TICKETS }, (_, i) => zd.newTicket('acme', { email: `shopper${i}@shopper.example`, name: `Shopper ${i}` }, 'Question', question(i)));
const started = performance.now();
for (const ticket of burst) await deliver(ticket);
await waitFor(() => burst.every(answeredAt), 10 * 60_000);
const elapsedS = (performance.now() - started) / 1000;
const answered = burst.filter(answeredAt).length;

const latencies: number[] = [];
for (let i = 0; i < LATENCY_TICKETS; i += 1) {
  const ticket = zd.newTicket('acme', { email: `steady${i}@shopper.example`, name: `Steady ${i}` }, 'Question', question(i));
  const at = performance.now();
  await deliver(ticket);
  await waitFor(() => answeredAt(ticket), 60_000);
  if (answeredAt(ticket)) latencies.push(performance.now() - at);
}
latencies.sort((a, b) => a - b);
const posts = zd.requests.filter((r) => r.method === 'PUT').length;
const all = [...acme.tickets.values()];
// Every ticket answered publicly exactly once; handoffs add an internal note (a second update).
const publicReplies = all.map((t) => t.comments.filter((c) => c.author_id === acme.agent.id && c.public).length);
const handoffs = all.filter((t) => t.tags.includes('concierge_handoff')).length;
if (publicReplies.some((n) => n > 1)) throw new Error('a ticket was answered twice');

await app.close();
await system.close();
await zd.close();
rmSync(dataDir, { recursive: true, force: true });

const round = (n: number) => Math.round(n * 10) / 10;
console.log(`burst: ${TICKETS} webhooks, ${answered} answered in ${round(elapsedS)} s; one at a time: ${latencies.length} of ${LATENCY_TICKETS}; ${posts} ticket updates for ${answered + latencies.length} tickets (${handoffs} handed over: reply + note)`);
console.log(
  JSON.stringify({
    ticketsPerSecond: round(answered / elapsedS),
    webhookToReplyP50Ms: round(percentile(latencies, 50)),
    webhookToReplyP99Ms: round(percentile(latencies, 99)),
    burstTickets: TICKETS,
    burstAnswered: answered,
    latencyTickets: latencies.length,
    ticketUpdates: posts,
    handoffs,
  }),
);
