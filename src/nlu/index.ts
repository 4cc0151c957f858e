import { routeOfIntent, type Nlu, type NluContext, type NluResult } from '../core/ports/nlu';
import { extractEntities } from './entities/index';
import { messageFeatures } from './features';
import { classifyIntent, splitIntents } from './intent-classifier';
import { detectLanguage } from './language';
import { loadModel, type LoadedModel } from './model-loader';
import { analyzeSentiment } from './sentiment/analyze';

const MAX_CHARS = 8000;

/** The offline NLU: intent (calibrated, with sub-intents), sentiment, entities and language, in one pass. */
export function createOfflineNlu(model: LoadedModel = loadModel()): Nlu {
  return {
    analyze(input: string, context: NluContext = {}): NluResult {
      const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
      const features = messageFeatures(text, model.vectors);
      const prediction = classifyIntent(model, text, features);
      const sentiment = analyzeSentiment(model, text, features);
      const { main, subIntents } = splitIntents(model, text, prediction.intent);
      return {
        intent: main,
        route: routeOfIntent[main],
        confidence: Number(prediction.confidence.toFixed(4)),
        subIntents,
        sentiment: sentiment.sentiment,
        sentimentScore: sentiment.score,
        frustration: sentiment.frustration,
        entities: extractEntities(text, { referenceDate: context.referenceDate ?? new Date(), expectingOrderNumber: context.expectingOrderNumber ?? false, ...(context.catalog ? { catalog: context.catalog } : {}) }),
        language: detectLanguage(text),
      };
    },
  };
}

export { loadModel } from './model-loader';
