import type { ModelMessage, ModelTool } from '../../../core/ports/language-model';

declare const shielded: unique symbol;

/**
 * A prompt the PII shield has redacted. Only shield.ts makes one (the brand cannot be written
 * elsewhere without a cast, which review and the import test watch for); the provider adapters take
 * nothing else, so every remote call passes through the shield.
 */
export interface ShieldedPrompt {
  readonly [shielded]: true;
  readonly system: string;
  readonly messages: readonly ModelMessage[];
  readonly tool?: ModelTool | undefined;
}

/** Text for an embeddings endpoint, redacted by the shield's patterns. */
export interface ShieldedTexts {
  readonly [shielded]: true;
  readonly texts: readonly string[];
}
