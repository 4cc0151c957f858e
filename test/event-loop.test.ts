import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { healthzDuring, startLoopMonitor, type LoopMonitor } from './support/loop-monitor';
import { createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

// The longest the event loop may be held while a request *and the ingestion it started* run, measured in process
// (the loop's busy time between two ticks of a 5 ms timer). Before uploads went to a job, a 1 MB document held it
// 0.6–1.8 s (one PGlite statement of 8 chunks into the HNSW index, the periodic ANALYZE, a COMMIT that zero-filled
// a new WAL segment); now each slice is ~20–60 ms of work and reads 40–150 ms at load average ~15 on 2 cores,
// where a busy thread waits for a core between its own slices. 200 ms keeps that margin and still fails the old
// code by a factor of 3 to 9. The strict figure (< 50 ms) is `npm run bench:loop`'s.
const LONGEST_BLOCK_MS = 200;
// The deep JSON body is one JSON.parse, indivisible and untouched by ingestion (~40 ms of work, 43–76 ms in bench:loop):
// at load average ~17 it has read 257 ms, so it keeps the bound the requests had before ingestion moved to a job.
const PARSE_BLOCK_MS = 500;

const longWord = 'abcdefghij'.repeat(2000); // 20,000 characters, no space
const joiners = '\u200d'.repeat(5000);
const proseMegabyte = 'Our parcels leave the warehouse within two working days. '.repeat(18_400); // ~1 MB

type Outcome = { status: number; document?: { id: string; title: string; status: string; statusReason: string | null; chunkCount: number; tokenCount: number } };

describe('no request holds the event loop, nor the ingestion it starts', () => {
  let t: TestSystem;
  let store: TestStore;
  let baseUrl: string;
  let monitor: LoopMonitor;
  before(async () => {
    t = await startTestSystem();
    store = await createStore(t, 'Loop Store');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    monitor = startLoopMonitor();
  });
  after(async () => {
    monitor?.stop();
    await t?.close();
  });

  const auth = () => ({ authorization: `Bearer ${store.apiKey}` });
  const post = (url: string, body: unknown) =>
    fetch(`${baseUrl}${url}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  /** Uploads as a shop's tool would, then asks for the document until it is no longer processing. */
  async function upload(payload: Record<string, unknown>): Promise<Outcome> {
    const response = await post('/v1/knowledge/documents', payload);
    const body = await response.text();
    if (response.status !== 202) return { status: response.status };
    const id = (JSON.parse(body) as { document: { id: string; status: string } }).document.id;
    for (;;) {
      const document = (await (await fetch(`${baseUrl}/v1/knowledge/documents/${id}`, { headers: auth() })).json()) as Outcome['document'] & {};
      if (document.status !== 'processing') return { status: 202, document };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const cases: [string, () => Promise<Outcome>, number, string | RegExp, number?][] = [
    ['a shop owner uploads a 1 MB help-centre article', () => upload({ format: 'text', title: 'Megabyte', content: proseMegabyte }), 202, 'ready'],
    ['a shop owner pastes a 20,000-character word into a help article', () => upload({ format: 'text', title: 'Long word', content: longWord }), 202, 'ready'],
    ['an article made of 5,000 zero-width joiners', () => upload({ format: 'text', title: 'Joiners', content: joiners }), 202, /^(ready|failed)$/],
    ['Markdown full of unclosed emphasis and links', () => upload({ format: 'markdown', title: 'Marks', content: `${' _a'.repeat(20000)}\n\n${'[a]('.repeat(20000)}\n\n# a${' '.repeat(50000)}b` }), 202, 'ready'],
    ['HTML nested 100,000 elements deep', () => upload({ format: 'html', title: 'Deep', content: '<div>'.repeat(100000) }), 202, 'failed'],
    [
      'a catalog import whose product descriptions are one long word and a run of "<"',
      async () => {
        const response = await post(`/v1/stores/${store.storeId}/catalog/import`, {
          products: [
            { id: 9001, title: 'Long word tee', body_html: `<p>${longWord}</p>`, variants: [{ id: 1, price: '10.00' }] },
            { id: 9002, title: 'Angle tee', body_html: '<'.repeat(30000), variants: [{ id: 2, price: '12.00' }] },
          ],
        });
        assert.equal(((await response.json()) as { knowledge: string }).knowledge, 'processing');
        assert.ok(await t.system.ingestion.settled(store.storeId), 'the products were indexed');
        return { status: response.status };
      },
      200,
      '',
    ],
    [
      'a JSON body nested 50,000 levels deep',
      async () => {
        const response = await post('/v1/conversations', `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`);
        assert.match(await response.text(), /^\{"error":\{"code":"[a-z_]+","message":".+","requestId":"[^"]+"/);
        return { status: response.status };
      },
      400,
      '',
      PARSE_BLOCK_MS,
    ],
  ];

  for (const [name, send, status, ended, bound = LONGEST_BLOCK_MS] of cases)
    test(`${name}: answered ${status}${ended ? `, then ${String(ended)}` : ''}, /healthz answered meanwhile, no long block`, async () => {
      monitor.reset();
      const { result, answered } = await healthzDuring(baseUrl, send);
      assert.equal(result.status, status);
      if (ended) assert.match(result.document!.status, typeof ended === 'string' ? new RegExp(`^${ended}$`) : ended, JSON.stringify(result.document));
      assert.ok(answered >= 1, '/healthz was answered while the request and its ingestion ran');
      const longest = monitor.longestBlockMs();
      assert.ok(longest < bound, `the event loop was held for ${longest.toFixed(0)} ms`);
    });

  test('the 1 MB upload is answered before it is indexed, and /healthz stays quick meanwhile', async () => {
    const started = performance.now();
    const response = await post('/v1/knowledge/documents', { format: 'text', title: 'Megabyte again', content: `${proseMegabyte} Again.` });
    const answeredMs = performance.now() - started;
    assert.equal(response.status, 202);
    assert.equal(((await response.json()) as { document: { status: string } }).document.status, 'processing');
    const { slowestMs } = await healthzDuring(baseUrl, async () => assert.ok(await t.system.ingestion.settled(store.storeId)));
    // A /healthz round trip is the loop's longest stall plus the machine's scheduling: the same margin as above, doubled.
    assert.ok(slowestMs < 2 * LONGEST_BLOCK_MS, `/healthz took ${slowestMs.toFixed(0)} ms while the document was indexed`);
    assert.ok(answeredMs < 2_000, `answered in ${answeredMs.toFixed(0)} ms`);
  });

  test('the deep HTML is failed with its reason; the long word is searchable, cut into chunks of at most 500 tokens', async () => {
    const response = await fetch(`${baseUrl}/v1/knowledge/documents?limit=100`, { headers: auth() });
    const documents = ((await response.json()) as { data: NonNullable<Outcome['document']>[] }).data;
    const deep = documents.find((document) => document.title === 'Deep');
    assert.match(deep?.statusReason ?? '', /nested deeper than 512/);
    const long = documents.find((document) => document.title === 'Long word');
    assert.ok(long, JSON.stringify(documents.map((d) => d.title)));
    assert.ok(long.chunkCount >= 5 && long.tokenCount <= long.chunkCount * 500, JSON.stringify(long));
    const megabyte = documents.find((document) => document.title === 'Megabyte');
    assert.equal(megabyte?.status, 'ready');
    assert.ok(megabyte.chunkCount > 400, JSON.stringify(megabyte));
  });
});
