// npm run eval:retrieval -- <dir> [--misses] — retrieval alone on a directory in the eval-blind layout
// (retrieval/questions.jsonl over ../retrieval-docs): recall@1, @5, @20 (the candidates the rerank sees),
// MRR and search time, with each miss and where its answering passage ranked. For the dev half only:
// the test half is measured with `npm run eval:blind`, never read (eval/README.md).
// EVAL_MODE=lexical|vector|hybrid (default hybrid), EVAL_EMBEDDINGS=local|encoder (default local).
import { resolve } from 'node:path';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';
import { holdsAnswer, ingestDocs, loadRetrievalCases, retrievalDocsDir } from '../src/nlu/blind/retrieval-scores';

const dir = resolve(process.argv[2] ?? 'eval/blind/dev');
const misses = process.argv.includes('--misses');
const mode = (process.env.EVAL_MODE ?? 'hybrid') as 'lexical' | 'vector' | 'hybrid';
const cases = loadRetrievalCases(dir);
const docs = retrievalDocsDir(dir);
if (cases.length === 0 || !docs) throw new Error(`no retrieval questions or documents under ${dir}`);
const env = loadEnv({
  CONCIERGE_DATA_DIR: 'memory://',
  LOG_LEVEL: 'silent',
  CONCIERGE_ENCRYPTION_KEY: generateKey(),
  CONCIERGE_ADMIN_TOKEN: 'eval-admin-token-0123456789abcdef',
  CONCIERGE_EMBEDDINGS: process.env.EVAL_EMBEDDINGS ?? 'local',
});
const system = await createSystem(env);
try {
  const { store } = await system.stores.create({ name: 'Eval' });
  await ingestDocs(system.knowledge, store.id, docs);
  let at1 = 0;
  let at5 = 0;
  let at20 = 0;
  let reciprocal = 0;
  const times: number[] = [];
  for (const item of cases) {
    const started = performance.now();
    const hits = await system.knowledge.search(store.id, item.question, { mode, k: 20 });
    times.push(performance.now() - started);
    const rank = hits.findIndex((hit) => holdsAnswer(hit, item));
    if (rank >= 0) at20 += 1;
    if (rank === 0) at1 += 1;
    if (rank >= 0 && rank < 5) {
      at5 += 1;
      reciprocal += 1 / (rank + 1);
    } else if (misses) {
      console.log(`\nmiss ${item.id}: ${item.question}\n  wanted ${item.doc}: ${item.answer}\n  answering passage ranked ${rank >= 0 ? rank + 1 : '> 20'}`);
      for (const hit of hits.slice(0, 5)) console.log(`  got ${hit.source} › ${hit.titlePath.slice(1).join(' › ')} (${hit.score}, ranks ${JSON.stringify(hit.ranks)})`);
    }
  }
  times.sort((a, b) => a - b);
  const n = cases.length;
  const round = (value: number) => Number(value.toFixed(3));
  console.log(
    JSON.stringify({ dir, mode, questions: n, recallAt1: round(at1 / n), recallAt5: round(at5 / n), recallAt20: round(at20 / n), mrrAt5: round(reciprocal / n), searchP50Ms: round(times[Math.floor(n / 2)]!) }),
  );
} finally {
  await system.close();
}
