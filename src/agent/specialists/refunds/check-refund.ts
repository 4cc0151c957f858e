import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { decideRefund, type RefundReason } from '../../../policy/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { listText, reply } from '../shared/reply';
import { askedAmountCents } from './read-amount';
import { refundRefusalVars } from './refusal-vars';

/** Refund approval by the policy engine: window, returned or in transit, earlier refunds, the auto-approve limit. */
export function checkRefundStep(state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate {
  const run = runContext(config);
  const view = state.order_data!;
  const order = run.orders.get(view.id)!;
  const items = (state.slots.itemIds ?? []).map((lineItemId) => ({ lineItemId, quantity: order.lineItems.find((l) => l.id === lineItemId)?.quantity ?? 1 }));
  const amountCents = askedAmountCents(state, order.currency);
  const decision = decideRefund({ order, ...(items.length ? { items } : {}), ...(amountCents !== undefined ? { amountCents } : {}), reason: (state.slots.refundReason ?? 'other') as RefundReason, settings: run.settings, now: run.now, evidence: { photos: state.evidence.length } });
  const reasons = decision.reasons.map((r) => r.message);
  const record = { kind: 'refund' as const, outcome: decision.outcome, reasons, questions: [], amountCents: decision.amountCents, ...(decision.evidenceMissing ? { evidenceMissing: true } : {}) };
  const titles = listText(items.map((i) => view.items.find((v) => v.id === i.lineItemId)?.title ?? 'item'));
  if (decision.outcome !== 'deny') return { policy_decision: record, policy_context: reasons };
  if (decision.reasons.some((r) => r.code === 'return_required')) {
    // Offer the return the policy asks for; a "yes" continues in the returns specialist.
    return reply('refunds/return_required', { items: titles }, { kind: 'confirmation', action: 'create_return', orderId: view.id }, {
      policy_decision: record,
      policy_context: reasons,
      active_intent: 'return_request',
    });
  }
  // Only what refuses it: the limits and checks it passed or would send to a human are not the shopper's to read.
  return reply('refunds/denied', refundRefusalVars(view, decision, run.settings.refundWindowDays), null, {
    policy_decision: record,
    policy_context: reasons,
    agent_outputs: { resolved: true },
  });
}
