import type { Intent } from '../core/ports/nlu';
import { countsOf, featureVector, messageFeatures, type MessageFeatures } from './features';
import { argmax, scores, softmax } from './linear-model';
import type { LoadedModel } from './model-loader';

export interface IntentPrediction {
  intent: Intent;
  confidence: number;
  /** Probabilities of every intent, in the model's label order. */
  probabilities: Float64Array;
}

/** The calibrated intent of a text; `other` when the best intent is below the validated threshold. */
export function classifyIntent(model: LoadedModel, text: string, features: MessageFeatures = messageFeatures(text, model.vectors)): IntentPrediction {
  const { ids, values } = featureVector(countsOf(features, model.index), model.index, features.dense);
  const probabilities = softmax(scores(model.intent, ids, values), model.intent.temperature);
  const best = argmax(probabilities);
  const labels = model.file.intent.labels;
  const confidence = probabilities[best]!;
  // Only the dense vector part matched: no word or n-gram the model knows.
  const noSignal = ids.length <= model.vectors.dims;
  if (noSignal || confidence < model.file.intent.otherThreshold) {
    return { intent: 'other', confidence: noSignal ? 1 - confidence : Math.max(1 - confidence, probabilities[labels.indexOf('other')]!), probabilities };
  }
  return { intent: labels[best]!, confidence, probabilities };
}

const CLAUSE_SPLIT = /(?<=[.!?])\s+|\n+|\s*;\s*|,?\s+(?:and also|and then|also|plus|as well as|and|but|then)\s+(?=(?:can|could|please|pls|i|i'd|i'm|my|what|where|when|how|do|does|is|are|will|would|refund|cancel|change|send|add|also|the|you)\b)/i;
const QUIET = new Set<Intent>(['greeting', 'other', 'feedback']);
// A clause that only hands over a detail ("my email is …") is not a request.
const DETAIL = /^(?:and |also |btw |fyi )?(?:my|the|our) (?:e-?mail|order(?: number| no\.?)?|zip|post(?:al)? ?code|name|phone(?: number)?|address)(?: address)? (?:is|was|=|:)/i;
const SUB_INTENT_CONFIDENCE = 0.75;

/**
 * The requests of a multi-request message: one per clause confidently classified. In a two-clause
 * message ("cancel 1042 and refund the shipping") the first request leads; in longer ones the
 * reading of the whole message does, since their first clauses are mostly context. Measured on
 * 2,581 written examples a model had not seen: 0.840 accuracy, against 0.827 when the first
 * clause always led and 0.833 when the whole message always did.
 */
export function splitIntents(model: LoadedModel, text: string, whole: Intent): { main: Intent; subIntents: Intent[] } {
  const clauses = text.split(CLAUSE_SPLIT).map((c) => c.trim()).filter((c) => c.split(/\s+/).length >= 2 && !DETAIL.test(c));
  if (clauses.length < 2) return { main: whole, subIntents: [] };
  const found: Intent[] = [];
  for (const clause of clauses) {
    const prediction = classifyIntent(model, clause);
    if (!QUIET.has(prediction.intent) && prediction.confidence >= SUB_INTENT_CONFIDENCE && !found.includes(prediction.intent)) found.push(prediction.intent);
  }
  if (clauses.length === 2 && found.length === 2 && found.includes(whole)) return { main: found[0]!, subIntents: found.slice(1) };
  return { main: whole, subIntents: found.filter((i) => i !== whole) };
}
