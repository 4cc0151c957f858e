import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { decideAddressChange } from '../../../policy/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { toolConfig } from '../../tools/tool-context';
import { readAddress } from '../../understanding/address';
import { listText, reply } from '../shared/reply';

const oneLine = (a: { address1: string; address2?: string | null; city: string; province?: string | null; zip: string; country: string }) =>
  [a.address1, a.address2, a.city, [a.province, a.zip].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');

/** Address change: only before fulfilment (policy); asks for the new address, changes it, reads it back. */
export const changeAddressStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  if (state.intent !== 'change_address') return {};
  const run = runContext(config);
  const view = state.order_data!;
  const newAddress = state.slots.newAddress ?? readAddress(state.input, view.shippingAddress?.country ?? 'US');
  const decision = decideAddressChange({ order: run.orders.get(view.id)!, newAddress, now: run.now });
  const reasons = decision.reasons.map((r) => r.message);
  if (decision.outcome !== 'allow' && !(newAddress === undefined && decision.reasons.every((r) => r.effect === 'allow' || r.code === 'address_incomplete'))) {
    return reply('changes/address_denied', { order_name: view.name, reasons: listText(decision.reasons.map((r) => r.message)) }, null, { policy_context: reasons, agent_outputs: { resolved: true } });
  }
  if (!newAddress) return reply('changes/ask_address', { order_name: view.name }, { kind: 'new_address', orderId: view.id });
  const idempotencyKey = `${state.conversation_id}:address:${view.id}:${newAddress.zip}:${newAddress.address1}`;
  const shippingAddress = { ...newAddress, name: view.shippingAddress?.name ?? null, phone: view.shippingAddress?.phone ?? null };
  const updated = await tools.updateOrder.invoke({ orderId: view.id, shippingAddress, idempotencyKey }, toolConfig(state.store_id));
  const action = {
    id: randomUUID(),
    type: 'update_address' as const,
    status: updated.confirmed ? ('completed' as const) : ('failed' as const),
    data: { orderId: view.id, orderName: view.name, address: shippingAddress, previous: updated.previous },
    reasons,
    idempotencyKey,
  };
  if (!updated.confirmed) return reply('changes/address_denied', { order_name: view.name, reasons: 'the change did not take in our system' }, null, { actions_taken: [...state.actions_taken, action], requires_escalation: true, escalation_reason: 'write_not_confirmed' });
  return reply('changes/address_updated', { order_name: view.name, address: oneLine(newAddress) }, null, {
    actions_taken: [...state.actions_taken, action],
    order_data: updated.order,
    slots: { ...state.slots, newAddress: undefined },
    agent_outputs: { resolved: true },
    unresolved_turns: 0,
  });
};
