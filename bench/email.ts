// npm run bench:email — e-mail end to end on the embedded default (PGlite on disk, in-process job
// worker): shoppers' e-mails go in over real SMTP (nodemailer → our smtp-server listener), each
// becomes a durable job and an agent turn, and the reply leaves through nodemailer to a local SMTP
// sink. Reported: e-mails processed per second, and the time from sending an e-mail to its reply
// arriving at the sink (p50, p99). Two phases: a burst of BENCH_EMAILS (default 200) over
// BENCH_CONCURRENCY (default 8) SMTP connections gives the throughput; then BENCH_LATENCY_EMAILS
// (default 40) sent one at a time, each after the previous reply arrived, give the latency of an
// e-mail that does not wait behind others (the burst's own latencies are mostly queueing).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { seedDemoStore } from '../src/demo-bootstrap';
import { startSmtpSink } from '../test/support/smtp-sink';
import { percentile } from './support/percentile';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 200);
const LATENCY_EMAILS = Number(process.env.BENCH_LATENCY_EMAILS ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const dataDir = `./.tmp/bench-email-${randomBytes(4).toString('hex')}`;

const sink = await startSmtpSink();
const arrived = new Map<string, number>();
const env = loadEnv({
  CONCIERGE_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  CONCIERGE_ENCRYPTION_KEY: generateKey(),
  CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  CONCIERGE_DEMO: 'false',
  SMTP_URL: sink.url,
  CONCIERGE_SMTP_PORT: '0',
  CONCIERGE_EMAIL_RATE_PER_HOUR: '1000000',
});
const system = await createSystem(env);
const created = await seedDemoStore(system);
const storeId = created.store.id;
const inbound = (await system.stores.get(storeId)).inboundEmailAddress!;
const { smtpPort } = await system.startBackground();
const sample = await system.database.query<{ name: string; email: string }>('SELECT name, email FROM orders WHERE store_id = $1 ORDER BY name LIMIT 50', [storeId]);

const originalPush = sink.received.push.bind(sink.received);
sink.received.push = (...mails) => {
  for (const mail of mails) if (mail.parsed.inReplyTo) arrived.set(mail.parsed.inReplyTo, performance.now());
  return originalPush(...mails);
};

const message = (i: number) => {
  const order = sample[i % sample.length]!;
  return [
    { subject: `Where is my order ${order.name}?`, text: `Hi,\n\nwhere is my order ${order.name}? My e-mail is ${order.email}.\n\nThanks\n-- \nA shopper` },
    { subject: 'Returns', text: 'What is your return policy?\n\nSent from my iPhone' },
    { subject: 'Shipping', text: 'Do you ship to Canada?' },
    { subject: `Order ${order.name}`, text: `Has ${order.name} shipped yet?` },
  ][i % 4]!;
};

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: CONCURRENCY, maxMessages: Infinity });
const sentAt = new Map<string, number>();
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < EMAILS) {
      const i = next++;
      const messageId = `<bench-${i}-${randomBytes(4).toString('hex')}@shopper.example>`;
      sentAt.set(messageId, performance.now());
      await transport.sendMail({ from: `shopper${i}@shopper.example`, to: inbound, messageId, ...message(i) });
    }
  }),
);
const deadline = Date.now() + 10 * 60_000;
while (arrived.size < EMAILS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
const elapsedS = (performance.now() - started) / 1000;
const burstLatencies = [...sentAt].flatMap(([id, at]) => (arrived.has(id) ? [arrived.get(id)! - at] : [])).sort((a, b) => a - b);
const answered = burstLatencies.length;

const latencies: number[] = [];
for (let i = 0; i < LATENCY_EMAILS; i += 1) {
  const messageId = `<latency-${i}-${randomBytes(4).toString('hex')}@shopper.example>`;
  const at = performance.now();
  await transport.sendMail({ from: `steady${i}@shopper.example`, to: inbound, messageId, ...message(i) });
  const until = Date.now() + 60_000;
  while (!arrived.has(messageId) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
  if (arrived.has(messageId)) latencies.push(arrived.get(messageId)! - at);
}
latencies.sort((a, b) => a - b);

transport.close();
await system.close();
await sink.close();
rmSync(dataDir, { recursive: true, force: true });

const round = (n: number) => Math.round(n * 10) / 10;
console.log(`burst: ${EMAILS} sent, ${answered} answered in ${round(elapsedS)} s (${CONCURRENCY} SMTP connections; PGlite on disk; offline model); its latencies (queueing included) p50 ${round(percentile(burstLatencies, 50))} ms`);
console.log(`one at a time: ${latencies.length} of ${LATENCY_EMAILS} answered`);
console.log(
  JSON.stringify({
    emailsPerSecond: round(answered / elapsedS),
    inboundToReplyP50Ms: round(percentile(latencies, 50)),
    inboundToReplyP99Ms: round(percentile(latencies, 99)),
    burstEmails: EMAILS,
    burstAnswered: answered,
    latencyEmails: latencies.length,
    concurrency: CONCURRENCY,
  }),
);
