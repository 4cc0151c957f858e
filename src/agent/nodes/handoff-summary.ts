import { formatMoney } from '../../core/money';
import type { ConversationStateType } from '../state';

const REASON_TEXT: Record<string, string> = {
  human_requested: 'the shopper asked for a person',
  complaint: 'complaint',
  negative_sentiment: 'frustrated shopper, not resolved',
  churn_or_chargeback_threat: 'threatens to leave or charge back',
  repeated_unresolved: 'several turns without resolution',
  low_confidence: 'the agent could not understand the request',
  high_value_order: 'unhappy owner of a high-value order',
  policy_review: 'the policy asks for a human decision',
  identity_verification_failed: 'could not verify the shopper',
  delivered_not_received: 'carrier says delivered, shopper has not received it',
  shipment_exception: 'carrier exception on the shipment',
  shipment_returning_to_sender: 'parcel returning to sender',
  order_modification: 'wants to change items on an order',
  knowledge_gap: 'question not covered by the knowledge base',
  write_not_confirmed: 'an order change did not read back as done',
  missing_item: 'an item was missing from a delivered parcel',
  shipment_no_movement: 'no carrier scan for 72 hours or more',
  shipment_never_scanned: 'label created, never scanned by the carrier',
  provider_unavailable: "the store's order system, payments or carrier could not be reached",
};

/** A few lines for the human taking over: why, who, which order, what was done, what was said last. */
export function handoffSummary(state: ConversationStateType): string {
  const lines = [`Reason: ${REASON_TEXT[state.escalation_reason ?? ''] ?? state.escalation_reason ?? 'unspecified'}.`];
  lines.push(`Request: ${state.intent.replaceAll('_', ' ')} (confidence ${state.confidence_score.toFixed(2)}); sentiment ${state.sentiment}${state.frustration ? ', frustrated' : ''}; priority ${state.priority}.`);
  const order = state.order_data;
  if (order) {
    const verified = state.verified_orders.includes(order.id) ? 'verified owner' : 'owner NOT verified';
    lines.push(`Order ${order.name}: ${formatMoney(order.totalCents, order.currency)}, ${order.financialStatus}, ${order.fulfillmentStatus}${order.cancelled ? ', cancelled' : ''} (${verified}).`);
  }
  for (const action of state.actions_taken) lines.push(`Action: ${action.type} ${action.status}${action.reasons.length ? ` — ${action.reasons.join('; ')}` : ''}.`);
  if (state.policy_context.length > 0) lines.push(`Policy: ${state.policy_context.join('; ')}.`);
  lines.push(`Last message: "${state.input.slice(0, 280)}"`);
  return lines.join('\n');
}
