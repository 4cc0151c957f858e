import type { Address, FinancialStatus, FulfillmentStatus } from '../../core/commerce';
import { toCents } from '../../core/money';
import type { CatalogRecords } from '../../core/ports/catalog';
import type { CatalogImport, ShopifyOrder } from './shopify-shapes';
import { trackingUrlFor } from './shipment-status';
import { fulfilmentCounts, fulfilmentLineItems, orderFulfilmentStatus, shopifyShipmentStatus } from '../shopify/fulfillment-semantics';
import { trackingTimeline } from './tracking-timeline';

const dateOr = (value: string | null | undefined, fallback: Date) => (value ? new Date(value) : fallback);

function address(a: ShopifyOrder['shipping_address']): Address | null {
  if (!a) return null;
  return {
    name: a.name ?? ([a.first_name, a.last_name].filter(Boolean).join(' ') || null),
    address1: a.address1,
    address2: a.address2 ?? null,
    city: a.city,
    province: a.province_code ?? a.province ?? null,
    zip: a.zip,
    country: a.country_code ?? a.country ?? 'US',
    phone: a.phone ?? null,
  };
}

/** The fulfilments that are shipments (not cancelled or failed), each with the line items it carries under Shopify's semantics. */
function shipments(o: ShopifyOrder) {
  const counted = o.fulfillments.filter((f) => fulfilmentCounts(f.status));
  const carried = fulfilmentLineItems(
    { fulfillmentStatus: o.fulfillment_status, lineItemIds: o.line_items.map((li) => li.id) },
    counted.map((f) => ({ listedLineItemIds: f.line_items.map((l) => l.id) })),
  );
  return counted.map((f, index) => ({ f, lineItemIds: carried[index]! }));
}

function order(o: ShopifyOrder, now: Date): CatalogRecords['orders'][number] {
  const createdAt = dateOr(o.created_at, now);
  const refunds = o.refunds.map((r) => ({
    externalId: r.id,
    amountCents: r.transactions.filter((t) => (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success').reduce((sum, t) => sum + toCents(t.amount, o.currency), 0),
    reason: r.note ?? null,
    lineItems: r.refund_line_items.map((l) => ({ lineItemExternalId: l.line_item_id, quantity: l.quantity })),
    createdAt: dateOr(r.created_at, createdAt),
  }));
  const subtotalCents = o.subtotal_price ? toCents(o.subtotal_price, o.currency) : o.line_items.reduce((sum, li) => sum + toCents(li.price, o.currency) * li.quantity, 0);
  const destination = o.shipping_address ? `${o.shipping_address.city}${o.shipping_address.province_code ? `, ${o.shipping_address.province_code}` : ''}` : null;
  return {
    externalId: o.id,
    name: o.name.startsWith('#') ? o.name : `#${o.name}`,
    email: o.email ?? null,
    customerExternalId: o.customer?.id ?? null,
    financialStatus: o.financial_status as FinancialStatus,
    fulfillmentStatus: orderFulfilmentStatus(o.fulfillment_status) as FulfillmentStatus,
    currency: o.currency,
    subtotalCents,
    shippingCents: o.total_shipping_price_set ? toCents(o.total_shipping_price_set.shop_money.amount, o.currency) : 0,
    totalCents: toCents(o.total_price, o.currency),
    refundedCents: refunds.reduce((sum, r) => sum + r.amountCents, 0),
    shippingAddress: address(o.shipping_address),
    cancelledAt: o.cancelled_at ? new Date(o.cancelled_at) : null,
    cancelReason: o.cancel_reason ?? null,
    createdAt,
    updatedAt: dateOr(o.updated_at, createdAt),
    raw: o,
    lineItems: o.line_items.map((li) => ({
      externalId: li.id,
      productExternalId: li.product_id ?? null,
      variantExternalId: li.variant_id ?? null,
      title: li.title,
      variantTitle: li.variant_title ?? null,
      sku: li.sku ?? null,
      quantity: li.quantity,
      priceCents: toCents(li.price, o.currency),
    })),
    fulfillments: shipments(o).map(({ f, lineItemIds }) => {
      const shipmentStatus = shopifyShipmentStatus(f.shipment_status);
      const shippedAt = dateOr(f.created_at, createdAt);
      const deliveredAt = shipmentStatus === 'delivered' ? dateOr(f.updated_at, shippedAt) : null;
      return {
        externalId: f.id,
        status: f.status,
        shipmentStatus,
        carrier: f.tracking_company ?? null,
        trackingNumber: f.tracking_number ?? null,
        trackingUrl: f.tracking_url ?? trackingUrlFor(f.tracking_company, f.tracking_number),
        lineItemExternalIds: lineItemIds,
        estimatedDeliveryAt: f.estimated_delivery_at ? new Date(f.estimated_delivery_at) : null,
        shippedAt,
        deliveredAt,
        events: f.tracking_number ? trackingTimeline(shipmentStatus, shippedAt, deliveredAt, destination, now) : [],
      };
    }),
    refunds,
  };
}

/** Shopify REST shapes → our catalog records (money to minor units, statuses to canonical ones). */
export function toCatalogRecords(input: CatalogImport, now = new Date()): CatalogRecords {
  return {
    customers: input.customers.map((c) => ({ externalId: c.id, email: c.email ?? null, firstName: c.first_name ?? null, lastName: c.last_name ?? null, phone: c.phone ?? null, createdAt: dateOr(c.created_at, now), raw: c })),
    products: input.products.map((p) => ({
      externalId: p.id,
      title: p.title,
      productType: p.product_type,
      tags: p.tags,
      vendor: p.vendor ?? null,
      bodyHtml: p.body_html ?? null,
      status: p.status,
      updatedAt: dateOr(p.updated_at, now),
      raw: p,
      variants: p.variants.map((v) => ({ externalId: v.id, title: v.title, sku: v.sku ?? null, priceCents: toCents(v.price), options: [v.option1 ?? null, v.option2 ?? null, v.option3 ?? null], inventoryQuantity: v.inventory_quantity })),
    })),
    orders: input.orders.map((o) => order(o, now)),
  };
}
