// npm run bench:widget — the website widget on the embedded default (PGlite, offline model):
// its download (loader + bundle, gzipped), the time from the loader's request to a usable launcher
// in Debian's Chromium (fresh profile each load, on /demo), and the time from sending a message to
// its first streamed token (POST …/messages with Accept: text/event-stream, as the widget does).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { ensureDemoStore } from '../src/demo-bootstrap';
import { buildApp } from '../src/gateway/app';
import { buildWidget } from '../src/web/widget/build';
import { percentile } from './support/percentile';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const TURNS = Number(process.env.BENCH_TURNS ?? 200);

const bundle = await buildWidget();
console.log(`bundle: ${bundle.gzipBytes} bytes gzipped (loader + widget), ${bundle.js.length + bundle.loader.length} minified`);

const dataDir = `./.tmp/bench-widget-${randomBytes(4).toString('hex')}`;
const env = loadEnv({ CONCIERGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONCIERGE_ENCRYPTION_KEY: generateKey(), CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', CONCIERGE_RATE_LIMIT_PER_MINUTE: '100000000', CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000' });
const system = await createSystem(env);
const app = await buildApp(system.gatewayDeps);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const demo = (await ensureDemoStore(system, base))!;

// Script load → interactive launcher, in the browser.
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const loads: number[] = [];
const appearanceFetches: number[] = [];
for (let i = 0; i < LOADS + 2; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/demo`);
  await page.locator('concierge-widget[data-ready]').waitFor({ state: 'attached' });
  const [ms, appearance] = await page.evaluate(() => {
    const loader = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget/v1/concierge.js'))!;
    const fetched = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/v1/widget/appearance'));
    return [performance.getEntriesByName('concierge-widget-ready')[0]!.startTime - loader.startTime, fetched ? fetched.duration : -1];
  });
  if (i >= 2) {
    // the first two warm the server's bundle and the browser
    loads.push(ms);
    appearanceFetches.push(appearance);
  }
  await context.close();
}
await browser.close();
loads.sort((a, b) => a - b);
const launcher = { p50: percentile(loads, 50), p99: percentile(loads, 99) };
appearanceFetches.sort((a, b) => a - b);
const appearanceMs = { p50: percentile(appearanceFetches, 50), p99: percentile(appearanceFetches, 99) };
console.log(`the store's appearance (fetched by the loader while the bundle downloads): p50 ${appearanceMs.p50} ms, p99 ${appearanceMs.p99} ms`);
console.log(`script load → interactive launcher: p50 ${launcher.p50} ms, p99 ${launcher.p99} ms over ${LOADS} fresh page loads`);

// Send → first streamed token, over HTTP as the widget sends it.
const widgetHeaders = { authorization: `Bearer ${demo.widgetKey}`, origin: base };
const sample = await system.database.query<{ name: string; email: string }>('SELECT name, email FROM orders WHERE store_id = $1 ORDER BY name LIMIT 50', [demo.storeId]);
const message = (i: number) => {
  const order = sample[i % sample.length]!;
  return [`where is my order ${order.name}?`, 'what is your return policy?', 'thanks!', order.email][i % 4]!;
};
async function firstToken(i: number): Promise<number> {
  const created = await fetch(`${base}/v1/conversations`, { method: 'POST', headers: { ...widgetHeaders, 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'widget' }) });
  const { id, accessToken } = (await created.json()) as { id: string; accessToken: string };
  const started = performance.now();
  const response = await fetch(`${base}/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { ...widgetHeaders, 'x-conversation-token': accessToken, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ content: message(i) }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let at = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (!at && text.includes('event: token')) at = performance.now() - started;
  }
  if (!at) throw new Error(`no token streamed for "${message(i)}": ${text.slice(0, 200)}`);
  return at;
}
for (let i = 0; i < 50; i += 1) await firstToken(i); // warm-up
const tokens: number[] = [];
for (let i = 0; i < TURNS; i += 1) tokens.push(await firstToken(i));
tokens.sort((a, b) => a - b);
const token = { p50: percentile(tokens, 50), p99: percentile(tokens, 99) };
console.log(`send → first streamed token: p50 ${token.p50} ms, p99 ${token.p99} ms over ${TURNS} turns`);

await app.close();
await system.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ bundleGzipBytes: bundle.gzipBytes, launcherMs: launcher, appearanceFetchMs: appearanceMs, firstTokenMs: token, loads: LOADS, turns: TURNS }));
