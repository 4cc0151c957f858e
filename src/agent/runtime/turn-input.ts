import type { Conversation } from '../../core/conversation';
import type { ConversationUpdate } from '../state';

/** What a new shopper message puts into the graph; per-turn channels start fresh, the rest is remembered. */
export function turnInput(conversation: Conversation, content: string, now: Date, attached: string[] = []): ConversationUpdate {
  const customer = conversation.metadata.customer ?? {};
  return {
    conversation_id: conversation.id,
    store_id: conversation.storeId,
    customer_id: conversation.customerId,
    channel: conversation.channel,
    identity: { email: customer.email, customerId: customer.externalId, verified: conversation.metadata.identityVerified === true },
    input: content,
    attached,
    evidence: { add: attached },
    messages: [{ role: 'customer', content }],
    agent_outputs: {},
    actions_taken: [],
    policy_context: [],
    policy_decision: null,
    order_data: null,
    order_choices: [],
    order_choices_when: null,
    unmatched_items: [],
    response: '',
    turn_replies: [],
    requires_escalation: false,
    escalation_reason: null,
    handoff_summary: null,
    started_at: now.toISOString(),
  };
}
