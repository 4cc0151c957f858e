import type { ConversationStateType, ConversationUpdate } from '../../state';
import { asksAmountBack } from '../../understanding/follow-up';
import { listText, reply } from './reply';

/**
 * "ok and how much will I get back": the amount from the order's facts, for the task in progress
 * (the items of the return, what is left of a cancelled order, a refund already made). Nothing
 * is started; a question that was waiting is asked again after it (docs/adr/0035).
 */
export function amountBackStep(state: ConversationStateType): ConversationUpdate {
  if (!asksAmountBack(state.input)) return {};
  const order = state.order_data!;
  const left = Math.max(0, order.totalCents - order.refundedCents);
  const vars = { order_name: order.name, currency: order.currency };
  if (state.intent === 'cancel_order') return reply('refunds/amount_back', { ...vars, kind: order.cancelled ? 'cancelled' : 'cancel', amount: order.cancelled ? order.refundedCents : left }, null, { unresolved_turns: 0 });
  if (state.intent === 'refund_request' && order.refundedCents > 0) return reply('refunds/amount_back', { ...vars, kind: 'refunded', amount: order.refundedCents }, null, { unresolved_turns: 0 });
  const chosen = order.items.filter((i) => (state.slots.itemIds ?? []).includes(i.id));
  const items = chosen.length > 0 ? chosen : order.items;
  const amount = Math.min(left, items.reduce((sum, i) => sum + i.priceCents * i.quantity, 0));
  return reply('refunds/amount_back', { ...vars, kind: state.intent === 'refund_request' ? 'refund' : 'return', amount, items: listText(items.map((i) => i.title)) }, null, { unresolved_turns: 0 });
}
