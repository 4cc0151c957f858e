import type { Order } from '../../core/commerce';
import type { OrderView } from '../state-types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The compact, JSON-safe order the agent carries (and the model would see): no vendor payload. */
export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    name: order.name,
    email: order.email,
    customerName: order.customerName,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    currency: order.currency,
    totalCents: order.totalCents,
    refundedCents: order.refundedCents,
    shippingZip: order.shippingAddress?.zip ?? null,
    shippingAddress: order.shippingAddress,
    cancelled: order.cancelledAt !== null,
    cancelledAt: iso(order.cancelledAt),
    createdAt: order.createdAt.toISOString(),
    items: order.lineItems.map((item) => ({
      id: item.id,
      title: item.title,
      variantTitle: item.variantTitle,
      quantity: item.quantity,
      priceCents: item.priceCents,
      productType: item.productType,
      tags: item.tags,
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      shipmentStatus: f.shipmentStatus,
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
      trackingUrl: f.trackingUrl,
      estimatedDeliveryAt: iso(f.estimatedDeliveryAt),
      shippedAt: iso(f.shippedAt),
      deliveredAt: iso(f.deliveredAt),
      lineItemIds: f.lineItemIds,
      lastEvent: null,
    })),
    refunds: order.refunds.map((r) => ({ amountCents: r.amountCents, status: r.status, createdAt: r.createdAt.toISOString() })),
    returns: order.returns.map((r) => ({ rma: r.rma, status: r.status, createdAt: r.createdAt.toISOString(), lineItemIds: r.lineItems.map((l) => l.lineItemId) })),
  };
}
