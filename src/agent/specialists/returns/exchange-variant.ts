import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { sizeOffered } from '../../understanding/size-wanted';
import { listText, reply } from '../shared/reply';

/**
 * The size or colour an exchange asks for, checked against what the product comes in: a size it
 * is sold in is recorded as the shop writes it ("size 10"); one it is not ("9.5", "EU 42") is a
 * question with the sizes it does come in, never recorded and never swapped for another (docs/adr/0032).
 * Nothing asked for: the team confirms the size with the shopper, as before.
 */
export const exchangeVariantStep = (tools: AgentTools) => async (state: ConversationStateType): Promise<ConversationUpdate> => {
  if (state.intent !== 'exchange_request') return {};
  const wanted = state.slots.variantWanted ?? [];
  const view = state.order_data!;
  const items = view.items.filter((i) => (state.slots.itemIds ?? []).includes(i.id));
  if (wanted.length === 0 || items.length !== 1) return {};
  const item = items[0]!;
  const options = await tools.productOptions(state.store_id, item.title);
  if (!options || options.length === 0) return {};
  const accepted: string[] = [];
  const refused: string[] = [];
  for (const want of wanted) {
    const size = /^size (.+)$/.exec(want)?.[1];
    const match = size ? sizeOffered(size, options) : options.find((o) => o.toLowerCase() === want.toLowerCase());
    if (match) accepted.push(size ? `size ${match}` : match);
    else refused.push(size ?? want);
  }
  if (refused.length === 0) return { slots: { ...state.slots, variantWanted: accepted } };
  return reply(
    'returns/variant_not_offered',
    { item: item.title, wanted: listText(refused), offered: listText(options), sizes: options.every((o) => /^[\d.]+$|^(XXS|XS|S|M|L|XL|XXL)$/i.test(o)) },
    { kind: 'variant_choice', orderId: view.id, options },
    { slots: { ...state.slots, variantWanted: accepted } },
  );
};
