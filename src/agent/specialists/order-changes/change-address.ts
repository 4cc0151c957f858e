import { randomUUID } from 'node:crypto';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { decideAddressChange } from '../../../policy/index';
import { runContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import type { AddressOutcome } from '../../order-actions/index';
import { toOrderView } from '../../tools/order-view';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { actionFailedReply } from '../shared/action-failed';
import { requestContext } from '../shared/request-context';
import { readAddress } from '../../understanding/address';
import { readConfirmation } from '../../understanding/confirmation';
import { reply } from '../shared/reply';
import { decidingReason } from '../shared/refusal';

const oneLine = (a: { address1: string; address2?: string | null; city: string; province?: string | null; zip: string; country: string }) =>
  [a.address1, a.address2, a.city, [a.province, a.zip].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');

/**
 * Address change: only before fulfilment (policy); asks for the new address, reads it back for a
 * yes (the address is the agent's reading of what was typed: "Austin TX" became a US address), then
 * changes it (docs/adr/0039). A no keeps the old address; another address is read back in turn.
 */
export const changeAddressStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  if (state.intent !== 'change_address') return {};
  const run = runContext(config);
  const view = state.order_data!;
  const newAddress = state.slots.newAddress ?? readAddress(state.input, view.shippingAddress?.country ?? 'US');
  const decision = decideAddressChange({ order: run.orders.get(view.id)!, newAddress, now: run.now });
  const reasons = decision.reasons.map((r) => r.message);
  if (decision.outcome !== 'allow' && !(newAddress === undefined && decision.reasons.every((r) => r.effect === 'allow' || r.code === 'address_incomplete'))) {
    return reply('changes/address_denied', { order_name: view.name, reason: decidingReason(decision.reasons) }, null, { policy_context: reasons, agent_outputs: { resolved: true } });
  }
  if (!newAddress) return reply('changes/ask_address', { order_name: view.name }, { kind: 'new_address', orderId: view.id });
  const asked = state.awaiting?.kind === 'confirmation' && state.awaiting.action === 'update_address' && state.awaiting.orderId === view.id;
  const answer = asked ? readConfirmation(state.input) : undefined;
  if (answer === false) return reply('changes/address_kept', { order_name: view.name }, null, { slots: { ...state.slots, newAddress: undefined, addressDraft: undefined }, agent_outputs: { resolved: true } });
  if (answer !== true || readAddress(state.input)) {
    return reply('changes/confirm_address', { order_name: view.name, address: oneLine(newAddress) }, { kind: 'confirmation', action: 'update_address', orderId: view.id }, { slots: { ...state.slots, newAddress } });
  }
  const shippingAddress = { ...newAddress, name: view.shippingAddress?.name ?? null, phone: view.shippingAddress?.phone ?? null };
  // Changed inside the order's lock, decided again on the order as it is there.
  const outcome = (await recordToolCall(run, tools.updateOrder.name, () => tools.updateOrder.invoke({ orderId: view.id, shippingAddress }, toolConfig(state.store_id, requestContext(state, run))))) as AddressOutcome;
  const done = { slots: { ...state.slots, newAddress: undefined, addressDraft: undefined }, agent_outputs: { resolved: true }, unresolved_turns: 0 };
  switch (outcome.outcome) {
    case 'unchanged':
      return reply('changes/address_updated', { order_name: view.name, address: oneLine(newAddress) }, null, { ...done, order_data: toOrderView(outcome.order) });
    case 'updated': {
      const action = {
        id: randomUUID(),
        type: 'update_address' as const,
        status: outcome.confirmed ? ('completed' as const) : ('failed' as const),
        data: { orderId: view.id, orderName: view.name, address: shippingAddress, previous: outcome.previous, requestId: outcome.request.id },
        reasons,
        idempotencyKey: outcome.request.requestKey,
      };
      if (!outcome.confirmed) return reply('changes/address_denied', { order_name: view.name, reason: 'write_not_confirmed' }, null, { actions_taken: [...state.actions_taken, action], requires_escalation: true, escalation_reason: 'write_not_confirmed' });
      return reply('changes/address_updated', { order_name: view.name, address: oneLine(newAddress) }, null, { ...done, actions_taken: [...state.actions_taken, action], order_data: toOrderView(outcome.order) });
    }
    case 'denied':
    case 'review':
      return reply('changes/address_denied', { order_name: view.name, reason: decidingReason(outcome.decision.reasons) }, null, {
        policy_context: outcome.decision.reasons.map((r) => r.message),
        agent_outputs: { resolved: outcome.outcome === 'denied' },
        ...(outcome.outcome === 'review' ? { requires_escalation: true, escalation_reason: 'policy_review' } : {}),
      });
    case 'failed':
      return actionFailedReply(view.name, outcome);
  }
};
