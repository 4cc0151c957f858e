import type { Intent } from '../../core/ports/nlu';
import type { ConversationStateType } from '../state';
import type { Awaiting } from '../state-types';

/** How the order or item in focus came to be there: named, chosen from a list, the only one, or (an order) by the item it holds. */
export type Established = 'named' | 'chosen' | 'only' | 'item' | 'date';

/**
 * The dialogue as a reader (an operator, a test, the next turn) can follow it: which order and
 * items the conversation is about and how each was established, what the agent is waiting for and
 * which answers it accepts, and the stack of topics (a side question returns to the task below it).
 * Derived from the graph's state at the end of each turn; see docs/adr/0024-dialogue-state.md.
 */
export interface DialogueState {
  focus: {
    order: string | null;
    /** named: the shopper wrote its number; chosen: picked from orders the agent listed by number; item: the only order of theirs holding an item they named; date: the only one of theirs placed when they said ("my last order", "yesterday's"), for a status question. */
    orderEstablished: Established | null;
    verified: boolean;
    items: { title: string; established: Established }[];
  };
  pending: { question: Awaiting['kind']; about: string | null; accepts: string[] } | null;
  topics: Intent[];
}

const ACCEPTS: Record<Awaiting['kind'], string[]> = {
  order_reference: ['an order number', 'one of the listed orders'],
  verification: ["the order's e-mail address", "the order's postal code"],
  item_choice: ['one or more of the listed items'],
  confirmation: ['yes', 'no'],
  refund_reason: ['a reason (damaged, defective, wrong item, never arrived, changed mind…)'],
  new_address: ['a full street address (may come over several messages)'],
  variant_choice: ['a size or colour the product comes in'],
  photo: ['a photo attached to the message', 'that no photo can be sent'],
};

export function dialogueOf(state: ConversationStateType): DialogueState {
  const order = state.order_data;
  const slots = state.slots;
  const items = (slots.itemIds ?? []).map((id) => ({ title: order?.items.find((i) => i.id === id)?.title ?? id, established: slots.itemsHow ?? ('chosen' as const) }));
  const awaiting = state.awaiting;
  const about = awaiting && 'orderId' in awaiting && awaiting.orderId ? (order?.id === awaiting.orderId ? order.name : awaiting.orderId) : null;
  return {
    focus: {
      order: order?.name ?? (slots.orderRef ? `#${slots.orderRef.replace(/^#/, '')}` : null),
      orderEstablished: slots.orderRef ? (slots.orderHow ?? 'named') : null,
      verified: order ? state.verified_orders.includes(order.id) : false,
      items,
    },
    pending: awaiting ? { question: awaiting.kind, about, accepts: ACCEPTS[awaiting.kind] } : null,
    topics: state.topics,
  };
}
