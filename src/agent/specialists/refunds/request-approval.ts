import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { toCents } from '../../../core/money';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from '../shared/reply';
import { approvalThreadId } from './approval-graph';

/**
 * A refund the policy marks for review becomes a pending action, and the shopper is told it is
 * waiting. The runner starts its approval thread after this run (a graph started inside a node
 * would pause this conversation's graph with its interrupt).
 */
export const requestApprovalStep = () => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const decision = state.policy_decision;
  if (decision?.kind !== 'refund' || decision.outcome !== 'review') return {};
  const run = runContext(config);
  const view = state.order_data!;
  const actionId = randomUUID();
  const items = (state.slots.itemIds ?? []).map((lineItemId) => ({ lineItemId, quantity: view.items.find((i) => i.id === lineItemId)?.quantity ?? 1 }));
  const amountCents = decision.amountCents!;
  const reason = state.slots.refundReason ?? 'other';
  const action = {
    id: actionId,
    type: 'process_refund' as const,
    status: 'pending' as const,
    data: { orderId: view.id, orderName: view.name, amountCents, currency: view.currency, reason, items, approvalThread: approvalThreadId(actionId) },
    reasons: decision.reasons,
  };
  return reply(
    'refunds/pending_review',
    { amount: amountCents, currency: view.currency, order_name: view.name, limit: toCents(run.settings.refundAutoApproveLimit, view.currency) },
    null,
    {
      actions_taken: [...state.actions_taken, action],
      pending_actions: [...state.pending_actions, { actionId, type: 'process_refund', orderName: view.name, amountCents, currency: view.currency }],
      agent_outputs: { resolved: true },
      slots: { orderRef: state.slots.orderRef, email: state.slots.email },
    },
  );
};
