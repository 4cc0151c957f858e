import type { Action, Conversation, Message } from '../../core/conversation';
import { HANDBACK_TAG } from '../../core/ports/helpdesk';
import { renderNote } from './render-note';

const LAST_MESSAGES = 12;
const MESSAGE_CHARS = 600;

const intentOf = (messages: Message[]) => {
  const analysed = [...messages].reverse().find((m) => m.role === 'customer' && (m.metadata as { analysis?: { intent?: string } } | undefined)?.analysis?.intent);
  const analysis = (analysed?.metadata as { analysis?: { intent: string; confidence?: number } } | undefined)?.analysis;
  return analysis ? `${analysis.intent}${typeof analysis.confidence === 'number' ? ` (confidence ${analysis.confidence.toFixed(2)})` : ''}` : 'unknown';
};

const orderOf = (messages: Message[]) => {
  for (const m of [...messages].reverse()) {
    const focus = (m.metadata as { dialogue?: { focus?: { order?: string | null; verified?: boolean } } } | undefined)?.dialogue?.focus;
    if (focus?.order) return `${focus.order}${focus.verified ? ' (ownership verified)' : ' (ownership not verified)'}`;
  }
  return 'none named';
};

const actionLine = (action: Action) => ({
  type: action.type.replace(/_/g, ' '),
  status: action.status,
  order: typeof action.data.order === 'string' ? action.data.order : typeof action.data.orderName === 'string' ? action.data.orderName : '',
  reasons: action.reasons.join(', '),
});

/** The handoff's internal note (templates/handoff-note.liquid) from the conversation as stored. */
export async function handoffNote(o: { conversation: Conversation; messages: Message[]; actions: Action[] }): Promise<string> {
  const { conversation, messages } = o;
  const handoff = conversation.metadata.handoff;
  const customer = conversation.metadata.customer;
  return renderNote('handoff-note', {
    reason: handoff?.reason ?? 'unspecified',
    summary: handoff?.summary ?? '',
    intent: intentOf(messages),
    order: orderOf(messages),
    email: customer?.email ?? 'not given',
    identity: conversation.metadata.identityVerified ? 'verified' : 'as the helpdesk gives it, not verified',
    actions: o.actions.filter((a) => a.type !== 'handoff').map(actionLine),
    messages: messages.slice(-LAST_MESSAGES).map((m) => ({ role: m.role === 'assistant' ? 'Concierge' : m.role === 'customer' ? 'requester' : m.role, content: m.content.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_CHARS) })),
    handBackTag: HANDBACK_TAG,
  });
}
