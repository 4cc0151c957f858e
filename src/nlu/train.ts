import { intents, type Intent, type Sentiment } from '../core/ports/nlu';
import { augment, stableSeed } from './augment';
import { corpusHash, type LabelledExample, type SentimentExample } from './corpus';
import { score } from './evaluate';
import { denseKeys, featureVector, keyCounts, messageFeatures } from './features';
import type { WordVectors } from '../text/word-vectors';
import { argmax, fitTemperature, scores, softmax, trainLinear, type SparseExample, type TrainOptions } from './linear-model';
import { quantize, type NluModelFile } from './model-file';
import { cueKeys, sentimentCues } from './sentiment/cues';

export const sentiments: Sentiment[] = ['negative', 'neutral', 'positive'];
/** Training settings; `npm run nlu:validate` compares candidates on the validation fold (never the held-out split). */
export interface NluTrainOptions extends TrainOptions {
  /** Typo/case/greeting variants per example (see augment.ts). */
  augmentCopies: number;
  /** How much a sentiment-only public post counts against a support message of the corpus. */
  publicSentimentWeight: number;
  /** A feature seen only in public posts joins the model when this many posts hold it. */
  publicMinFeatureCount: number;
}
export const defaultTrainOptions: NluTrainOptions = { epochs: 10, learningRate: 1, l2: 2e-7, seed: 1042, augmentCopies: 3, publicSentimentWeight: 0.12, publicMinFeatureCount: 8 };
const MIN_FEATURE_COUNT = 2;
const NO_INTENT = -1;

interface Prepared {
  text: string;
  /** The written example this row is (or is a variant of). */
  origin: string;
  written: boolean;
  /** NO_INTENT for a sentiment-only public post. */
  intent: number;
  sentiment: number;
  intentKeys: string[];
  sentimentKeys: string[];
  dense: Float32Array;
}

function prepare(examples: LabelledExample[], vectors: WordVectors, augmentCopies: number): Prepared[] {
  const rows: Prepared[] = [];
  for (const example of examples) {
    for (const text of [example.text, ...augment(example.text, stableSeed(example.text), augmentCopies)]) {
      const { keys, dense } = messageFeatures(text, vectors);
      rows.push({ text, origin: example.origin ?? example.text, written: text === example.text && example.source !== 'composed', intent: intents.indexOf(example.intent), sentiment: sentiments.indexOf(example.sentiment), intentKeys: keys, sentimentKeys: [...keys, ...cueKeys(sentimentCues(text))], dense });
    }
  }
  return rows;
}

// Public posts are read as written (no variants): there are many, and they are already noisy.
function preparePublic(examples: SentimentExample[], vectors: WordVectors): Prepared[] {
  return examples.map(({ text, sentiment }) => {
    const { keys, dense } = messageFeatures(text, vectors);
    return { text, origin: text, written: true, intent: NO_INTENT, sentiment: sentiments.indexOf(sentiment), intentKeys: [], sentimentKeys: [...keys, ...cueKeys(sentimentCues(text))], dense };
  });
}

