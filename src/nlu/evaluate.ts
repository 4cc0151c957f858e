import { intents, routeOfIntent, type Intent, type Nlu, type Sentiment } from '../core/ports/nlu';
import type { LabelledExample } from './corpus';

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  perClass: ClassScore[];
  confusions: { expected: string; predicted: string; count: number }[];
}

const round = (n: number) => Number(n.toFixed(4));

/** Precision, recall and F1 per label, macro-F1, accuracy and the most frequent confusion pairs. */
export function score(pairs: { expected: string; predicted: string }[], labels: readonly string[]): Scores {
  const perClass = labels.map((label) => {
    const tp = pairs.filter((p) => p.expected === label && p.predicted === label).length;
    const fp = pairs.filter((p) => p.expected !== label && p.predicted === label).length;
    const fn = pairs.filter((p) => p.expected === label && p.predicted !== label).length;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  });
  const present = perClass.filter((c) => c.support > 0);
  const counts = new Map<string, number>();
  for (const p of pairs) if (p.expected !== p.predicted) counts.set(`${p.expected}\u0000${p.predicted}`, (counts.get(`${p.expected}\u0000${p.predicted}`) ?? 0) + 1);
  return {
    accuracy: round(pairs.filter((p) => p.expected === p.predicted).length / Math.max(1, pairs.length)),
    macroF1: round(present.reduce((sum, c) => sum + c.f1, 0) / Math.max(1, present.length)),
    perClass,
    confusions: [...counts]
      .map(([key, count]) => ({ expected: key.split('\u0000')[0]!, predicted: key.split('\u0000')[1]!, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 12),
  };
}

export type SentimentScorer = (text: string) => Sentiment;

export interface EvaluationReport {
  examples: number;
  intent: Scores;
  routeAccuracy: number;
  sentiment: Record<string, Scores>;
}

/** Scores the NLU (and any baseline sentiment scorers) on labelled examples, e.g. the held-out split. */
export function evaluate(nlu: Nlu, examples: LabelledExample[], baselines: Record<string, SentimentScorer> = {}): EvaluationReport {
  const results = examples.map((e) => ({ example: e, result: nlu.analyze(e.text) }));
  const intentPairs = results.map(({ example, result }) => ({ expected: example.intent as string, predicted: result.intent as string }));
  const routeHits = results.filter(({ example, result }) => routeOfIntent[example.intent as Intent] === result.route).length;
  const sentimentLabels = ['negative', 'neutral', 'positive'];
  const sentiment: Record<string, Scores> = { concierge: score(results.map(({ example, result }) => ({ expected: example.sentiment, predicted: result.sentiment })), sentimentLabels) };
  for (const [name, scorer] of Object.entries(baselines)) sentiment[name] = score(examples.map((e) => ({ expected: e.sentiment, predicted: scorer(e.text) })), sentimentLabels);
  return { examples: examples.length, intent: score(intentPairs, intents), routeAccuracy: round(routeHits / Math.max(1, examples.length)), sentiment };
}
