// npm run bench:kb — the knowledge base at scale: ingestion throughput (chunks per second, through
// the whole pipeline: parse, chunk, embed, index) and hybrid query latency p50/p99 at 10,000 and
// 100,000 chunks, on PGlite (pgvector HNSW) and, when DATABASE_URL is set, on PostgreSQL (exact
// scan where pgvector is missing). One store; synthetic catalog-like articles of ~100-token
// sections; queries are the shopper questions of the evaluation set. BENCH_KB_EMBEDDINGS=encoder for the
// sentence encoder (default: local word vectors).
import { createSystem, type System } from '../src/compose';
import { freshPostgresDatabase } from '../test/support/databases';
import { percentile } from './support/percentile';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { loadRetrievalSet } from '../src/knowledge/eval/evaluate';
import { vectorsWordsPath } from '../src/text/word-vectors';
import { readFileSync } from 'node:fs';

const SIZES = (process.env.BENCH_KB_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_KB_QUERIES ?? 600);
const BACKENDS = (process.env.BENCH_KB_BACKENDS ?? 'pglite,postgres').split(',');
// `encoder` measures the sentence encoder (its passages scored by their sentences too, docs/adr/0040).
const EMBEDDINGS = process.env.BENCH_KB_EMBEDDINGS ?? 'local';
const SECTIONS_PER_DOCUMENT = 20;

// A seeded generator: the same corpus every run.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const vocabulary = readFileSync(vectorsWordsPath, 'utf8')
  .split('\n')
  .slice(150, 15_000)
  .filter((w) => /^[a-z]{3,}$/.test(w));
const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(random() * 8) }, pick);
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
};
const document = (n: number) =>
  `# Article ${n}: ${pick()} ${pick()}\n\n${Array.from({ length: SECTIONS_PER_DOCUMENT }, () => `## ${pick()} ${pick()} ${pick()}\n\n${Array.from({ length: 5 }, sentence).join(' ')}`).join('\n\n')}`;

async function queryLatency(system: System, storeId: string) {
  const questions = loadRetrievalSet().map((c) => c.q);
  const first = performance.now();
  await system.knowledge.search(storeId, questions[0]!); // the exact-scan path loads the store's vectors here
  const coldMs = Number((performance.now() - first).toFixed(1));
  for (let i = 0; i < 50; i += 1) await system.knowledge.search(storeId, questions[i % questions.length]!);
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i += 1) {
    const started = performance.now();
    await system.knowledge.search(storeId, questions[i % questions.length]!);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), coldMs };
}

async function run(backend: 'pglite' | 'postgres') {
  const fresh = backend === 'postgres' ? await freshPostgresDatabase(process.env.DATABASE_URL, 'concierge_bench') : undefined;
  const env = loadEnv({
    CONCIERGE_DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    CONCIERGE_ENCRYPTION_KEY: generateKey(),
    CONCIERGE_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    CONCIERGE_EMBEDDINGS: EMBEDDINGS,
    ...(fresh ? { DATABASE_URL: fresh.url } : {}),
  });
  const system = await createSystem(env);
  const figures: Record<string, number | string> = { vectorBackend: system.knowledge.vectorBackend, embeddings: system.knowledge.embeddingModel };
  try {
    const { store } = await system.stores.create({ name: 'Bench' });
    let chunks = 0;
    let documents = 0;
    let ingestMs = 0;
    for (const size of SIZES) {
      while (chunks < size) {
        const started = performance.now();
        const { document: made } = await system.knowledge.ingest(store.id, {
          format: 'markdown',
          source: `article-${documents}.md`,
          content: document(documents),
        });
        ingestMs += performance.now() - started;
        chunks += made.chunkCount;
        documents += 1;
        if (documents % 500 === 0) process.stderr.write(`${backend}: ${chunks} chunks\n`);
      }
      // Steady state, as a store sees it after a load: the bulk insert vacuumed and analysed (on
      // PostgreSQL autovacuum would otherwise do it during the measurement).
      await system.database.query('VACUUM ANALYZE knowledge_chunks');
      await system.database.query('VACUUM ANALYZE knowledge_documents');
      const latency = await queryLatency(system, store.id);
      const label = `${size / 1000}k`;
      figures[`${label}QueryP50Ms`] = latency.p50Ms;
      figures[`${label}QueryP99Ms`] = latency.p99Ms;
      figures[`${label}FirstQueryMs`] = latency.coldMs;
      figures[`${label}IngestChunksPerSecond`] = Math.round(chunks / (ingestMs / 1000));
      process.stderr.write(`${backend} @ ${chunks} chunks: ${JSON.stringify(latency)}, ingest ${figures[`${label}IngestChunksPerSecond`]} chunks/s\n`);
    }
  } finally {
    await system.close();
    await fresh?.drop();
  }
  return figures;
}

const results: Record<string, number | string> = {};
if (BACKENDS.includes('pglite'))
  for (const [name, value] of Object.entries(await run('pglite'))) results[`pglite${name[0]!.toUpperCase()}${name.slice(1)}`] = value;
if (process.env.DATABASE_URL && BACKENDS.includes('postgres'))
  for (const [name, value] of Object.entries(await run('postgres'))) results[`postgres${name[0]!.toUpperCase()}${name.slice(1)}`] = value;
else process.stderr.write('DATABASE_URL is not set: PostgreSQL figures skipped\n');
console.log(JSON.stringify(results));
