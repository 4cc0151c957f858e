import type { ConversationStateType, ConversationUpdate } from '../../state';
import { ITEM_SITUATIONS } from '../../understanding/situation';
import { listText, reply } from '../shared/reply';

/**
 * The next step for what happened to an item the shopper has (after verification): damaged or
 * defective → offer a refund (the refunds specialist decides it, with that reason); wrong item →
 * offer a free return; missing from a delivered parcel → our team, with the item named. Parcels
 * not yet delivered, and late, lost or not-received parcels, get the carrier's status (report_status).
 */
export function situationStep(state: ConversationStateType): ConversationUpdate {
  const situation = state.slots.situation;
  const order = state.order_data!;
  if (!situation || !ITEM_SITUATIONS.has(situation)) return {};
  const delivered = new Set(order.fulfillments.filter((f) => f.shipmentStatus === 'delivered').flatMap((f) => f.lineItemIds));
  const named = state.slots.namedProducts ?? [];
  const mentioned = order.items.filter((i) => named.some((head) => i.title.toLowerCase().includes(head)));
  const items = mentioned.length > 0 ? mentioned : order.items.length === 1 ? order.items : [];
  const handled = { ...state.slots, situation: undefined };
  if (situation === 'missing_item') {
    const missing = items.length > 0 ? items : order.items.filter((i) => !delivered.has(i.id));
    // Not shipped yet: it is still to come, which the status answer tells.
    if (missing.length > 0 && missing.every((i) => !order.fulfillments.some((f) => f.lineItemIds.includes(i.id)))) return { slots: handled };
    return reply('situations/missing_item', { order_name: order.name, items: listText(missing.map((i) => i.title)), one: missing.length === 1 }, null, {
      slots: handled,
      requires_escalation: true,
      escalation_reason: 'missing_item',
    });
  }
  const inHand = items.filter((i) => delivered.has(i.id));
  if (delivered.size === 0 || (items.length > 0 && inHand.length === 0)) return { slots: handled };
  const chosen = items.length > 0 ? { itemIds: inHand.map((i) => i.id), itemsHow: mentioned.length > 0 ? ('named' as const) : ('only' as const) } : {};
  const vars = { order_name: order.name, items: listText((inHand.length > 0 ? inHand : order.items.filter((i) => delivered.has(i.id))).map((i) => i.title)), one: inHand.length <= 1 };
  if (situation === 'wrong_item') {
    return reply('situations/wrong_item', vars, { kind: 'confirmation', action: 'create_return', orderId: order.id, offer: true }, {
      slots: { ...handled, ...chosen, refundReason: 'wrong_item' },
      active_intent: 'return_request',
    });
  }
  return reply(`situations/${situation}`, vars, { kind: 'confirmation', action: 'refund', orderId: order.id, offer: true }, {
    slots: { ...handled, ...chosen, refundReason: situation },
    active_intent: 'refund_request',
  });
}

/** A "no" to an offer the agent made (a refund, a return): nothing is started. */
export function declinedOfferStep(state: ConversationStateType): ConversationUpdate {
  const awaiting = state.awaiting;
  if (awaiting?.kind !== 'confirmation' || !awaiting.offer) return {};
  if (!/^\s*(n|no+|nope|nah|no thanks?|not now|never ?mind|i'?ll keep it|keep it|that'?s ok|it'?s ok|don'?t)\b/i.test(state.input)) return {};
  return reply('situations/offer_declined', {}, null, {
    slots: { orderRef: state.slots.orderRef, orderHow: state.slots.orderHow, email: state.slots.email },
    agent_outputs: { resolved: true },
  });
}
