import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import type { OrderView } from '../../state-types';
import { sizeOffered } from '../../understanding/size-wanted';
import { saysWrongFit } from '../../understanding/wrong-fit';
import { listText, reply } from '../shared/reply';

const SIZE_VALUE = /^[\d.]+$|^(XXS|XS|S|M|L|XL|XXL)$/i;

/**
 * The size or colour an exchange asks for, checked against what the product comes in: a size it
 * is sold in is recorded as the shop writes it ("size 10"); one it is not ("9.5", "EU 42") is a
 * question with the sizes it does come in, never recorded and never swapped for another (docs/adr/0032).
 * Nothing asked for on a product sold in sizes: which size, from the sizes in stock, with a return
 * for a refund as the other way (docs/adr/0035); a product without sizes: the team confirms it.
 */
export const exchangeVariantStep = (tools: AgentTools) => async (state: ConversationStateType): Promise<ConversationUpdate> => {
  if (state.intent !== 'exchange_request') return {};
  const wanted = state.slots.variantWanted ?? [];
  const view = state.order_data!;
  const items = view.items.filter((i) => (state.slots.itemIds ?? []).includes(i.id));
  if (items.length !== 1) return {};
  const item = items[0]!;
  const options = await tools.productOptions(state.store_id, item.title);
  if (!options || options.length === 0) return {};
  if (wanted.length === 0) return askSize(tools, state, item, options);
  const inStock = (await tools.productOptions(state.store_id, item.title, undefined, 'in_stock')) ?? options;
  const accepted: string[] = [];
  const refused: string[] = [];
  const soldOut: string[] = [];
  for (const want of wanted) {
    const size = /^size (.+)$/.exec(want)?.[1];
    const match = size ? sizeOffered(size, options) : options.find((o) => o.toLowerCase() === want.toLowerCase());
    if (match && !inStock.includes(match)) soldOut.push(size ? `size ${match}` : want);
    else if (match) accepted.push(size ? `size ${match}` : match);
    else refused.push(size ?? want);
  }
  if (soldOut.length > 0 && refused.length === 0) {
    // Sold in that size but none left: never recorded; the other sizes in stock (not the one the shopper has), or a return.
    const others = inStock.filter((o) => o.toLowerCase() !== (item.variantTitle ?? '').toLowerCase());
    return reply('returns/variant_sold_out', { item: item.title, wanted: listText(soldOut), offered: listText(others), options: others }, others.length > 0 ? { kind: 'variant_choice', orderId: view.id, options: others } : null, {
      slots: { ...state.slots, variantWanted: accepted },
    });
  }
  if (refused.length === 0) return { slots: { ...state.slots, variantWanted: accepted } };
  return reply(
    'returns/variant_not_offered',
    { item: item.title, wanted: listText(refused), offered: listText(options), sizes: options.every((o) => SIZE_VALUE.test(o)), options },
    { kind: 'variant_choice', orderId: view.id, options },
    { slots: { ...state.slots, variantWanted: accepted } },
  );
};

/** Which size instead: the sizes in stock other than the one the shopper has; none in stock, the return. */
async function askSize(tools: AgentTools, state: ConversationStateType, item: OrderView['items'][number], options: string[]): Promise<ConversationUpdate> {
  if (!options.every((o) => SIZE_VALUE.test(o))) return {};
  const view = state.order_data!;
  const inStock = (await tools.productOptions(state.store_id, item.title, undefined, 'in_stock')) ?? options;
  const others = inStock.filter((o) => o.toLowerCase() !== (item.variantTitle ?? '').toLowerCase());
  return reply(
    'returns/ask_size',
    { item: item.title, order_name: view.name, current: item.variantTitle, offered: listText(others), options: others, fit: state.messages.some((m) => m.role === 'customer' && saysWrongFit(m.content)) || saysWrongFit(state.input) },
    others.length > 0 ? { kind: 'variant_choice', orderId: view.id, options: others } : null,
  );
}
