import type { ToolCallRecord } from './tools/tool-calls';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { Order } from '../core/commerce';
import type { Conversation } from '../core/conversation';
import { COMMITTED_CHECKPOINT_KEY } from '../core/ports/conversation-store';
import type { StoreSettings } from '../core/settings';

/**
 * Facts of one run that are not checkpointed: the store's settings, the turn's clock, and the
 * orders fetched fresh this turn (domain objects with dates, for the policy engine).
 */
export interface RunContext {
  settings: StoreSettings;
  now: Date;
  orders: Map<string, Order>;
  /** Idempotency seed of this turn (the conversation and its message count). */
  turnKey: string;
  /** Pending order requests this turn opened (voided if the turn fails before it is stored). */
  opened?: string[];
  /** The tools this turn called, for the store's trace (tools/tool-calls.ts). */
  toolCalls?: ToolCallRecord[];
  /** The remote model's calls of this turn (tokens, cost, fallbacks), stored with the reply. */
  model?: TurnModelUsage;
  /** The store's records looked up for the shield this turn, by e-mail or order (read once per turn). */
  lookups?: Map<string, Promise<unknown>>;
  /** Where the reply's text goes as a remote model writes it (a streaming request). */
  stream?: TurnStream;
}

export interface TurnModelUsage {
  provider: string;
  calls: number;
  /** Calls that failed, timed out or met an open circuit: the offline path answered. */
  failures: number;
  /** Answers the model gave that the agent set aside (a bad disagreement, a fact the facts do not hold). */
  rejected: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** A turn's reply as it is written: text as it arrives; `reset` when what was sent is withdrawn (the check refused it). */
export interface TurnStream {
  token(text: string): void;
  reset(): void;
}

export function runContext(config: LangGraphRunnableConfig | undefined): RunContext {
  const context = config?.configurable?.run as RunContext | undefined;
  if (!context) throw new Error('agent run without configurable.run');
  return context;
}

/** A turn of the conversation's thread; naming its committed checkpoint spares the checkpointer a lookup. */
export function runConfig(conversation: Conversation, run: RunContext) {
  return { configurable: { thread_id: conversation.id, store_id: conversation.storeId, run, [COMMITTED_CHECKPOINT_KEY]: conversation.agentCheckpointId } };
}
