import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import type { ReturnOutcome } from '../../order-actions/index';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { actionFailedReply } from '../shared/action-failed';
import { requestContext } from '../shared/request-context';
import { listText, reply } from '../shared/reply';
import { decidingReason } from '../shared/refusal';

/**
 * Create the return: prepaid label + RMA inside the order's lock (decided again on the order as it
 * is there), logged as an action with the policy's reasons. Its key names the order and items, so
 * the same return asked twice, from any conversation, is made once. Undo: cancelReturn on the commerce port.
 */
export const createReturnStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const run = runContext(config);
  const view = state.order_data!;
  const order = run.orders.get(view.id)!;
  const itemIds = [...(state.slots.itemIds ?? [])].sort();
  const items = itemIds.map((lineItemId) => ({ lineItemId, quantity: order.lineItems.find((l) => l.id === lineItemId)?.quantity ?? 1 }));
  // The size or colour the shopper asked for, from whichever message said it; none said: our team asks.
  const exchange = state.intent === 'exchange_request' ? listText(state.slots.variantWanted ?? []) || 'a size or colour our team will confirm with you' : null;
  const outcome = (await recordToolCall(run, tools.createReturnLabel.name, () =>
    tools.createReturnLabel.invoke(
      { orderId: view.id, items, reason: exchange ? `exchange for ${exchange}` : (state.slots.refundReason ?? 'customer_request'), exchange, conditionConfirmed: state.slots.confirmed === true },
      toolConfig(state.store_id, requestContext(state, run)),
    ),
  )) as ReturnOutcome;
  const titles = listText(itemIds.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'));
  const forget = { slots: { orderRef: state.slots.orderRef, email: state.slots.email } };
  switch (outcome.outcome) {
    case 'created': {
      const action = {
        id: randomUUID(),
        type: exchange ? ('create_exchange' as const) : ('create_return' as const),
        status: 'completed' as const,
        data: { orderId: view.id, orderName: view.name, items, itemTitles: itemIds.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'), rma: outcome.rma, labelUrl: outcome.labelUrl, trackingNumber: outcome.trackingNumber, carrier: outcome.carrier, exchange, requestId: outcome.request.id },
        reasons: state.policy_decision?.reasons ?? [],
        idempotencyKey: outcome.request.requestKey,
      };
      return reply(
        'returns/created',
        { rma: outcome.rma, items: titles, carrier: outcome.carrier, label_url: outcome.labelUrl, tracking_number: outcome.trackingNumber, item_count: items.length, exchange },
        null,
        { ...forget, actions_taken: [...state.actions_taken, action], unresolved_turns: 0, agent_outputs: { resolved: true } },
      );
    }
    case 'duplicate':
      return reply('returns/already_created', { rma: outcome.rma ?? null, items: titles, carrier: outcome.carrier ?? null, label_url: outcome.labelUrl ?? null }, null, { ...forget, unresolved_turns: 0, agent_outputs: { resolved: true } });
    case 'denied': {
      const all = [...outcome.decision.reasons, ...outcome.decision.items.flatMap((i) => i.reasons)].filter((r) => r.code !== 'some_items_not_returnable');
      const reasons = all.filter((r) => r.effect !== 'allow').map((r) => r.message);
      return reply('returns/not_eligible', { order_name: view.name, items: titles, item_count: items.length, window_days: run.settings.returnWindowDays, reason: decidingReason(all), alternatives: '' }, null, { ...forget, policy_context: reasons, agent_outputs: { resolved: true } });
    }
    case 'failed':
      return actionFailedReply(view.name, outcome);
  }
};
