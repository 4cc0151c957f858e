// npm run eval:blind -- <dir> — scores the offline NLU on a directory in the eval-blind layout
// (intents.jsonl, order-numbers.jsonl, sentiment.jsonl; retrieval questions over ../retrieval-docs
// when present), data written by someone else and never trained on. Prints one JSON line last.
import { resolve } from 'node:path';
import { intents, routeOfIntent, type Intent } from '../src/core/ports/nlu';
import { loadBlindSet } from '../src/nlu/blind/blind-set';
import { scoreOrderNumbers } from '../src/nlu/blind/order-number-scores';
import { score } from '../src/nlu/evaluate';
import { createOfflineNlu, loadModel } from '../src/nlu/index';
import { extractEntities } from '../src/nlu/entities/index';
import { ingestDocs, loadRetrievalCases, retrievalDocsDir, retrievalRecall } from '../src/nlu/blind/retrieval-scores';
import { createSystem } from '../src/compose';
import { loadEnv } from '../src/config/env';
import { generateKey } from '../src/data/secrets/keyring';

const dir = resolve(process.argv[2] ?? '/work/eval-blind/dev');
const verbose = process.argv.includes('--verbose');
const set = loadBlindSet(dir);
const started = performance.now();
const nlu = createOfflineNlu(loadModel());
const loadMs = Math.round(performance.now() - started);
const figures: Record<string, number | string | null> = { dir, modelLoadMs: loadMs };

if (set.intents.length > 0) {
  const known = set.intents.filter((c) => (intents as readonly string[]).includes(c.intent));
  const results = known.map((c) => ({ c, r: nlu.analyze(c.text) }));
  const scores = score(results.map(({ c, r }) => ({ expected: c.intent, predicted: r.intent })), intents);
  figures.intentExamples = known.length;
  figures.intentAccuracy = scores.accuracy;
  figures.intentMacroF1 = scores.macroF1;
  figures.routeAccuracy = Number((results.filter(({ c, r }) => routeOfIntent[c.intent as Intent] === r.route).length / Math.max(1, known.length)).toFixed(4));
  if (verbose) for (const { c, r } of results) if (c.intent !== r.intent) console.error(`intent ${c.id}: expected ${c.intent}, got ${r.intent} (${r.confidence})`);
  if (verbose) console.error(JSON.stringify(scores.confusions));
}

if (set.orderNumbers.length > 0) {
  const reference = new Date('2026-01-15T12:00:00Z');
  const orders = scoreOrderNumbers(set.orderNumbers, (text) => extractEntities(text, { referenceDate: reference }));
  figures.orderNumberMessages = orders.messages;
  figures.orderNumberRecall = orders.recall;
  figures.orderNumberRecallCertain = orders.recallCertain;
  figures.messagesWithOtherNumbers = orders.messagesWithOtherNumbers;
  figures.falseOrderNumberRate = orders.falseOrderNumberRate;
  figures.falseOrderNumberRateWithCandidates = orders.falseOrderNumberRateWithCandidates;
  if (verbose)
    for (const c of set.orderNumbers) {
      const e = extractEntities(c.text, { referenceDate: reference });
      const got = [...(e.orderNumbers ?? []), ...(e.orderCandidates ?? []).map((n) => `?${n}`)];
      const want = c.orderNumbers.map((n) => n.replace(/^#/, '').toUpperCase());
      const certain = (e.orderNumbers ?? []).map((n) => n.toUpperCase());
      const all = [...certain, ...(e.orderCandidates ?? []).map((n) => n.toUpperCase())];
      if (want.some((w) => !all.includes(w)) || certain.some((n) => !want.includes(n))) console.error(`order ${c.id}: expected ${JSON.stringify(c.orderNumbers)}, got ${JSON.stringify(got)}`);
    }
}

if (set.sentiment.length > 0) {
  const results = set.sentiment.map((c) => ({ c, r: nlu.analyze(c.text) }));
  const sentiment = score(results.map(({ c, r }) => ({ expected: c.sentiment, predicted: r.sentiment })), ['negative', 'neutral', 'positive']);
  figures.sentimentExamples = results.length;
  figures.sentimentAccuracy = sentiment.accuracy;
  figures.sentimentMacroF1 = sentiment.macroF1;
  const flagged = results.filter(({ c }) => c.frustration !== undefined);
  const frustration = score(flagged.map(({ c, r }) => ({ expected: String(c.frustration), predicted: String(r.frustration) })), ['true', 'false']);
  figures.frustrationF1 = frustration.perClass[0]!.f1;
  figures.frustrationAccuracy = frustration.accuracy;
  if (verbose) for (const { c, r } of results) if (c.sentiment !== r.sentiment) console.error(`sentiment ${c.id}: expected ${c.sentiment}, got ${r.sentiment} (${r.sentimentScore})`);
}

// Retrieval: the documents ingested into a fresh knowledge base (embedded PGlite), once per
// embedding model, each retriever measured alone and fused (hybrid, the default).
const questions = loadRetrievalCases(dir);
const docs = retrievalDocsDir(dir);
if (questions.length > 0 && docs) {
  figures.retrievalQuestions = questions.length;
  for (const model of (process.env.EVAL_EMBEDDINGS ?? 'local,encoder').split(',') as ('local' | 'encoder')[]) {
    const env = loadEnv({ CONCIERGE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', CONCIERGE_ENCRYPTION_KEY: generateKey(), CONCIERGE_ADMIN_TOKEN: 'eval-admin-token-0123456789abcdef', CONCIERGE_EMBEDDINGS: model });
    const system = await createSystem(env);
    try {
      const { store } = await system.stores.create({ name: 'Eval' });
      const ingestStarted = performance.now();
      await ingestDocs(system.knowledge, store.id, docs);
      figures[`${model}IngestMs`] = Math.round(performance.now() - ingestStarted);
      const search = (query: string, mode: 'lexical' | 'vector' | 'hybrid') => system.knowledge.search(store.id, query, { mode, k: 5 });
      for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
        if (mode === 'lexical' && model !== 'local') continue;
        const label = mode === 'lexical' ? 'lexical' : `${model}${mode[0]!.toUpperCase()}${mode.slice(1)}`;
        const recall = await retrievalRecall(questions, search, mode, verbose && mode === 'hybrid' ? (item, hits) => console.error(`retrieval ${item.id} (${model}): wanted ${item.doc}, got ${hits.map((h) => h.source).join(', ')}`) : undefined);
        figures[`${label}RecallAt1`] = recall.recallAt1;
        figures[`${label}RecallAt5`] = recall.recallAt5;
      }
    } finally {
      await system.close();
    }
  }
}
console.log(JSON.stringify(figures));
