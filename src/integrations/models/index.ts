import type { Embeddings } from '../../core/ports/embeddings';
import type { LanguageModel, ModelTask } from '../../core/ports/language-model';
import { anthropicMessagesProvider } from './anthropic/anthropic-messages-provider';
import { openAiChatProvider } from './openai/openai-chat-provider';
import { openAiEmbeddingsEndpoint, type OpenAiEmbeddingsOptions } from './openai/openai-embeddings';
import type { ModelPrices } from './pricing';
import { CircuitBreaker } from '../resilience/circuit-breaker';
import { systemClock } from '../resilience/clock';
import { shieldedEmbeddings, shieldedModel } from './shield/shield';

export { ModelUnavailable } from './model-unavailable';
export type { ModelPrices } from './pricing';

export interface RemoteModelConfig {
  provider: 'openai' | 'anthropic';
  apiKey: string;
  baseURL?: string | undefined;
  models: Record<ModelTask, string>;
  prices: ModelPrices;
  /** One attempt's timeout (the client's). */
  timeoutMs: number;
  /** The whole call's budget, retries included: past it the offline path answers. */
  deadlineMs: number;
  maxRetries: number;
  breaker: { threshold: number; cooldownMs: number };
}

/** The remote model the agent may ask, behind the PII shield, the deadline and the provider's circuit breaker. */
export function remoteModel(config: RemoteModelConfig): LanguageModel {
  const budget = { apiKey: config.apiKey, baseURL: config.baseURL, timeoutMs: config.timeoutMs, maxRetries: config.maxRetries };
  const provider = config.provider === 'openai' ? openAiChatProvider(budget) : anthropicMessagesProvider(budget);
  return shieldedModel({ provider, models: config.models, prices: config.prices, breaker: new CircuitBreaker({ failureThreshold: config.breaker.threshold, openMs: config.breaker.cooldownMs }, systemClock), deadlineMs: config.deadlineMs });
}

/** Embeddings from any OpenAI-compatible endpoint, behind the shield's patterns. */
export function openAiEmbeddings(options: OpenAiEmbeddingsOptions): Embeddings {
  return shieldedEmbeddings(openAiEmbeddingsEndpoint(options), `openai:${options.model}@${options.dims}`, options.dims);
}
