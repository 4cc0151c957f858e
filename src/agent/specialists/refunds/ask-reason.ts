import type { ConversationStateType, ConversationUpdate } from '../../state';
import { readRefundReason } from '../../understanding/refund-reason';
import { reply } from '../shared/reply';

/** Why the refund: read from the message (damaged, never arrived…) or asked. The reason decides whether a return is needed. */
export function askReasonStep(state: ConversationStateType): ConversationUpdate {
  if (state.slots.refundReason) return {};
  const reason = readRefundReason(state.input) ?? state.messages.map((m) => (m.role === 'customer' ? readRefundReason(m.content) : undefined)).findLast(Boolean);
  if (reason) return { slots: { ...state.slots, refundReason: reason } };
  const order = state.order_data!;
  return reply('refunds/ask_reason', { order_name: order.name }, { kind: 'refund_reason', orderId: order.id });
}
