import type { Action, ActionStatus, ActionType, Channel, Conversation, ConversationEvent, ConversationMetadata, ConversationStatus, Message, MessageRole } from '../conversation';

export interface NewMessage {
  role: MessageRole;
  content: string;
  metadata?: Record<string, unknown>;
}

export interface NewAction {
  /** Set when the agent must refer to the action before it is stored (an approval thread). */
  id?: string;
  type: ActionType;
  status: ActionStatus;
  data: Record<string, unknown>;
  reasons: string[];
  actor: string;
  idempotencyKey?: string;
}

/** Checkpoints kept per agent thread (the newest); older ones are pruned every this many turns. */
export const CHECKPOINTS_KEPT_PER_THREAD = 10;

/**
 * The `configurable` key a turn names its conversation's committed checkpoint under
 * (`Conversation.agentCheckpointId`), so the checkpointer need not look it up: null means none yet.
 */
export const COMMITTED_CHECKPOINT_KEY = 'committed_checkpoint_id';

/** Everything one turn changes, written in one transaction. */
export interface TurnWrite {
  storeId: string;
  conversationId: string;
  messages: NewMessage[];
  actions: NewAction[];
  /** Decisions on earlier actions (approve/reject). */
  actionUpdates?: { id: string; status: ActionStatus; data?: Record<string, unknown>; reasons?: string[] }[];
  status?: ConversationStatus;
  metadata?: ConversationMetadata;
  /** Agent threads whose buffered checkpoints belong to this turn. */
  checkpointThreads: string[];
  /** Also prune those threads' old checkpoints (every CHECKPOINTS_KEPT_PER_THREAD turns, not every turn: it costs a third of the statement). */
  pruneCheckpoints?: boolean;
  /** Events to publish once committed (kept in the outbox in the same transaction). */
  events: Omit<ConversationEvent, 'at'>[];
}

export interface CommittedTurn {
  messages: Message[];
  actions: Action[];
  conversation: Conversation;
  events: ConversationEvent[];
}

export interface ConversationPage {
  data: Conversation[];
  nextCursor: string | null;
}

/** Conversations, their messages and actions. Every call names the store. */
export interface ConversationStore {
  create(storeId: string, input: { channel: Channel; customerId: string | null; metadata: ConversationMetadata }): Promise<Conversation>;
  get(storeId: string, conversationId: string): Promise<Conversation | undefined>;
  list(storeId: string, query: { status?: ConversationStatus; limit: number; cursor?: string }): Promise<ConversationPage>;
  messages(storeId: string, conversationId: string): Promise<Message[]>;
  actions(storeId: string, query: { conversationId?: string; status?: ActionStatus; limit?: number }): Promise<Action[]>;
  action(storeId: string, actionId: string): Promise<Action | undefined>;
  commitTurn(write: TurnWrite): Promise<CommittedTurn>;
  /** The messages a turn committed under a request key (`metadata.requestKey`), in order, and the actions it names; undefined if none. */
  turnByRequest(storeId: string, conversationId: string, requestKey: string): Promise<{ messages: Message[]; actions: Action[] } | undefined>;
}

/** Serialises turns of one conversation across instances. */
export interface ConversationLock {
  withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T>;
}
