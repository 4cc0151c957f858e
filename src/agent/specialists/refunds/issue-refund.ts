import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { RefundOutcome } from '../../order-actions/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { actionFailedReply } from '../shared/action-failed';
import { requestContext } from '../shared/request-context';
import { listText, reply } from '../shared/reply';
import { askPhotoStep } from './ask-photo';
import { pendingRefundReply } from './request-approval';
import { askedAmountCents } from './read-amount';
import { refundRefusalVars } from './refusal-vars';
import { standingRefundReply } from './standing-refund';

/**
 * The refund the shopper asked for, through the money path: the order is locked and decided
 * again as it is there. Paid at once (logged with its reasons), left for a human (a pending
 * action), refused, or — the same request already standing — answered with where it stands.
 * Whatever happens, the shopper gets an answer and the turn is stored. Undo: none.
 */
export const issueRefundStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const checked = state.policy_decision;
  if (checked?.kind !== 'refund' || checked.outcome === 'deny') return {};
  const run = runContext(config);
  const view = state.order_data!;
  const itemIds = [...(state.slots.itemIds ?? [])].sort();
  const items = itemIds.map((lineItemId) => ({ lineItemId, quantity: view.items.find((i) => i.id === lineItemId)?.quantity ?? 1 }));
  const reason = (state.slots.refundReason ?? 'other') as 'other';
  const amountCents = askedAmountCents(state, view.currency);
  const outcome = (await recordToolCall(run, tools.processRefund.name, () =>
    tools.processRefund.invoke({ orderId: view.id, items, reason, ...(amountCents !== undefined ? { amountCents } : {}) }, toolConfig(state.store_id, requestContext(state, run))),
  )) as RefundOutcome;
  const titles = (ids: string[]) => listText(ids.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'));
  const forget = { slots: { orderRef: state.slots.orderRef, email: state.slots.email } };
  switch (outcome.outcome) {
    case 'refunded': {
      const { request, refund } = outcome;
      const action = {
        id: request.actionId ?? request.id,
        type: 'process_refund' as const,
        status: 'completed' as const,
        data: { orderId: view.id, orderName: view.name, amountCents: refund.amountCents, currency: refund.currency, refundId: refund.id, reason, items: request.items, requestId: request.id },
        reasons: outcome.decision?.reasons.map((r) => r.message) ?? checked.reasons,
        idempotencyKey: request.requestKey,
      };
      return reply('refunds/completed', { amount: refund.amountCents, currency: refund.currency, order_name: view.name, items: titles(request.items.map((i) => i.lineItemId)) }, null, {
        ...forget,
        actions_taken: [...state.actions_taken, action],
        agent_outputs: { resolved: true },
        unresolved_turns: 0,
      });
    }
    case 'review':
      return pendingRefundReply(state, outcome.request, outcome.decision.reasons.map((r) => r.message), reason);
    case 'evidence_needed':
      // The money path found no photo where the store asks for one (asked again, it waits for it).
      return askPhotoStep({ ...state, policy_decision: { ...checked, outcome: 'review', evidenceMissing: true } });
    case 'denied': {
      return reply('refunds/denied', refundRefusalVars(view, outcome.decision, run.settings.refundWindowDays), null, { ...forget, policy_context: outcome.decision.reasons.map((r) => r.message), agent_outputs: { resolved: true } });
    }
    case 'duplicate':
      return standingRefundReply(state, outcome.request);
    case 'failed':
      return actionFailedReply(view.name, outcome);
  }
};
