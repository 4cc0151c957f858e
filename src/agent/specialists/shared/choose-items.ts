import type { ConversationStateType, ConversationUpdate } from '../../state';
import { readItemChoice } from '../../understanding/item-choice';
import { reply } from './reply';

/**
 * Which items: the only one, the ones the shopper named ("the mug", "the second one", "both"),
 * or a question listing them. The answer is kept in the slots across turns.
 */
export const chooseItemsStep = (template: string) => (state: ConversationStateType): ConversationUpdate => {
  const order = state.order_data!;
  if (state.slots.itemIds?.length) return {};
  const options = order.items.map((item) => ({ id: item.id, title: item.variantTitle ? `${item.title} (${item.variantTitle})` : item.title }));
  if (options.length === 1) return { slots: { ...state.slots, itemIds: [options[0]!.id], itemsHow: 'only' } };
  const answering = state.awaiting?.kind === 'item_choice' && state.awaiting.orderId === order.id;
  const heads = state.slots.namedProducts ?? [];
  const byHead = order.items.filter((i) => heads.some((h) => i.title.toLowerCase().includes(h))).map((i) => i.id);
  const named = readItemChoice(state.input, options) ?? mentionedProducts(state, options) ?? (byHead.length > 0 ? byHead : undefined);
  if (named?.length) return { slots: { ...state.slots, itemIds: named, itemsHow: answering ? 'chosen' : 'named' } };
  return reply(template, { order_name: order.name, options }, { kind: 'item_choice', orderId: order.id, options });
};

function mentionedProducts(state: ConversationStateType, options: { id: string; title: string }[]): string[] | undefined {
  const products = state.entities.products ?? [];
  const ids = options.filter((o) => products.some((p) => o.title.toLowerCase().includes(p.toLowerCase()))).map((o) => o.id);
  return ids.length > 0 ? ids : undefined;
}
