import type { ConversationStateType, ConversationUpdate } from '../../state';
import { readConfirmation } from '../../understanding/confirmation';
import { listText, reply } from '../shared/reply';

/** The item-condition questions the policy asks (unworn, with tags…), answered yes or no before a label is made. */
export function confirmConditionStep(state: ConversationStateType): ConversationUpdate {
  const view = state.order_data!;
  const questions = state.policy_decision?.questions ?? [];
  if (questions.length === 0 || state.slots.confirmed) return {};
  if (state.awaiting?.kind === 'confirmation' && state.awaiting.action === 'create_return') {
    const answer = readConfirmation(state.input);
    if (answer === true) return { slots: { ...state.slots, confirmed: true }, awaiting: null };
    if (answer === false) return reply('returns/declined_condition', {}, null, { slots: { ...state.slots, itemIds: undefined, confirmed: undefined } });
  }
  const items = listText((state.slots.itemIds ?? []).map((id) => view.items.find((i) => i.id === id)?.title ?? 'item'));
  return reply('returns/confirm_condition', { items, questions: questions.join(' ') }, { kind: 'confirmation', action: 'create_return', orderId: view.id });
}
