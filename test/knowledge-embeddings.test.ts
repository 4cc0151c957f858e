import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openAiEmbeddings } from '../src/integrations/models/index';
import { skipWithoutPostgres } from './support/databases';
import { startEmbeddingsServer } from './support/openai-embeddings-server';
import { bearer, createStore, startTestSystem } from './support/system';

const API_KEY = 'sk-test-0123456789';

describe('OpenAI-compatible embeddings through the official SDK', () => {
  let server: Awaited<ReturnType<typeof startEmbeddingsServer>>;
  before(async () => {
    server = await startEmbeddingsServer({ apiKey: API_KEY, rateLimitFirst: 1 });
  });
  after(() => server.close());

  test('batches, asks for the configured dimension, retries a 429, returns unit vectors in order', async () => {
    const embeddings = openAiEmbeddings({ apiKey: API_KEY, baseURL: server.baseURL, model: 'text-embedding-3-small', dims: 64, batchSize: 2 });
    assert.equal(embeddings.model, 'openai:text-embedding-3-small@64');
    const vectors = await embeddings.embed(['waterproof jacket', 'ceramic mug', 'jackets that are waterproof']);
    assert.equal(vectors.length, 3);
    for (const vector of vectors) assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-5);
    const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
    assert.ok(cosine(vectors[0]!, vectors[2]!) > cosine(vectors[0]!, vectors[1]!), 'order is kept');
    assert.deepEqual(
      server.requests.map((r) => [r.inputs, r.dimensions, r.model]),
      [
        [2, 64, 'text-embedding-3-small'],
        [1, 64, 'text-embedding-3-small'],
      ],
    );
  });

  test('a wrong key is an error, not an empty result', async () => {
    const embeddings = openAiEmbeddings({ apiKey: 'sk-wrong', baseURL: server.baseURL, model: 'text-embedding-3-small', dims: 64 });
    await assert.rejects(embeddings.embed(['x']), /401|Incorrect API key/);
  });

  // Two deployments of one database, configured with different models: needs a database both can open.
  test(
    'a store embedded with one model is re-embedded with another by `reembed`; until then vector search is off and ingestion refuses',
    { skip: skipWithoutPostgres },
    async () => {
      const local = await startTestSystem({ backend: 'postgres' });
      try {
        const store = await createStore(local);
        const ingest = await local.app.inject({
          method: 'POST',
          url: '/v1/knowledge/documents',
          headers: bearer(store.apiKey),
          payload: { format: 'markdown', content: '# Shipping\n\nWe ship to Canada and the UK.' },
        });
        assert.equal(ingest.statusCode, 202);
        assert.ok(await local.system.ingestion.settled(store.storeId));
        assert.equal(await local.system.knowledge.reembed(store.storeId), 1, 'reembed with the same model rewrites every chunk');

        // The same database, now configured for OpenAI-compatible embeddings of 64 dimensions.
        const remote = await startTestSystem({
          shareWith: local,
          env: { CONCIERGE_EMBEDDINGS: 'openai', OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: server.baseURL, CONCIERGE_EMBEDDINGS_DIMS: '64' },
        });
        const warnings: string[] = [];
        const onWarning = (warning: Error) => warnings.push(warning.message);
        process.on('warning', onWarning);
        try {
          const vectorOnly = async () =>
            (await remote.app.inject({ method: 'GET', url: '/v1/knowledge/search?q=ship%20canada&mode=vector', headers: bearer(store.apiKey) })).json()
              .data as unknown[];
          assert.deepEqual(await vectorOnly(), [], 'vectors of another model are never compared');
          const refused = await remote.app.inject({
            method: 'POST',
            url: '/v1/knowledge/documents',
            headers: bearer(store.apiKey),
            payload: { format: 'text', title: 'Hours', content: 'Open 9 to 5.' },
          });
          assert.equal(refused.statusCode, 409);
          assert.match(refused.json().error.message, /kb reembed/);
          assert.equal(await remote.system.knowledge.reembed(store.storeId), 1);
          assert.equal((await vectorOnly()).length, 1);
          assert.equal(
            (
              await remote.app.inject({
                method: 'POST',
                url: '/v1/knowledge/documents',
                headers: bearer(store.apiKey),
                payload: { format: 'text', title: 'Hours', content: 'Open 9 to 5.' },
              })
            ).statusCode,
            202,
          );
          assert.ok(await remote.system.ingestion.settled(store.storeId));
          const [space] = await remote.system.database.query<{ embedding_model: string; dims: number }>(
            'SELECT embedding_model, dims FROM knowledge_spaces WHERE store_id = $1',
            [store.storeId],
          );
          assert.deepEqual(space, { embedding_model: 'openai:text-embedding-3-small@64', dims: 64 });
          await new Promise((resolve) => setImmediate(resolve));
          assert.ok(warnings.some((w) => /concierge kb reembed/.test(w)));
        } finally {
          process.off('warning', onWarning);
          await remote.close();
        }
      } finally {
        await local.close();
      }
    },
  );
});

