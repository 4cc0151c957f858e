import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from './reply';

// Requests that would give money back again, or start something a refund already settled.
const SETTLED_BY_REFUND = new Set(['refund_request', 'return_request', 'exchange_request', 'cancel_order', 'delivery_problem']);

/**
 * An order refunded in full, asked about again (a refund, a return, a cancellation, "it never came"):
 * said plainly, with the refund's amount and date from the order, and nothing new is requested
 * (docs/adr/0035). Where the refund is ("when will I see it?") is the refund status step's answer.
 */
export function alreadyRefundedStep(state: ConversationStateType): ConversationUpdate {
  const order = state.order_data!;
  // A cancelled order's own answer says it was cancelled and refunded.
  if (!SETTLED_BY_REFUND.has(state.intent) || (state.intent === 'cancel_order' && order.cancelled)) return {};
  const fully = order.financialStatus === 'refunded' || (order.totalCents > 0 && order.refundedCents >= order.totalCents);
  if (!fully) return {};
  const last = order.refunds.filter((r) => r.status !== 'failed').at(-1);
  return reply(
    'refunds/already_refunded',
    { order_name: order.name, amount: order.refundedCents, currency: order.currency, refunded_at: last?.createdAt ?? null, cancelled: order.cancelled, asked: state.intent === 'return_request' || state.intent === 'exchange_request' ? 'return' : 'refund' },
    null,
    { agent_outputs: { resolved: true }, unresolved_turns: 0, slots: { orderRef: state.slots.orderRef, orderHow: state.slots.orderHow, email: state.slots.email } },
  );
}
