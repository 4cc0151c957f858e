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
