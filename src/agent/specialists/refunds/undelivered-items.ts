import type { ConversationStateType, ConversationUpdate } from '../../state';

/**
 * A parcel that never came, with no item named: the refund is for what has not been delivered
 * (every item not yet delivered), not a question about which item (docs/adr/0035).
 */
export function undeliveredItemsStep(state: ConversationStateType): ConversationUpdate | null {
  if (state.slots.refundReason !== 'not_received' || state.slots.itemIds?.length || (state.slots.namedProducts?.length ?? 0) > 0) return null;
  const order = state.order_data!;
  const delivered = new Set(order.fulfillments.filter((f) => f.shipmentStatus === 'delivered').flatMap((f) => f.lineItemIds));
  const shipped = new Set(order.fulfillments.flatMap((f) => f.lineItemIds));
  const missing = order.items.filter((i) => shipped.has(i.id) && !delivered.has(i.id));
  // Marked delivered but not there: the whole parcel is what did not come.
  const items = missing.length > 0 ? missing : order.items.filter((i) => delivered.has(i.id));
  if (items.length === 0) return null;
  return { slots: { ...state.slots, itemIds: items.map((i) => i.id), itemsHow: 'only' } };
}