describe('the pretrained sentence encoder as the knowledge base embeddings (CONCIERGE_EMBEDDINGS=encoder)', () => {
  test('chunks are embedded at ingestion with the encoder, and a question in other words finds its passage by vector alone', async () => {
    const system = await startTestSystem({ env: { CONCIERGE_EMBEDDINGS: 'encoder' } });
    try {
      const store = await createStore(system);
      assert.equal(system.system.knowledge.embeddingModel, 'use-lite-512');
      for (const [source, content] of [
        ['refunds.md', '# Refunds\n\n## Getting your money back\n\nOnce the returned item is inspected, the payment is reversed to the card you used within five business days.'],
        ['delivery.md', '# Delivery\n\n## Overseas parcels\n\nWe send parcels to most countries in Europe and Asia; customs duties are paid by the recipient.'],
        ['care.md', '# Care\n\n## Washing wool\n\nHand wash in cold water and dry flat, away from the sun.'],
      ] as const) {
        await system.system.knowledge.ingest(store.storeId, { source, format: 'markdown', content });
      }
      const [hit] = await system.system.knowledge.search(store.storeId, 'can I order from Finland?', { mode: 'vector', k: 1 });
      assert.equal(hit?.source, 'delivery.md');
      const [reimbursed] = await system.system.knowledge.search(store.storeId, 'how soon am I reimbursed', { mode: 'vector', k: 1 });
      assert.equal(reimbursed?.source, 'refunds.md');
    } finally {
      await system.close();
    }
  });
  test("a passage's sentences are embedded with its heading, kept beside its vector and re-embedded; a detail past the 128 word pieces the encoder reads of a passage is found", async () => {
    const system = await startTestSystem({ env: { CONCIERGE_EMBEDDINGS: 'encoder' } });
    try {
      const store = await createStore(system);
      const carriers = [
        'We ship with UPS and USPS, and we pick whichever carrier is faster for your address.',
        'You cannot choose the carrier at checkout, and we cannot change it once the label is printed.',
        'A shipping confirmation with a tracking link is e-mailed as soon as the parcel leaves our warehouse.',
        'Tracking can take up to a day to show the first scan, so please do not worry if it looks empty at first.',
        'If your tracking has not moved for five business days, contact us and we will open an investigation with the carrier.',
        'We cannot be held responsible for delays caused by weather or peak season, but we will always help you chase a parcel.',
        'Orders over $500 need a signature when they are delivered, and the driver will not leave them on the doorstep.',
      ].join(' ');
      for (const [source, content] of [
        ['shipping.md', `# Shipping\n\n## Carriers and tracking\n\n${carriers}`],
        ['returns.md', '# Returns\n\n## Furniture\n\nFurniture can be returned within 30 days in its original packaging; a collection fee applies.'],
        ['payments.md', '# Payments\n\n## Methods\n\nWe accept Visa, Mastercard, PayPal and Klarna; you can split the cost into four payments.'],
        ['gift-cards.md', '# Gift cards\n\n## Using a gift card\n\nGift cards never expire and can be used online and in our stores.'],
      ] as const) {
        await system.system.knowledge.ingest(store.storeId, { source, format: 'markdown', content });
      }
      for (const mode of ['vector', 'hybrid'] as const) {
        const [hit] = await system.system.knowledge.search(store.storeId, 'can the driver just leave my expensive order at the door', { mode, k: 1 });
        assert.equal(hit?.source, 'shipping.md', mode);
      }
      const stored = async () =>
        (await system.system.database.query<{ n: number }>('SELECT octet_length(unit_embeddings) / (4 + dims) AS n FROM knowledge_chunks ORDER BY id')).map((row) => Number(row.n));
      // Seven sentences and the heading; one sentence and the heading for each other passage.
      assert.deepEqual((await stored()).sort(), [2, 2, 2, 8]);
      await system.system.database.query('UPDATE knowledge_chunks SET unit_embeddings = NULL');
      assert.equal(await system.system.knowledge.reembed(store.storeId), 4);
      assert.deepEqual((await stored()).sort(), [2, 2, 2, 8]);
    } finally {
      await system.close();
    }
  });
});
