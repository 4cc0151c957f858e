import { AppError } from './errors';

/** The conversation lifecycle, an explicit state machine (see docs/architecture.md). */
export const conversationStatuses = ['open', 'pending', 'handed_off', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const channels = ['api', 'widget', 'email', 'zendesk', 'gorgias'] as const;
export type Channel = (typeof channels)[number];

export type MessageRole = 'customer' | 'assistant' | 'agent' | 'system';

/** What may follow what, and the event each transition emits. */
const transitions: Record<ConversationStatus, Partial<Record<ConversationStatus, string>>> = {
  open: { pending: 'conversation.pending', handed_off: 'conversation.handoff_requested', resolved: 'conversation.resolved' },
  pending: { open: 'conversation.reopened', handed_off: 'conversation.handoff_requested', resolved: 'conversation.resolved' },
  handed_off: { open: 'conversation.handed_back', resolved: 'conversation.resolved' },
  resolved: { open: 'conversation.reopened', handed_off: 'conversation.handoff_requested' },
};

/** The event name of a legal transition; throws a 409 for an illegal one. */
export function transition(from: ConversationStatus, to: ConversationStatus): string {
  const event = transitions[from][to];
  if (!event) throw new AppError('conflict', `a ${from} conversation cannot become ${to}`);
  return event;
}

export const canTransition = (from: ConversationStatus, to: ConversationStatus): boolean => transitions[from][to] !== undefined;

/** The agent answers in these states; in `handed_off` a human owns the conversation and the agent stays silent. */
export const agentMayReply = (status: ConversationStatus): boolean => status !== 'handed_off';

export interface Conversation {
  id: string;
  storeId: string;
  customerId: string | null;
  channel: Channel;
  status: ConversationStatus;
  createdAt: Date;
  updatedAt: Date;
  metadata: ConversationMetadata;
  /** The agent's latest committed checkpoint on this conversation's thread; null before its first turn. */
  agentCheckpointId: string | null;
  /** Turns the agent has taken in this conversation (paces the pruning of old checkpoints). */
  agentTurns: number;
}

/** Who the shopper is, as far as the channel vouches for it, and the handoff record. */
export interface ConversationMetadata {
  customer?: { email?: string; name?: string; externalId?: string };
  /** True when a secret-key caller (the store's own backend) supplied the identity. */
  identityVerified?: boolean;
  /** SHA-256 of the token a widget must present to use this conversation. */
  accessTokenHash?: string;
  handoff?: { reason: string; summary: string; at: string };
  /** An e-mail the shopper left (on the widget) for a person to write back to; not a proof of identity. */
  followUp?: { email: string; at: string };
  subject?: string;
  /** Concierge opened this conversation itself: what it wrote about. */
  proactive?: { kind: string; orderId: string; orderName: string; fulfillmentId: string };
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  createdAt: Date;
  channel: Channel;
  /** The knowledge-base passages an assistant answer quotes. */
  citations?: Citation[];
  /** An answer's buttons that answer its question (yes/no, an order's items). */
  quickReplies?: string[];
  /** An answer about an order: the order at a glance, with its tracking link. */
  card?: MessageCard;
  metadata?: Record<string, unknown>;
}

export interface MessageCard {
  kind: 'order';
  order: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  eta: string | null;
}

export interface Citation {
  title: string;
  source: string;
}

export type ActionType = 'create_return' | 'create_exchange' | 'process_refund' | 'cancel_order' | 'update_address' | 'update_order' | 'handoff';
export type ActionStatus = 'completed' | 'pending' | 'rejected' | 'failed';

export interface Action {
  id: string;
  conversationId: string | null;
  type: ActionType;
  status: ActionStatus;
  data: Record<string, unknown>;
  reasons: string[];
  actor: string;
  createdAt: Date;
  completedAt: Date | null;
}

/** A dotted event published to every instance (SSE listeners) after its change is committed. */
export interface ConversationEvent {
  type: string;
  storeId: string;
  conversationId: string;
  at: string;
  data: Record<string, unknown>;
}
