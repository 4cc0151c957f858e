/**
 * The Model port: a remote language model the agent may ask to understand or phrase, never to
 * decide. Adapters: OpenAI-compatible and Anthropic, both behind the PII shield
 * (src/integrations/models/shield). The offline NLU and the reply templates stay the floor: a call
 * that fails, times out or is refused by the circuit breaker throws, and the agent answers without it.
 */

/** What the model work is for: each task may name its own model (config). */
export type ModelTask = 'understanding' | 'phrasing' | 'answer';

/** The conversation a call belongs to: reference tokens map back only inside it. */
export interface ModelScope {
  storeId: string;
  conversationId: string;
}

/**
 * The personal data the store's own records hold for the conversation's shopper: the shield
 * replaces these (exactly or nearly written) before any remote call, besides what its patterns find.
 */
export interface ShopperRecords {
  names: string[];
  emails: string[];
  phones: string[];
  addresses: string[];
  orderNumbers: string[];
  trackingNumbers: string[];
}

export const emptyShopperRecords = (): ShopperRecords => ({ names: [], emails: [], phones: [], addresses: [], orderNumbers: [], trackingNumbers: [] });

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A tool the model must call: its arguments are the structured answer (validated by the caller). */
export interface ModelTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface ModelCall {
  scope: ModelScope;
  task: ModelTask;
  records: ShopperRecords;
  /** The system rules (never shopper text). */
  system: string;
  /** The turns; whatever the shopper wrote goes in a user turn, and only there. */
  messages: ModelMessage[];
  tool?: ModelTool;
  maxTokens: number;
  /** Streams the reply's text as it arrives, personal data already put back. */
  onText?: (text: string) => void;
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface ModelResult {
  /** The reply's text with the reference tokens put back. */
  text: string;
  /** The forced tool's arguments, tokens put back in every string, not yet validated. */
  toolInput: unknown;
  usage: ModelUsage;
  model: string;
}

export interface LanguageModel {
  /** openai or anthropic: named in the turn's trace and the analytics. */
  readonly provider: string;
  /** Throws when the provider fails, times out or its circuit is open: the caller falls back. */
  call(call: ModelCall): Promise<ModelResult>;
}
