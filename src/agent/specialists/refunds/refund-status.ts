import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';

const STATUS_TEXT: Record<string, string> = { succeeded: 'issued', pending: 'started', failed: 'attempted but failed' };

/** For "where is my refund?": refunds issued on the order and any awaiting approval. Other intents pass. */
export function refundStatusStep(state: ConversationStateType): ConversationUpdate {
  if (state.intent !== 'refund_status') return {};
  const order = state.order_data!;
  const pendingAction = state.pending_actions.find((p) => p.orderName === order.name && p.type === 'process_refund');
  const pending = pendingAction ? { amount: pendingAction.amountCents } : null;
  const done = { agent_outputs: { resolved: true }, unresolved_turns: 0 };
  if (order.refunds.length === 0) return reply('refunds/none', { order_name: order.name, pending, currency: order.currency }, null, done);
  return reply(
    'refunds/status',
    { order_name: order.name, currency: order.currency, pending, refunds: order.refunds.map((r) => ({ amount: r.amountCents, created_at: r.createdAt, status_text: STATUS_TEXT[r.status] ?? r.status })) },
    null,
    done,
  );
}
