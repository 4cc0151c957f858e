import { randomUUID } from 'node:crypto';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { toolConfig } from '../../tools/tool-context';
import { listText, reply } from '../shared/reply';

/**
 * An automatic refund (the policy allowed it): through the payment provider, logged with its
 * reasons. The idempotency key names the order and items: a retried turn never pays twice.
 * Undo: none — hence the policy check before it.
 */
export const issueRefundStep = (tools: AgentTools) => async (state: ConversationStateType): Promise<ConversationUpdate> => {
  const decision = state.policy_decision;
  if (decision?.kind !== 'refund' || decision.outcome !== 'allow') return {};
  const view = state.order_data!;
  const itemIds = [...(state.slots.itemIds ?? [])].sort();
  const items = itemIds.map((lineItemId) => ({ lineItemId, quantity: view.items.find((i) => i.id === lineItemId)?.quantity ?? 1 }));
  const idempotencyKey = `${state.conversation_id}:refund:${view.id}:${itemIds.join(',')}`;
  const reason = state.slots.refundReason ?? 'other';
  const refund = await tools.processRefund.invoke({ orderId: view.id, amountCents: decision.amountCents!, currency: view.currency, reason, items, idempotencyKey }, toolConfig(state.store_id));
  const action = {
    id: randomUUID(),
    type: 'process_refund' as const,
    status: 'completed' as const,
    data: { orderId: view.id, orderName: view.name, amountCents: refund.amountCents, currency: refund.currency, refundId: refund.refundId, reason, items },
    reasons: decision.reasons,
    idempotencyKey,
  };
  return reply(
    'refunds/completed',
    { amount: refund.amountCents, currency: refund.currency, order_name: view.name, items: listText(itemIds.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item')) },
    null,
    { actions_taken: [...state.actions_taken, action], agent_outputs: { resolved: true }, unresolved_turns: 0, slots: { orderRef: state.slots.orderRef, email: state.slots.email } },
  );
};
