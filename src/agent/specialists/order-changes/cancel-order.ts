import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { decideCancellation } from '../../../policy/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import type { CancelOutcome } from '../../order-actions/index';
import { toOrderView } from '../../tools/order-view';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { actionFailedReply } from '../shared/action-failed';
import { requestContext } from '../shared/request-context';
import { readConfirmation } from '../../understanding/confirmation';
import { listText, reply } from '../shared/reply';
import { decidingReason } from '../shared/refusal';

/** Cancellation: only before fulfilment (policy), confirmed by the shopper (it cannot be undone), then done and logged. */
export const cancelOrderStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  if (state.intent !== 'cancel_order') return {};
  const run = runContext(config);
  const view = state.order_data!;
  const decision = decideCancellation({ order: run.orders.get(view.id)!, now: run.now });
  const reasons = decision.reasons.map((r) => r.message);
  const record = { kind: 'cancellation' as const, outcome: decision.outcome, reasons, questions: [] };
  if (decision.outcome !== 'allow') {
    const review = decision.outcome === 'review';
    return reply('changes/cancel_denied', { order_name: view.name, reason: decidingReason(decision.reasons), returnable: view.fulfillments.length > 0, delivered: view.fulfillments.length > 0 && view.fulfillments.every((f) => f.deliveredAt) }, null, {
      policy_decision: record,
      policy_context: reasons,
      agent_outputs: { resolved: !review },
      ...(review ? { requires_escalation: true, escalation_reason: 'policy_review' } : {}),
    });
  }
  const awaitingYes = state.awaiting?.kind === 'confirmation' && state.awaiting.action === 'cancel_order' && state.awaiting.orderId === view.id;
  const answer = awaitingYes ? readConfirmation(state.input) : undefined;
  if (answer === false) return reply('changes/cancel_kept', { order_name: view.name }, null, { agent_outputs: { resolved: true } });
  if (answer !== true) {
    return reply('changes/confirm_cancel', { order_name: view.name, items: listText(view.items.map((i) => i.title)), total: view.totalCents, currency: view.currency }, { kind: 'confirmation', action: 'cancel_order', orderId: view.id }, { policy_decision: record });
  }
  // Yes: cancelled inside the order's lock, decided again on the order as it is there.
  const outcome = (await recordToolCall(run, tools.cancelOrder.name, () => tools.cancelOrder.invoke({ orderId: view.id, reason: 'customer' }, toolConfig(state.store_id, requestContext(state, run))))) as CancelOutcome;
  switch (outcome.outcome) {
    case 'cancelled': {
      const action = { id: randomUUID(), type: 'cancel_order' as const, status: 'completed' as const, data: { orderId: view.id, orderName: view.name, refundedCents: outcome.refundedCents, requestId: outcome.request.id }, reasons, idempotencyKey: outcome.request.requestKey };
      return reply('changes/cancelled', { order_name: view.name, refunded: outcome.refundedCents, currency: view.currency }, null, {
        actions_taken: [...state.actions_taken, action],
        order_data: toOrderView(outcome.order),
        agent_outputs: { resolved: true },
        unresolved_turns: 0,
      });
    }
    case 'duplicate':
      return reply('changes/already_cancelled', { order_name: view.name, refunded: Number(outcome.request.result.refundedCents ?? 0), currency: view.currency }, null, { order_data: toOrderView(outcome.order), agent_outputs: { resolved: true }, unresolved_turns: 0 });
    case 'denied':
    case 'review': {
      const review = outcome.outcome === 'review';
      return reply('changes/cancel_denied', { order_name: view.name, reason: decidingReason(outcome.decision.reasons), returnable: view.fulfillments.length > 0, delivered: view.fulfillments.length > 0 && view.fulfillments.every((f) => f.deliveredAt) }, null, {
        policy_context: outcome.decision.reasons.map((r) => r.message),
        agent_outputs: { resolved: !review },
        ...(review ? { requires_escalation: true, escalation_reason: 'policy_review' } : {}),
      });
    }
    case 'failed':
      return actionFailedReply(view.name, outcome);
  }
};
