import type { ConversationStateType, ConversationUpdate } from '../../state';
import { listText, reply } from './reply';

/**
 * A product the shopper named that is not on the order in focus ("cancel the socks" on an order of
 * boots) is a question, never a guess: which order, or which item on this one. Runs after
 * verification, so an order's items are only told to its owner.
 */
export function namedItemsStep(state: ConversationStateType): ConversationUpdate {
  const order = state.order_data!;
  if (state.unmatched_items.length === 0) return {};
  const plural = (head: string) => (/(s|sh|ch|x)$/.test(head) ? `${head}es` : `${head}s`);
  const said = state.messages.filter((m) => m.role === 'customer').map((m) => m.content.toLowerCase()).join(' ');
  const named = listText(state.unmatched_items.map((h) => `the ${said.includes(plural(h)) ? plural(h) : h}`));
  return reply('order/item_not_on_order', { named, order_name: order.name, items: listText(order.items.map((i) => i.title)) }, { kind: 'order_reference' }, {
    slots: { ...state.slots, itemIds: undefined, itemsHow: undefined, confirmed: undefined, namedProducts: undefined },
  });
}
