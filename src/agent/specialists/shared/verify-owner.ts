import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from './reply';

const MAX_FAILED_VERIFICATIONS = 2;

/**
 * Verify the shopper may see the order (the policy engine decided in fetch_context). Wrong details
 * disclose nothing; after repeated failures a human verifies another way.
 */
export function verifyOwnerStep(state: ConversationStateType): ConversationUpdate {
  const order = state.order_data!;
  if (state.verified_orders.includes(order.id)) return {};
  const failures = state.slots.failedVerifications ?? 0;
  const vars = { order_name: order.name };
  if (failures >= MAX_FAILED_VERIFICATIONS || state.slots.verificationLocked) {
    return reply('verification/locked', vars, null, { requires_escalation: true, escalation_reason: 'identity_verification_failed' });
  }
  if (failures > 0) return reply('verification/failed', vars, { kind: 'verification', orderId: order.id }, { unresolved_turns: state.unresolved_turns + 1 });
  return reply('verification/ask', vars, { kind: 'verification', orderId: order.id });
}
