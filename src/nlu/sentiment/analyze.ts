import type { Sentiment } from '../../core/ports/nlu';
import { countsOf, featureVector, keyCounts, messageFeatures, type MessageFeatures } from '../features';
import { argmax, scores, softmax } from '../linear-model';
import type { LoadedModel } from '../model-loader';
import { cueKeys, sentimentCues } from './cues';

export interface SentimentResult {
  sentiment: Sentiment;
  score: number;
  frustration: boolean;
}

/**
 * Sentiment for support messages: a model trained on labelled support messages over n-grams and
 * tone cues (negation-aware lexicon, caps, punctuation, emoji, sarcasm, churn threats). The score
 * in [-1, 1] is P(positive) − P(negative); frustration flags anger, threats and repeated contact.
 */
export function analyzeSentiment(model: LoadedModel, text: string, features: MessageFeatures = messageFeatures(text, model.vectors)): SentimentResult {
  const cues = sentimentCues(text);
  const counts = keyCounts(cueKeys(cues), model.index, new Map(countsOf(features, model.index)));
  const { ids, values } = featureVector(counts, model.index, features.dense);
  const p = softmax(scores(model.sentiment, ids, values), model.sentiment.temperature);
  const labels = model.file.sentiment.labels;
  const prob = (label: Sentiment) => p[labels.indexOf(label)]!;
  let sentiment = labels[argmax(p)]!;
  // Shouting without a kind word ("WHERE IS MY ORDER"), like threats to leave or charge back and
  // sarcasm, is negative whatever the words around it; "THANK YOU SO MUCH" is not shouting at anyone.
  const shouting = cues.capsRatio > 0.5 && cues.lexical <= 0;
  if (cues.churnThreat || cues.sarcasm || shouting || ((cues.anger || cues.repeatedContact) && sentiment !== 'positive')) sentiment = 'negative';
  const score = Math.max(-1, Math.min(1, prob('positive') - prob('negative')));
  const angry = shouting || cues.anger || cues.exclamations >= 3 || cues.profanity || cues.lexical <= -4;
  const frustration = sentiment === 'negative' && (cues.churnThreat || cues.repeatedContact || angry || (cues.sarcasm && cues.lexical < 0) || prob('negative') > 0.9);
  return { sentiment, score: Number(score.toFixed(3)), frustration };
}
