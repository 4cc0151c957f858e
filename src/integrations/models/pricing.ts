import type { ModelUsage } from '../../core/ports/language-model';

/** US dollars per million tokens, in and out, by model name (CONCIERGE_MODEL_PRICES). */
export type ModelPrices = Record<string, { input: number; output: number }>;

/** The call's tokens and what they cost; a model without a price costs 0 (and the docs say to set one). */
export function usageOf(prices: ModelPrices, model: string, inputTokens: number, outputTokens: number): ModelUsage {
  const price = prices[model];
  const costUsd = price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : 0;
  return { inputTokens, outputTokens, costUsd: Math.round(costUsd * 1e8) / 1e8 };
}
