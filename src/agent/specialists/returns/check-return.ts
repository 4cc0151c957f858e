import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { decideReturn } from '../../../policy/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { listText, reply } from '../shared/reply';
import { decidingReason } from '../shared/refusal';

const ALTERNATIVE_TEXT: Record<string, string> = { exchange: 'an exchange for another size or colour', store_credit: 'store credit' };

/** Return eligibility by the policy engine: window from delivery, excluded categories, what was already returned. */
export function checkReturnStep(state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate {
  const run = runContext(config);
  const view = state.order_data!;
  const order = run.orders.get(view.id)!;
  const itemIds = state.slots.itemIds ?? [];
  const decision = decideReturn({
    order,
    items: itemIds.map((lineItemId) => ({ lineItemId, quantity: order.lineItems.find((l) => l.id === lineItemId)?.quantity ?? 1 })),
    settings: run.settings,
    ...(state.slots.confirmed ? { conditionConfirmed: true } : {}),
    now: run.now,
  });
  const titles = (ids: string[]) => listText(ids.map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'));
  const policy_context = decision.reasons.map((r) => r.message);
  const codes = new Set([...decision.reasons, ...decision.items.flatMap((i) => i.reasons)].map((r) => r.code));
  if (codes.has('not_delivered') || codes.has('not_shipped')) {
    return reply('returns/not_delivered', { order_name: view.name, cancellable: view.fulfillments.length === 0 }, null, { policy_context });
  }
  const allowed = decision.returnableItems.map((i) => i.lineItemId);
  if (decision.outcome === 'deny' || allowed.length === 0) {
    return reply(
      'returns/not_eligible',
      {
        items: titles(itemIds),
        order_name: view.name,
        item_count: itemIds.length,
        window_days: run.settings.returnWindowDays,
        reason: decidingReason([...decision.reasons, ...decision.items.flatMap((i) => i.reasons)].filter((r) => r.code !== 'some_items_not_returnable')),
        alternatives: listText((decision.alternatives ?? []).map((a) => ALTERNATIVE_TEXT[a] ?? a)),
      },
      null,
      { policy_context, agent_outputs: { resolved: true } },
    );
  }
  return {
    policy_context,
    slots: { ...state.slots, itemIds: allowed },
    policy_decision: { kind: 'return', outcome: 'allow', reasons: decision.reasons.map((r) => r.message), questions: decision.conditionQuestions ?? [] },
  };
}
