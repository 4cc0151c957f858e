import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { toolConfig } from '../../tools/tool-context';
import { listText, reply } from '../shared/reply';

/**
 * Create the return: prepaid label + RMA, logged as an action with the policy's reasons. The
 * idempotency key names the order and items, so a retried turn makes no second return.
 * Undo: cancelReturn on the commerce port.
 */
export const createReturnStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const run = runContext(config);
  const view = state.order_data!;
  const order = run.orders.get(view.id)!;
  const itemIds = [...(state.slots.itemIds ?? [])].sort();
  const items = itemIds.map((lineItemId) => ({ lineItemId, quantity: order.lineItems.find((l) => l.id === lineItemId)?.quantity ?? 1 }));
  const exchange = state.intent === 'exchange_request' ? listText([...(state.entities.sizes ?? []).map((s) => `size ${s}`), ...(state.entities.colors ?? [])]) || 'the variant you choose' : null;
  const idempotencyKey = `${state.conversation_id}:return:${view.id}:${itemIds.join(',')}`;
  const created = await tools.createReturnLabel.invoke(
    { orderId: view.id, items, reason: exchange ? `exchange for ${exchange}` : (state.slots.refundReason ?? 'customer_request'), idempotencyKey },
    toolConfig(state.store_id),
  );
  const titles = listText(itemIds.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'));
  const action = {
    id: randomUUID(),
    type: exchange ? ('create_exchange' as const) : ('create_return' as const),
    status: 'completed' as const,
    data: { orderId: view.id, orderName: view.name, items, rma: created.rma, labelUrl: created.labelUrl, trackingNumber: created.trackingNumber, carrier: created.carrier, exchange },
    reasons: state.policy_decision?.reasons ?? [],
    idempotencyKey,
  };
  return reply(
    'returns/created',
    { rma: created.rma, items: titles, carrier: created.carrier, label_url: created.labelUrl, tracking_number: created.trackingNumber, item_count: items.length, exchange },
    null,
    { actions_taken: [...state.actions_taken, action], unresolved_turns: 0, agent_outputs: { resolved: true }, slots: { orderRef: state.slots.orderRef, email: state.slots.email } },
  );
};
