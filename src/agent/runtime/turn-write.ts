import type { Conversation, ConversationStatus } from '../../core/conversation';
import { CHECKPOINTS_KEPT_PER_THREAD, type TurnWrite } from '../../core/ports/conversation-store';
import type { ConversationStateType } from '../state';
import { replyExtras } from './reply-extras';

export interface TurnAnalysis {
  intent: string;
  route: string;
  sentiment: string;
  sentimentScore: number;
  frustration: boolean;
  confidence: number;
  language: string;
  subIntents: string[];
  entities: Record<string, string[]>;
}

export const analysisOf = (state: ConversationStateType): TurnAnalysis => ({
  intent: state.intent,
  route: state.selected_route,
  sentiment: state.sentiment,
  sentimentScore: state.sentiment_score,
  frustration: state.frustration,
  confidence: Number(state.confidence_score.toFixed(3)),
  language: state.language,
  subIntents: state.sub_intents,
  entities: state.entities as Record<string, string[]>,
});

/** Turns the graph's final state into the rows of one transaction: messages, actions, status, events. */
export function turnWrite(conversation: Conversation, customerText: string, state: ConversationStateType): TurnWrite {
  const analysis = analysisOf(state);
  const escalated = state.requires_escalation;
  const pending = state.actions_taken.some((a) => a.status === 'pending');
  let status: ConversationStatus = conversation.status === 'resolved' ? 'open' : conversation.status;
  if (escalated) status = 'handed_off';
  else if (pending) status = 'pending';
  const events: TurnWrite['events'] = [];
  const base = { storeId: conversation.storeId, conversationId: conversation.id };
  events.push({ ...base, type: 'conversation.message_created', data: { role: 'customer' } });
  events.push({ ...base, type: 'conversation.message_created', data: { role: 'assistant' } });
  for (const action of state.actions_taken) events.push({ ...base, type: action.status === 'pending' ? 'action.pending' : 'action.completed', data: { actionId: action.id, type: action.type } });
  if (status !== conversation.status) events.push({ ...base, type: status === 'handed_off' ? 'conversation.handoff_requested' : `conversation.${status}`, data: { from: conversation.status, to: status, reason: state.escalation_reason } });
  const metadata = escalated
    ? { ...conversation.metadata, handoff: { reason: state.escalation_reason ?? 'unspecified', summary: state.handoff_summary ?? '', at: new Date().toISOString() } }
    : undefined;
  return {
    storeId: conversation.storeId,
    conversationId: conversation.id,
    messages: [
      { role: 'customer', content: customerText, metadata: { analysis } },
      { role: 'assistant', content: state.response, metadata: { template: state.agent_outputs.reply?.template ?? null, citations: state.agent_outputs.citations ?? [], ...replyExtras(state.agent_outputs.reply, state.response) } },
    ],
    actions: [
      ...state.actions_taken.map((a) => ({ id: a.id, type: a.type, status: a.status, data: a.data, reasons: a.reasons, actor: 'agent', ...(a.idempotencyKey ? { idempotencyKey: a.idempotencyKey } : {}) })),
      ...(escalated ? [{ type: 'handoff' as const, status: 'completed' as const, data: { reason: state.escalation_reason, summary: state.handoff_summary }, reasons: [state.escalation_reason ?? 'unspecified'], actor: 'agent' }] : []),
    ],
    status,
    ...(metadata ? { metadata } : {}),
    checkpointThreads: [conversation.id, ...state.actions_taken.map((a) => a.data.approvalThread).filter((t): t is string => typeof t === 'string')],
    pruneCheckpoints: (conversation.agentTurns + 1) % CHECKPOINTS_KEPT_PER_THREAD === 0,
    events,
  };
}
