import type { ShipmentStatus } from '../../core/commerce';

/**
 * Shopify's fulfilment semantics, shared by the demo import (REST shapes) and the Admin GraphQL
 * adapter: which shipment state a fulfilment is in, whether it counts, and which line items it carries.
 */

// REST `shipment_status` and GraphQL `FulfillmentDisplayStatus` / `FulfillmentEventStatus`, lower-cased.
const SHIPMENT_STATUS: Record<string, ShipmentStatus> = {
  label_printed: 'label_created',
  label_purchased: 'label_created',
  confirmed: 'label_created',
  submitted: 'label_created',
  in_transit: 'in_transit',
  carrier_picked_up: 'in_transit',
  picked_up: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'failed_attempt',
  ready_for_pickup: 'pickup_ready',
  delivered: 'delivered',
  failure: 'exception',
  not_delivered: 'exception',
  delayed: 'in_transit',
  returning: 'returning',
  label_voided: 'pending',
  marked_as_fulfilled: 'pending',
  fulfilled: 'pending',
};

/** A shipment status as Shopify writes it (`label_printed`, `ATTEMPTED_DELIVERY`…) → our canonical state; unknown or none → pending. */
export function shopifyShipmentStatus(status: string | null | undefined): ShipmentStatus {
  if (!status) return 'pending';
  return SHIPMENT_STATUS[status.toLowerCase()] ?? 'pending';
}

// Fulfilment `status` values that are not a shipment: cancelled, or the fulfilment service failed it.
const VOID_FULFILMENT = new Set(['cancelled', 'canceled', 'error', 'failure']);

/** Whether a fulfilment counts as a shipment (REST `status` or GraphQL `FulfillmentStatus`, any case). */
export function fulfilmentCounts(status: string | null | undefined): boolean {
  return !status || !VOID_FULFILMENT.has(status.toLowerCase());
}

export interface FulfilmentItems {
  /** Line item ids the fulfilment lists (may be empty: some imports and manual fulfilments list none). */
  listedLineItemIds: string[];
}

/**
 * The line items each fulfilment carries, in order. A fulfilment that lists items carries those (the
 * ones the order has). One that lists none carries, when the order-level status says everything was
 * fulfilled, every item no listing fulfilment carries (all of them if the others carry everything);
 * on a partially fulfilled order which items it carries is unknown, so it carries none.
 */
export function fulfilmentLineItems(order: { fulfillmentStatus: string | null | undefined; lineItemIds: string[] }, fulfilments: FulfilmentItems[]): string[][] {
  const known = new Set(order.lineItemIds);
  const listed = fulfilments.map((f) => [...new Set(f.listedLineItemIds.filter((id) => known.has(id)))]);
  const carried = new Set(listed.flat());
  const fullyFulfilled = (order.fulfillmentStatus ?? '').toLowerCase() === 'fulfilled';
  const rest = order.lineItemIds.filter((id) => !carried.has(id));
  return fulfilments.map((f, index) => {
    if (f.listedLineItemIds.length > 0) return listed[index]!;
    if (!fullyFulfilled) return [];
    return rest.length > 0 ? rest : [...order.lineItemIds];
  });
}

/** Shopify's order-level fulfilment status (REST `fulfillment_status` or GraphQL `displayFulfillmentStatus`) → ours. */
export function orderFulfilmentStatus(status: string | null | undefined): 'unfulfilled' | 'partial' | 'fulfilled' | 'restocked' {
  switch ((status ?? '').toLowerCase()) {
    case 'fulfilled':
      return 'fulfilled';
    case 'partial':
    case 'partially_fulfilled':
      return 'partial';
    case 'restocked':
      return 'restocked';
    default:
      // unfulfilled, null, scheduled, on_hold, in_progress, pending_fulfillment, open, request_declined
      return 'unfulfilled';
  }
}
