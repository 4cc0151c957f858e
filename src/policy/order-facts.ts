import type { Fulfillment, Order, ReturnStatus, ShipmentStatus } from '../core/commerce';

/** Facts derived from an order that several decisions share: delivery, shipping, returns, refunds. */

const notYetWithCarrier: readonly ShipmentStatus[] = ['pending', 'label_created'];

/** Whether a fulfillment is in the carrier's hands (or past that): shipped, delivered, returning… */
export function fulfillmentHasShipped(fulfillment: Fulfillment): boolean {
  return fulfillment.shippedAt !== null || fulfillment.deliveredAt !== null || !notYetWithCarrier.includes(fulfillment.shipmentStatus);
}

/** Whether a fulfillment has been delivered (by date or by carrier status). */
export function fulfillmentIsDelivered(fulfillment: Fulfillment): boolean {
  return fulfillment.deliveredAt !== null || fulfillment.shipmentStatus === 'delivered';
}

/** Where one line item stands on its way to the shopper. */
export type ItemDelivery =
  | { state: 'delivered'; deliveredAt: Date }
  | { state: 'delivered_date_unknown' }
  | { state: 'shipped'; estimatedDeliveryAt: Date | null }
  | { state: 'preparing' }
  | { state: 'unfulfilled' };

/**
 * Delivery state of a line item across the fulfillments that carry it. When several carry it
 * (a split shipment), the latest delivery date counts, which is the more generous to the shopper.
 */
export function itemDelivery(order: Order, lineItemId: string): ItemDelivery {
  const carrying = order.fulfillments.filter((f) => f.lineItemIds.includes(lineItemId));
  if (carrying.length === 0) return { state: 'unfulfilled' };
  const dates = carrying.flatMap((f) => (f.deliveredAt ? [f.deliveredAt] : []));
  if (dates.length > 0) return { state: 'delivered', deliveredAt: new Date(Math.max(...dates.map((d) => d.getTime()))) };
  if (carrying.some(fulfillmentIsDelivered)) return { state: 'delivered_date_unknown' };
  const shipped = carrying.filter(fulfillmentHasShipped);
  if (shipped.length > 0) {
    const estimates = shipped.flatMap((f) => (f.estimatedDeliveryAt ? [f.estimatedDeliveryAt.getTime()] : []));
    return { state: 'shipped', estimatedDeliveryAt: estimates.length > 0 ? new Date(Math.max(...estimates)) : null };
  }
  return { state: 'preparing' };
}

/** Return statuses that count against what is still returnable (every status but declined). */
const liveReturnStatuses: readonly ReturnStatus[] = ['requested', 'open', 'in_transit', 'received', 'closed'];
/** Return statuses that mean the goods are on their way back or already back. */
export const returnedOrInTransitStatuses: readonly ReturnStatus[] = ['in_transit', 'received', 'closed'];

/** Quantity of a line item in returns with one of `statuses` (default: every return not declined). */
export function returnedQuantity(order: Order, lineItemId: string, statuses: readonly ReturnStatus[] = liveReturnStatuses): number {
  return order.returns
    .filter((r) => statuses.includes(r.status))
    .flatMap((r) => r.lineItems)
    .filter((line) => line.lineItemId === lineItemId)
    .reduce((sum, line) => sum + line.quantity, 0);
}

/** Earlier refunds that count: pending or succeeded (failed ones moved no money). */
export function countingRefunds(order: Order): Order['refunds'] {
  return order.refunds.filter((refund) => refund.status !== 'failed');
}

/** Quantity of a line item in earlier refunds that count. */
export function refundedQuantity(order: Order, lineItemId: string): number {
  return countingRefunds(order)
    .flatMap((r) => r.lineItems)
    .filter((line) => line.lineItemId === lineItemId)
    .reduce((sum, line) => sum + line.quantity, 0);
}

/**
 * Money already refunded: the larger of the order's own figure and the sum of counting refunds
 * (a pending refund may not be in the provider's figure yet).
 */
export function alreadyRefundedCents(order: Order): number {
  const recorded = countingRefunds(order).reduce((sum, refund) => sum + refund.amountCents, 0);
  return Math.max(order.refundedCents, recorded);
}

/** How far an order is on its way out: nothing yet, being prepared (label made), partly or fully with the carrier. */
export type OrderShippingState = 'none' | 'preparing' | 'partial' | 'shipped';

/**
 * The order's shipping state from its fulfillments; when it has none, from its fulfillment status.
 * A fulfillment counts as shipped once it is past 'pending'/'label_created' (in the carrier's hands).
 */
export function orderShippingState(order: Order): OrderShippingState {
  if (order.fulfillments.length === 0) {
    if (order.fulfillmentStatus === 'fulfilled') return 'shipped';
    return order.fulfillmentStatus === 'partial' ? 'partial' : 'none';
  }
  const shippedIds = new Set(order.fulfillments.filter(fulfillmentHasShipped).flatMap((f) => f.lineItemIds));
  if (shippedIds.size === 0) return 'preparing';
  return order.lineItems.every((item) => shippedIds.has(item.id)) ? 'shipped' : 'partial';
}
