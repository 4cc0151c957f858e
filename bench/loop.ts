// npm run bench:loop — how long pathological requests and their ingestion hold the event loop (target: < 50 ms each), on the
// embedded default (PGlite runs on the server's own thread, so its statements count too) or on PostgreSQL. Each case runs
// three times after one warm-up; /healthz is asked every 20 ms meanwhile. Last line: one JSON object.
// The strict figure lives here, not in test/event-loop.test.ts, whose bound survives a loaded CI machine.
import { healthzDuring, startLoopMonitor } from '../test/support/loop-monitor';
import { createStore, startTestSystem } from '../test/support/system';

const RUNS = Number(process.env.BENCH_LOOP_RUNS ?? 3);
const TARGET_MS = 50;

// BENCH_LOOP_BACKEND=postgres (with DATABASE_URL set) runs it in server mode, where the database works in its own process.
const backend = process.env.BENCH_LOOP_BACKEND === 'postgres' ? 'postgres' : 'pglite';
const t = await startTestSystem({ backend });
const store = await createStore(t, 'Loop bench');
const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
let answeredAt = 0;
const post = async (url: string, body: unknown) => {
  const response = await fetch(`${baseUrl}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${store.apiKey}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  answeredAt = performance.now();
  return response;
};
// Uploads are answered at once and indexed by a job (docs/adr/0033): a case runs until the store's ingestion has settled,
// so the figures cover the background work as well as the request.
const settled = async (response: Response) => {
  await t.system.ingestion.settled(store.storeId);
  return response;
};
const document = (name: string, format: string, content: string) => async (run: number) => settled(await post('/v1/knowledge/documents', { format, title: `${name} ${run}`, content }));
const longWord = 'abcdefghij'.repeat(2000);

const cases: Record<string, (run: number) => Promise<Response>> = {
  word_20000_chars: document('Long word', 'text', longWord),
  zwj_5000: document('Joiners', 'text', '\u200d'.repeat(5000)),
  emoji_family_5000: document('Emoji', 'text', '👨‍👩‍👧'.repeat(5000)),
  markdown_unclosed_marks_1mb: document('Marks', 'markdown', `${' _a'.repeat(100000)}\n\n${'[a]('.repeat(100000)}\n\n# a${' '.repeat(100000)}b`),
  prose_1mb: document('Prose', 'markdown', 'The quick brown fox jumps over the lazy dog. '.repeat(23000)),
  html_deep_100000: document('Deep', 'html', '<div>'.repeat(100000)),
  catalog_long_body_html: async (run) =>
    settled(await post(`/v1/stores/${store.storeId}/catalog/import`, {
      products: [
        { id: 9001 + run * 2, title: `Long word tee ${run}`, body_html: `<p>${longWord}</p>`, variants: [{ id: 1 + run * 2, price: '10.00' }] },
        { id: 9002 + run * 2, title: `Angle tee ${run}`, body_html: '<'.repeat(200000), variants: [{ id: 2 + run * 2, price: '12.00' }] },
      ],
    })),
  json_nested_50000: () => post('/v1/conversations', `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`),
};

const monitor = startLoopMonitor();
const figures: Record<string, { status: number; answeredMs: number; wallMs: number; longestBlockMs: number; longestGapMs: number; healthzSlowestMs: number }> = {};
// BENCH_LOOP_CASES=prose_1mb,zwj_5000 runs only those.
const only = process.env.BENCH_LOOP_CASES?.split(',');
for (const [name, send] of Object.entries(cases).filter(([name]) => !only || only.includes(name))) {
  await (await send(100)).arrayBuffer(); // warm-up
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    monitor.reset();
    const started = performance.now();
    const { result, slowestMs } = await healthzDuring(baseUrl, async () => {
      const response = await send(run);
      await response.arrayBuffer();
      return response.status;
    });
    runs.push({ status: result, answeredMs: answeredAt - started, wallMs: performance.now() - started, longestBlockMs: monitor.longestBlockMs(), longestGapMs: monitor.longestGapMs(), healthzSlowestMs: slowestMs });
  }
  const worst = runs.reduce((a, b) => (b.longestBlockMs > a.longestBlockMs ? b : a));
  figures[name] = {
    status: worst.status,
    answeredMs: Math.round(Math.max(...runs.map((r) => r.answeredMs))),
    wallMs: Math.round(Math.max(...runs.map((r) => r.wallMs))),
    longestBlockMs: Math.round(worst.longestBlockMs),
    longestGapMs: Math.round(Math.max(...runs.map((r) => r.longestGapMs))),
    healthzSlowestMs: Math.round(Math.max(...runs.map((r) => r.healthzSlowestMs))),
  };
  console.log(name.padEnd(28), JSON.stringify(figures[name]));
}
monitor.stop();
await t.close();
const longest = Math.max(...Object.values(figures).map((f) => f.longestBlockMs));
const [load1] = (await import('node:os')).loadavg();
// The 1 MB documents: how long the upload took to answer, and the longest stall while it was indexed in the background.
const megabyte = [figures.prose_1mb, figures.markdown_unclosed_marks_1mb].filter((f) => f !== undefined);
const ingestion1mb = megabyte.length ? { answeredMs: Math.max(...megabyte.map((f) => f.answeredMs)), longestBlockMs: Math.max(...megabyte.map((f) => f.longestBlockMs)) } : undefined;
console.log(JSON.stringify({ bench: 'loop', backend, runs: RUNS, targetMs: TARGET_MS, longestBlockMs: longest, withinTarget: longest < TARGET_MS, ingestion1mb, loadAverage: Number(load1!.toFixed(1)), cases: figures }));
