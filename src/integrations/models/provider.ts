import type { ShieldedPrompt } from './shield/shielded-prompt';

export interface ProviderRequest {
  model: string;
  prompt: ShieldedPrompt;
  maxTokens: number;
  /** Aborts the call (the turn's deadline). */
  signal: AbortSignal;
  /** When set the call streams, each chunk of text (still redacted) handed here as it arrives. */
  onChunk?: (text: string) => void;
}

export interface ProviderReply {
  text: string;
  /** The forced tool's arguments as the model wrote them (parsed JSON), or null. */
  toolInput: unknown;
  inputTokens: number;
  outputTokens: number;
}

/** One provider's wire protocol behind the official client; it sees shielded prompts only. */
export interface ModelProvider {
  readonly name: 'openai' | 'anthropic';
  send(request: ProviderRequest): Promise<ProviderReply>;
}

/** The client's own retry and timeout, set explicitly (never the SDK's defaults of minutes). */
export interface ClientBudget {
  timeoutMs: number;
  maxRetries: number;
}
