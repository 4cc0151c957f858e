import type { TurnOutcome } from '../../../agent/runtime/conversation-service';
import type { Action, Conversation } from '../../../core/conversation';

/** The public shape of a conversation: never its access-token hash or raw metadata. */
export const presentConversation = (c: Conversation) => ({
  id: c.id,
  channel: c.channel,
  status: c.status,
  customerId: c.customerId,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  handoff: c.metadata.handoff ?? null,
  followUp: c.metadata.followUp ?? null,
});

export const presentAction = (a: Action) => ({ ...a });

/** A turn as the API answers it (also the first reply of a new conversation). */
export const presentTurn = (turn: TurnOutcome) => ({
  message: turn.message,
  reply: turn.reply,
  analysis: turn.analysis,
  actions: turn.actions,
  escalated: turn.escalated,
  escalationReason: turn.escalationReason,
});
