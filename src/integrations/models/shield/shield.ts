import type { LanguageModel, ModelCall, ModelResult, ModelTask } from '../../../core/ports/language-model';
import { emptyShopperRecords } from '../../../core/ports/language-model';
import type { Embeddings } from '../../../core/ports/embeddings';
import { ModelUnavailable } from '../model-unavailable';
import { usageOf, type ModelPrices } from '../pricing';
import type { ModelProvider } from '../provider';
import type { CircuitBreaker } from '../../resilience/circuit-breaker';
import { redact, restore, restoreDeep } from './redact';
import type { ShieldedPrompt, ShieldedTexts } from './shielded-prompt';
import { streamRestorer } from './stream-restorer';
import { tokenVaults, type TokenVaults } from './token-vault';

export interface ShieldedModelOptions {
  provider: ModelProvider;
  models: Record<ModelTask, string>;
  prices: ModelPrices;
  breaker: CircuitBreaker;
  /** The whole call's budget, the client's retries included. */
  deadlineMs: number;
  vaults?: TokenVaults;
}


/**
 * The PII shield: the one way to a remote model. Before the call every personal datum of the
 * prompt (by the shopper's records, then by patterns) becomes its conversation's reference token;
 * after it the tokens in the reply (streamed or whole) and in the tool arguments are put back.
 * Budget: a deadline over the whole call, the provider's circuit breaker; any failure throws
 * ModelUnavailable, and the agent answers offline.
 */
export function shieldedModel(options: ShieldedModelOptions): LanguageModel {
  const vaults = options.vaults ?? tokenVaults();
  return {
    provider: options.provider.name,
    async call(call: ModelCall): Promise<ModelResult> {
      if (!options.breaker.allow()) throw new ModelUnavailable('circuit_open');
      const vault = vaults.of(call.scope);
      const prompt = {
        system: redact(call.system, call.records, vault, { trusted: true }),
        messages: call.messages.map((m) => ({ role: m.role, content: redact(m.content, call.records, vault) })),
        tool: call.tool,
      } as unknown as ShieldedPrompt;
      const restorer = call.onText ? streamRestorer(vault, call.onText) : undefined;
      const model = options.models[call.task];
      const signal = AbortSignal.timeout(options.deadlineMs);
      try {
        const reply = await options.provider.send({ model, prompt, maxTokens: call.maxTokens, signal, ...(restorer ? { onChunk: (t: string) => restorer.push(t) } : {}) });
        restorer?.end();
        options.breaker.success();
        return {
          text: restore(reply.text, vault),
          toolInput: restoreDeep(reply.toolInput, vault),
          usage: usageOf(options.prices, model, reply.inputTokens, reply.outputTokens),
          model,
        };
      } catch (error) {
        options.breaker.failure();
        const timedOut = signal.aborted || (error instanceof Error && /Timeout/.test(error.constructor.name));
        throw new ModelUnavailable(timedOut ? 'timeout' : 'provider_error', { cause: error });
      }
    },
  };
}

/** Embeddings behind the shield: what pattern detectors find in a text (a question may hold an e-mail) is replaced before it leaves. */
export function shieldedEmbeddings(embed: (texts: ShieldedTexts) => Promise<Float32Array[]>, model: string, dims: number): Embeddings {
  return {
    model,
    dims,
    embed(texts: string[]) {
      const vault = tokenVaults(1).of({ storeId: '', conversationId: '' });
      return embed({ texts: texts.map((t) => redact(t, emptyShopperRecords(), vault)) } as unknown as ShieldedTexts);
    },
  };
}
