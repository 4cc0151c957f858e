import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from './reply';

/** Find the order: ask for its number when none is known, or say when the number matches nothing. */
export function requireOrderStep(state: ConversationStateType): ConversationUpdate {
  if (state.order_data) return {};
  if (state.slots.orderRef) {
    return reply('order/not_found', { reference: `#${state.slots.orderRef.replace(/^#/, '')}` }, { kind: 'order_reference' }, {
      unresolved_turns: state.unresolved_turns + 1,
      slots: { ...state.slots, orderRef: undefined },
    });
  }
  return reply('order/ask_reference', {}, { kind: 'order_reference' });
}
