import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { minimalPdf } from '../src/knowledge/ingest/minimal-pdf.fixture';
import { skipWithoutPostgres } from './support/databases';
import { uploadAndWait } from './support/knowledge';
import { bearer, createStore, startTestSystem, startTwoStores, type TestStore, type TestSystem } from './support/system';

type Hit = { title: string; titlePath: string[]; source: string; content: string; score: number; kind: string };

const SHIPPING = `# Shipping

## Where do you ship?
We ship to the United States, Canada and the United Kingdom. We do not ship to PO boxes outside the United States.

## How long does delivery take?
Standard delivery takes 3 to 5 business days after dispatch.
`;

/** The knowledge API on one backend: ingestion of every format, re-ingestion, removal, search, isolation. */
function knowledgeSuite(backend: 'pglite' | 'postgres') {
  let t: TestSystem;
  let a: TestStore;
  let b: TestStore;
  before(async () => ({ t, a, b } = await startTwoStores(backend)));
  after(() => t?.close());

  const ingest = (key: string, payload: Record<string, unknown>) => uploadAndWait(t, key, payload);
  const search = async (key: string, q: string, extra = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/knowledge/search?q=${encodeURIComponent(q)}${extra}`, headers: bearer(key) });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { data: Hit[]; mode: string; vectorBackend: string };
  };

  test('Markdown, HTML, text and PDF are ingested, chunked with title paths, and found', async () => {
    const md = await ingest(a.apiKey, { format: 'markdown', content: SHIPPING, source: 'shipping.md' });
    assert.equal(md.response.statusCode, 202, md.response.body);
    assert.equal(md.response.json().document.status, 'processing', 'answered before it is indexed');
    assert.equal(md.document!.status, 'ready');
    assert.equal(md.document!.title, 'Shipping');
    assert.equal(md.document!.chunkCount, 2);
    const html = await ingest(a.apiKey, {
      format: 'html',
      content: '<h1>Gift cards</h1><p>Gift cards never expire and are delivered by e-mail.</p>',
      source: 'https://shop.test/gift-cards',
    });
    assert.equal(html.document?.status, 'ready', html.response.body);
    const text = await ingest(a.apiKey, { format: 'text', title: 'Store hours', content: 'Our support team answers Monday to Friday, 9 am to 6 pm.' });
    assert.equal(text.document?.status, 'ready', text.response.body);
    const pdf = await ingest(a.apiKey, {
      format: 'pdf',
      source: 'warranty.pdf',
      title: 'Warranty',
      content: Buffer.from(minimalPdf([['Every tent has a two-year warranty against defects.']])).toString('base64'),
    });
    assert.equal(pdf.document?.status, 'ready', pdf.response.body);
    const untitled = await ingest(a.apiKey, { format: 'markdown', content: '# Loyalty points\n\nEvery dollar spent earns one point.' });
    assert.equal(untitled.document?.title, 'Loyalty points', 'a document sent without source or title is named by its heading once read');
    assert.equal(untitled.document?.source, 'Loyalty points');
    assert.equal(untitled.document?.id, untitled.response.json().document.id, 'and keeps the id it was accepted with');

    const canada = await search(a.apiKey, 'can you send a parcel to toronto');
    assert.deepEqual(canada.data[0]!.titlePath, ['Shipping', 'Where do you ship?']);
    assert.equal(canada.data[0]!.source, 'shipping.md');
    assert.equal(canada.vectorBackend, backend === 'pglite' ? 'pgvector' : 'exact');
    assert.equal((await search(a.apiKey, 'do giftcards expire')).data[0]!.title, 'Gift cards');
    assert.equal((await search(a.apiKey, 'when is customer service open')).data[0]!.title, 'Store hours');
    const tent = (await search(a.apiKey, 'tent waranty')).data[0]!;
    assert.deepEqual(tent.titlePath, ['Warranty', 'page 1']);
    assert.match(tent.content, /two-year warranty/);
    for (const mode of ['lexical', 'vector'] as const) {
      const only = await search(a.apiKey, 'how many business days is delivery', `&mode=${mode}`);
      assert.equal(only.mode, mode);
      assert.deepEqual(only.data[0]!.titlePath, ['Shipping', 'How long does delivery take?'], mode);
    }
  });

  test("a store never sees another store's documents", async () => {
    assert.equal((await search(b.apiKey, 'ship to canada')).data.length, 0);
    assert.equal((await search(b.apiKey, 'ship to canada', '&mode=vector')).data.length, 0);
    const listed = await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents', headers: bearer(b.apiKey) });
    assert.deepEqual(listed.json().data, []);
    const theirs = (await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents', headers: bearer(a.apiKey) })).json().data as { id: string }[];
    const removal = await t.app.inject({ method: 'DELETE', url: `/v1/knowledge/documents/${theirs[0]!.id}`, headers: bearer(b.apiKey) });
    assert.equal(removal.statusCode, 404);
    // Same source in another store is another document.
    assert.equal((await ingest(b.apiKey, { format: 'markdown', content: '# Shipping\n\nWe only ship within Germany.', source: 'shipping.md' })).document?.status, 'ready');
    assert.match((await search(a.apiKey, 'where do you ship')).data[0]!.content, /Canada/);
    assert.match((await search(b.apiKey, 'where do you ship')).data[0]!.content, /Germany/);
  });

  test('re-ingesting a source replaces its chunks; the same content again changes nothing', async () => {
    const again = await ingest(a.apiKey, { format: 'markdown', content: SHIPPING, source: 'shipping.md' });
    assert.equal(again.response.statusCode, 200);
    assert.equal(again.response.json().outcome, 'unchanged');
    const changed = await ingest(a.apiKey, {
      format: 'markdown',
      content: '# Shipping\n\n## Where do you ship?\nWe ship to Australia and New Zealand only.',
      source: 'shipping.md',
    });
    assert.equal(changed.response.json().outcome, 'accepted');
    assert.equal(changed.document!.id, again.document!.id, 'the same document');
    assert.equal(changed.document!.chunkCount, 1);
    const rows = await t.system.database.query<{ content: string }>(
      'SELECT c.content FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE d.store_id = $1 AND d.source = $2',
      [a.storeId, 'shipping.md'],
    );
    assert.deepEqual(
      rows.map((r) => r.content),
      ['We ship to Australia and New Zealand only.'],
    );
    for (const mode of ['hybrid', 'lexical', 'vector']) {
      const hits = (await search(a.apiKey, 'do you ship to canada', `&mode=${mode}`)).data;
      assert.ok(
        hits.every((hit) => !/Canada/.test(hit.content)),
        `${mode}: the old chunks are gone`,
      );
    }
    assert.match((await search(a.apiKey, 'do you deliver to sydney')).data[0]!.content, /Australia/);
  });

  test('two uploads of one document in a row: the later one is what ends indexed', async () => {
    const send = (content: string) => t.app.inject({ method: 'POST', url: '/v1/knowledge/documents', headers: bearer(a.apiKey), payload: { format: 'markdown', source: 'returns.md', content } });
    const first = await send('# Returns\n\nReturns are accepted within 14 days.');
    const second = await send('# Returns\n\nReturns are accepted within 60 days.');
    assert.equal(first.statusCode, 202);
    assert.equal(second.statusCode, 202);
    assert.equal(second.json().document.id, first.json().document.id, 'the same document');
    assert.ok(await t.system.ingestion.settled(a.storeId));
    const rows = await t.system.database.query<{ content: string; status: string }>(
      'SELECT c.content, d.status FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE d.store_id = $1 AND d.source = $2',
      [a.storeId, 'returns.md'],
    );
    assert.deepEqual(rows, [{ content: 'Returns are accepted within 60 days.', status: 'ready' }]);
    assert.deepEqual(await t.system.database.query('SELECT id FROM knowledge_uploads WHERE store_id = $1', [a.storeId]), [], 'no upload is left behind');
  });

  test('removing a document removes its passages from search', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents?limit=500', headers: bearer(a.apiKey) })).json().data as {
      id: string;
      title: string;
    }[];
    const giftCards = list.find((d) => d.title === 'Gift cards')!;
    const removal = await t.app.inject({ method: 'DELETE', url: `/v1/knowledge/documents/${giftCards.id}`, headers: bearer(a.apiKey) });
    assert.equal(removal.statusCode, 204);
    assert.ok((await search(a.apiKey, 'do gift cards expire')).data.every((hit) => hit.title !== 'Gift cards'));
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1/knowledge/documents/${giftCards.id}`, headers: bearer(a.apiKey) })).statusCode, 404);
  });

  test('bad input gets a clear error and changes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents', headers: bearer(a.apiKey) })).json().data.length;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ format: 'docx', content: 'x' }, 400, 'validation_failed'],
      [{ format: 'markdown', content: '' }, 400, 'validation_failed'],
      [{ format: 'pdf', content: 'not base64!' }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const { response } = await ingest(a.apiKey, payload);
      assert.equal(response.statusCode, status, `${JSON.stringify(payload)} → ${response.body}`);
      assert.equal(response.json().error.code, code);
    }
    const widget = await ingest(a.widgetKey, { format: 'text', content: 'hello' });
    assert.equal(widget.response.statusCode, 403);
    const noQuery = await t.app.inject({ method: 'GET', url: '/v1/knowledge/search?q=', headers: bearer(a.apiKey) });
    assert.equal(noQuery.statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/knowledge/documents', headers: bearer(a.apiKey) })).json().data.length, before);
  });

  test('a document that cannot be read is accepted, then shown failed with the reason; what was indexed before stays', async () => {
    const broken = await ingest(a.apiKey, { format: 'pdf', source: 'broken.pdf', content: Buffer.from('not a pdf').toString('base64') });
    assert.equal(broken.response.statusCode, 202);
    assert.equal(broken.document?.status, 'failed');
    assert.match(broken.document!.statusReason!, /pdf document could not be read/);
    const empty = await ingest(a.apiKey, { format: 'markdown', source: 'empty.md', content: '# Only a title' });
    assert.equal(empty.document?.status, 'failed');
    assert.match(empty.document!.statusReason!, /no text/);
    // A readable document replaced by an unreadable upload keeps its passages, and says the new one failed.
    const hours = await ingest(a.apiKey, { format: 'markdown', source: 'hours.md', content: '# Opening hours\n\nWe answer on Sundays from noon.' });
    assert.equal(hours.document?.status, 'ready');
    const spoilt = await ingest(a.apiKey, { format: 'markdown', source: 'hours.md', content: '# Opening hours' });
    assert.equal(spoilt.document?.id, hours.document!.id);
    assert.equal(spoilt.document?.status, 'failed');
    assert.match((await search(a.apiKey, 'are you open on sunday')).data[0]!.content, /Sundays from noon/);
    const missing = await t.app.inject({ method: 'GET', url: `/v1/knowledge/documents/${crypto.randomUUID()}`, headers: bearer(a.apiKey) });
    assert.equal(missing.statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/v1/knowledge/documents/${hours.document!.id}`, headers: bearer(b.apiKey) })).statusCode, 404);
  });
}

describe('knowledge base on PGlite (pgvector HNSW)', () => knowledgeSuite('pglite'));
describe('knowledge base on PostgreSQL without pgvector (exact scan)', { skip: skipWithoutPostgres }, () => {
  knowledgeSuite('postgres');
  test('two instances: vectors held in memory by one follow what the other writes and removes', async () => {
    const one = await startTestSystem({ backend: 'postgres' });
    const two = await startTestSystem({ shareWith: one });
    try {
      const store = await createStore(one);
      const vectorHits = async (t: TestSystem, q: string) =>
        (await t.app.inject({ method: 'GET', url: `/v1/knowledge/search?q=${encodeURIComponent(q)}&mode=vector`, headers: bearer(store.apiKey) })).json()
          .data as Hit[];
      const add = async (t: TestSystem, source: string, content: string) => (await uploadAndWait(t, store.apiKey, { format: 'markdown', source, content })).document!;
      assert.equal((await add(one, 'a.md', '# Shipping\n\nWe ship to Canada.')).status, 'ready');
      assert.equal((await vectorHits(two, 'ship to canada')).length, 1, 'the second instance loads the vectors');
      const second = await add(one, 'b.md', '# Gift cards\n\nGift cards never expire.');
      assert.equal((await vectorHits(two, 'gift card expiry')).length, 2, 'and catches up with a new document');
      await one.app.inject({ method: 'DELETE', url: `/v1/knowledge/documents/${second.id}`, headers: bearer(store.apiKey) });
      assert.deepEqual(
        (await vectorHits(two, 'gift card expiry')).map((hit) => hit.title),
        ['Shipping'],
        'and drops a removed one',
      );
      await add(two, 'a.md', '# Shipping\n\nWe ship to Mexico only.');
      assert.match((await vectorHits(one, 'ship'))[0]!.content, /Mexico/, 'a replaced document, seen from the first');
    } finally {
      await two.close();
      await one.close();
    }
  });

  test('the missing extension is reported once at start and nothing needs it', async () => {
    const t = await startTestSystem({ backend: 'postgres' });
    try {
      assert.equal(t.system.knowledge.vectorBackend, 'exact');
      assert.equal(t.system.notices.filter((notice) => /pgvector is not installed/.test(notice)).length, 1);
      assert.deepEqual(await t.system.database.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'"), []);
    } finally {
      await t.close();
    }
  });
});