function keyDocumentCounts(rows: Prepared[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of new Set([...row.intentKeys, ...row.sentimentKeys])) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * The features: those of the support corpus, and of the public posts only the frequent ones (the
 * tweets' long tail of names and hashtags would grow the model and teach it nothing about shoppers).
 */
function featureIndex(rows: Prepared[], publicRows: Prepared[], publicMinCount: number): string[] {
  const counts = keyDocumentCounts(rows);
  for (const key of denseKeys) counts.set(key, Number.MAX_SAFE_INTEGER);
  const kept = new Set([...counts].filter(([key, count]) => count >= MIN_FEATURE_COUNT || key.startsWith('w:') || key.startsWith('k:') || !key.includes(':') || /^(lex|caps|excl|q|sarcasm|churn|repeated|supportneg|profanity)/.test(key)).map(([key]) => key));
  for (const [key, count] of keyDocumentCounts(publicRows)) if (count >= publicMinCount) kept.add(key);
  return [...kept].sort();
}

// Rare classes count as much as common ones.
function classWeights(labels: number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]! += 1;
  return counts.map((count) => (count > 0 ? labels.length / (classes * count) : 0));
}

/** The `other` threshold: the confidence under which a prediction is reported as `other`, chosen on validation. */
function chooseOtherThreshold(model: ReturnType<typeof trainLinear>, validation: SparseExample[]): number {
  const other = intents.indexOf('other');
  let best = 0.3;
  let bestAccuracy = -1;
  for (let threshold = 0.1; threshold <= 0.7; threshold += 0.02) {
    let correct = 0;
    for (const example of validation) {
      const p = softmax(scores(model, example.ids, example.values), model.temperature);
      let label = argmax(p);
      if (p[label]! < threshold) label = other;
      if (label === example.label) correct += 1;
    }
    if (correct > bestAccuracy) {
      bestAccuracy = correct;
      best = Number(threshold.toFixed(2));
    }
  }
  return best;
}

interface Fitting {
  keys: string[];
  trainRows: Prepared[];
  validationRows: Prepared[];
  rows: Prepared[];
  toIntent: (r: Prepared) => SparseExample;
  toSentiment: (r: Prepared) => SparseExample;
}

function prepareFitting(examples: LabelledExample[], vectors: WordVectors, options: NluTrainOptions, sentimentOnly: SentimentExample[] = []): Fitting {
  const supportRows = prepare(examples, vectors, options.augmentCopies);
  const publicRows = preparePublic(sentimentOnly, vectors);
  const keys = featureIndex(supportRows, publicRows, options.publicMinFeatureCount);
  const index = new Map(keys.map((key, i) => [key, i]));
  const rows = [...supportRows, ...publicRows];
  const intentWeights = classWeights(supportRows.map((r) => r.intent), intents.length);
  // Classes balanced within each source; the public posts together weigh `publicSentimentWeight` times the support rows.
  const supportSentimentWeights = classWeights(supportRows.map((r) => r.sentiment), sentiments.length);
  const publicScale = publicRows.length > 0 ? (options.publicSentimentWeight * supportRows.length) / publicRows.length : 0;
  const publicSentimentWeights = classWeights(publicRows.map((r) => r.sentiment), sentiments.length).map((w) => w * publicScale);
  const sentimentWeight = (r: Prepared) => (r.intent === NO_INTENT ? publicSentimentWeights : supportSentimentWeights)[r.sentiment]!;
  // Validation fold by the original text, so an example and its variants fall on the same side.
  const fold = rows.map((r) => stableSeed(r.origin) % 100 < 15);
  return {
    keys,
    rows,
    trainRows: rows.filter((_, i) => !fold[i]),
    // Validate on what people wrote, not on our variants of it.
    validationRows: rows.filter((r, i) => fold[i] && r.written),
    toIntent: (r) => ({ ...featureVector(keyCounts(r.intentKeys, index), index, r.dense), label: r.intent, weight: intentWeights[r.intent]! }),
    toSentiment: (r) => ({ ...featureVector(keyCounts(r.sentimentKeys, index), index, r.dense), label: r.sentiment, weight: sentimentWeight(r) }),
  };
}

const hasIntent = (r: Prepared) => r.intent !== NO_INTENT;

/** Intent macro-F1 and accuracy on the validation fold of the training data, for comparing settings. */
export function validateTraining(examples: LabelledExample[], vectors: WordVectors, options: NluTrainOptions = defaultTrainOptions) {
  const f = prepareFitting(examples, vectors, options);
  const probe = trainLinear(f.trainRows.map(f.toIntent), intents.length, f.keys.length, options);
  const pairs = f.validationRows.filter(hasIntent).map((r) => {
    const { ids, values } = f.toIntent(r);
    return { expected: intents[r.intent]!, predicted: intents[argmax(scores(probe, ids, values))]! };
  });
  return { examples: pairs.length, ...score(pairs, intents) };
}

function trainSentiment({ keys, rows, trainRows, validationRows, toSentiment }: Fitting, options: NluTrainOptions) {
  const probe = trainLinear(trainRows.map(toSentiment), sentiments.length, keys.length, options);
  const temperature = fitTemperature(probe, validationRows.map(toSentiment));
  return { ...trainLinear(rows.map(toSentiment), sentiments.length, keys.length, options), temperature };
}

/** The sentiment model alone with its feature keys, for comparing settings (`npm run nlu:validate-sentiment`). */
export function trainSentimentForValidation(examples: LabelledExample[], vectors: WordVectors, options: NluTrainOptions, sentimentOnly: SentimentExample[]) {
  const fitting = prepareFitting(examples, vectors, options, sentimentOnly);
  return { featureKeys: fitting.keys, sentiment: { ...quantize(trainSentiment(fitting, options)), labels: sentiments } };
}

/**
 * Trains the intent and sentiment models from the corpus. Deterministic: the same corpus gives
 * byte-identical output. A validation fold of the training data (never the held-out split)
 * calibrates the confidences and picks the `other` threshold; the final models see all of it.
 */
export function trainNluModel(examples: LabelledExample[], vectors: WordVectors, options: NluTrainOptions = defaultTrainOptions, sentimentOnly: SentimentExample[] = []): NluModelFile {
  const { keys, rows, trainRows, validationRows, toIntent, toSentiment } = prepareFitting(examples, vectors, options, sentimentOnly);
  const intentValidation = validationRows.filter(hasIntent).map(toIntent);
  const probe = trainLinear(trainRows.filter(hasIntent).map(toIntent), intents.length, keys.length, options);
  const intentTemperature = fitTemperature(probe, intentValidation);
  const otherThreshold = chooseOtherThreshold({ ...probe, temperature: intentTemperature }, intentValidation);
  const intentModel = { ...trainLinear(rows.filter(hasIntent).map(toIntent), intents.length, keys.length, options), temperature: intentTemperature };
  const sentimentModel = trainSentiment({ keys, rows, trainRows, validationRows, toIntent, toSentiment }, options);
  return {
    version: 2,
    corpusHash: corpusHash(examples, sentimentOnly),
    examples: examples.length,
    featureKeys: keys,
    intent: { ...quantize(intentModel), labels: [...intents] as Intent[], otherThreshold },
    sentiment: { ...quantize(sentimentModel), labels: sentiments },
  };
}
