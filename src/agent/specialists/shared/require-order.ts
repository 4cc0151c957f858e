import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from './reply';

/**
 * Find the order the shopper means. Never a guess: ask for its number, list the shopper's own
 * orders by number when the channel vouches for them, or say the number given matches nothing
 * (and ask again, never substituting another order).
 */
export function requireOrderStep(state: ConversationStateType): ConversationUpdate {
  if (state.order_data) return {};
  if (state.slots.orderRef) {
    return reply('order/not_found', { reference: `#${state.slots.orderRef.replace(/^#/, '')}` }, { kind: 'order_reference' }, {
      unresolved_turns: state.unresolved_turns + 1,
      slots: { ...state.slots, orderRef: undefined, orderHow: undefined },
    });
  }
  if (state.order_choices.length > 0) {
    const options = state.order_choices.map((c) => ({ name: c.name, title: c.title }));
    return reply('order/choose_order', { choices: state.order_choices, when: state.order_choices_when }, { kind: 'order_reference', options });
  }
  // "my email is …" before the order number: kept for the check that follows, and said so.
  const emailNoted = state.awaiting?.kind === 'order_reference' && (state.entities.emails?.length ?? 0) > 0;
  return reply('order/ask_reference', { email_noted: emailNoted }, { kind: 'order_reference' });
}
