// npm run bench:nlu — the whole offline pipeline (intent, sub-intents, sentiment, entities,
// language) on one core: model load time, messages per second over short messages, resident
// memory, and the scores on the held-out and public-style splits.
import { createOfflineNlu, loadModel } from '../src/nlu/index';
import { loadHeldOut, loadPublicStyle } from '../src/nlu/corpus';
import { evaluate } from '../src/nlu/evaluate';
import { lexiconBaselines } from '../src/nlu/baselines';

const started = performance.now();
const model = loadModel();
const loadMs = performance.now() - started;
const nlu = createOfflineNlu(model);
const heldOut = loadHeldOut();
const messages = heldOut.map((e) => e.text).filter((t) => t.length <= 120);
for (let i = 0; i < 2000; i += 1) nlu.analyze(messages[i % messages.length]!); // warm-up
const runs = Number(process.env.BENCH_MESSAGES ?? 50_000);
const t0 = performance.now();
for (let i = 0; i < runs; i += 1) nlu.analyze(messages[i % messages.length]!);
const seconds = (performance.now() - t0) / 1000;
const report = evaluate(nlu, heldOut, lexiconBaselines());
const publicStyle = evaluate(nlu, loadPublicStyle());
const figures = {
  modelLoadMs: Math.round(loadMs),
  messagesPerSecond: Math.round(runs / seconds),
  rssMb: Math.round(process.memoryUsage().rss / 1e6),
  heldOutExamples: report.examples,
  intentMacroF1: report.intent.macroF1,
  routeAccuracy: report.routeAccuracy,
  sentimentMacroF1: report.sentiment.concierge!.macroF1,
  afinnSentimentMacroF1: report.sentiment.afinn?.macroF1 ?? null,
  vaderSentimentMacroF1: report.sentiment.vader?.macroF1 ?? null,
  publicStyleExamples: publicStyle.examples,
  publicStyleIntentMacroF1: publicStyle.intent.macroF1,
  publicStyleRouteAccuracy: publicStyle.routeAccuracy,
  publicStyleSentimentMacroF1: publicStyle.sentiment.concierge!.macroF1,
};
console.log(`model load ${figures.modelLoadMs} ms; ${figures.messagesPerSecond} messages/s on one core; RSS ${figures.rssMb} MB`);
console.log(`held-out: intent macro-F1 ${figures.intentMacroF1}, route accuracy ${figures.routeAccuracy}, sentiment macro-F1 ${figures.sentimentMacroF1} (AFINN ${figures.afinnSentimentMacroF1}, VADER ${figures.vaderSentimentMacroF1})`);
console.log(`public-style: intent macro-F1 ${figures.publicStyleIntentMacroF1}, route accuracy ${figures.publicStyleRouteAccuracy}, sentiment macro-F1 ${figures.publicStyleSentimentMacroF1}`);
console.log(JSON.stringify(figures));
