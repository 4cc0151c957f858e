import type { OrderRequest } from '../../../core/ports/order-requests';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';
import { approvalThreadId } from './approval-graph';

/**
 * A refund the policy left for a human: a pending action (the request's action id), its approval
 * thread started by the runner after this run (a graph started inside a node would pause this
 * conversation's graph with its interrupt), and a reply that says a person reviews it — never the
 * limit or rule that sent it there (those stay in the action's reasons for the operator).
 */
export function pendingRefundReply(state: ConversationStateType, request: OrderRequest, reasons: string[], reason: string): ConversationUpdate {
  const view = state.order_data!;
  const actionId = request.actionId!;
  const action = {
    id: actionId,
    type: 'process_refund' as const,
    status: 'pending' as const,
    data: {
      orderId: view.id,
      orderName: view.name,
      amountCents: request.amountCents,
      currency: view.currency,
      reason,
      items: request.items,
      approvalThread: approvalThreadId(actionId),
      requestId: request.id,
      // The photos the claim came with: the operator sees them beside the request (signed links, docs/adr/0034).
      ...(state.evidence.length ? { evidence: state.evidence } : {}),
    },
    reasons,
    idempotencyKey: request.requestKey,
  };
  // A parcel that never came: the team checks with the carrier (a claim where it is due) and refunds or sends it again.
  const lost = reason === 'not_received' || reason === 'late';
  return reply('refunds/pending_review', { amount: request.amountCents, currency: view.currency, order_name: view.name, lost, with_photo: state.evidence.length > 0 }, null, {
    // The photos went with this claim: another claim needs its own.
    ...(state.evidence.length ? { evidence: { clear: true as const } } : {}),
    actions_taken: [...state.actions_taken, action],
    pending_actions: [...state.pending_actions, { actionId, type: 'process_refund', orderName: view.name, amountCents: request.amountCents, currency: view.currency }],
    agent_outputs: { resolved: true },
    slots: { orderRef: state.slots.orderRef, email: state.slots.email },
  });
}
