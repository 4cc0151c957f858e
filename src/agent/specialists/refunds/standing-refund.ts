import type { OrderRequest } from '../../../core/ports/order-requests';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';

/** The same refund asked again: where the request already standing is (paid, being paid, with our team, declined). Nothing new is queued. */
export function standingRefundReply(state: ConversationStateType, request: OrderRequest): ConversationUpdate {
  const view = state.order_data!;
  const status = request.status === 'completed' ? 'paid' : request.status === 'rejected' ? 'declined' : request.status === 'pending' ? 'reviewing' : 'processing';
  return reply(
    'refunds/already_requested',
    { order_name: view.name, amount: request.amountCents, currency: request.currency ?? view.currency, status, since: request.createdAt.toISOString() },
    null,
    { agent_outputs: { resolved: true }, unresolved_turns: 0, slots: { orderRef: state.slots.orderRef, email: state.slots.email } },
  );
}
