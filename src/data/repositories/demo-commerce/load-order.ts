import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Address, FinancialStatus, FulfillmentStatus, Order, ReturnRecord, ReturnStatus, ShipmentStatus } from '../../../core/commerce';
import { toCents } from '../../../core/money';
import type { Db } from '../../database';
import { toDate, toMaybeDate } from '../json-row';
import { orders, type returns } from '../../schema/index';

type OrderRow = typeof orders.$inferSelect;
type ReturnRow = typeof returns.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toReturnRecord = (r: ReturnRow): ReturnRecord => ({
  id: r.id,
  rma: r.rma,
  status: r.status as ReturnStatus,
  reason: r.reason,
  lineItems: r.lineItems as ReturnRecord['lineItems'],
  carrier: r.carrier,
  trackingNumber: r.trackingNumber,
  labelUrl: r.labelUrl,
  createdAt: r.createdAt,
});

/** "#1042", "1042" or an id: the order it names, matched on name, external id or id (one condition for both queries below). */
function referenceMatch(reference: string): SQL {
  const trimmed = reference.trim();
  const name = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  return UUID.test(trimmed) ? or(eq(orders.id, trimmed), eq(orders.name, name))! : or(eq(orders.name, name), eq(orders.externalId, trimmed.replace(/^#/, '')))!;
}

/** The order row for "#1042", "1042" or an id, in this store only (for writes). */
export async function findOrderRow(db: Db, storeId: string, reference: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(and(eq(orders.storeId, storeId), referenceMatch(reference))).limit(1);
  return row;
}

interface LoadedRow {
  id: string;
  name: string;
  email: string | null;
  customer_id: string | null;
  customer_name: string | null;
  financial_status: string;
  fulfillment_status: string | null;
  currency: string;
  subtotal: string;
  shipping: string;
  total: string;
  refunded: string;
  shipping_address: Address | null;
  cancelled_at: string | Date | null;
  created_at: string | Date;
  line_items: { id: string; productId: string | null; title: string; variantTitle: string | null; sku: string | null; quantity: number; price: string; productType: string; tags: string[] }[];
  fulfillments: { id: string; status: string; shipmentStatus: string | null; carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; lineItemIds: string[]; estimatedDeliveryAt: string | null; shippedAt: string | null; deliveredAt: string | null }[];
  refunds: { id: string; amount: string; currency: string; reason: string | null; status: string; lineItems: { lineItemId: string; quantity: number }[]; createdAt: string }[];
  returns: { id: string; rma: string; status: string; reason: string | null; lineItems: ReturnRecord['lineItems']; carrier: string | null; trackingNumber: string | null; labelUrl: string | null; createdAt: string }[];
}

// One statement for the whole order: a turn that looks an order up pays one round trip, not six.
const loadStatement = (storeId: string, match: SQL) => sql`
SELECT orders.id, orders.name, orders.email, orders.customer_id, orders.financial_status, orders.fulfillment_status, orders.currency,
  orders.subtotal_price::text AS subtotal, orders.shipping_price::text AS shipping, orders.total_price::text AS total, orders.total_refunded::text AS refunded,
  orders.shipping_address, orders.cancelled_at, orders.created_at,
  nullif(concat_ws(' ', c.first_name, c.last_name), '') AS customer_name,
  (SELECT coalesce(json_agg(json_build_object('id', li.id, 'productId', li.product_id, 'title', li.title, 'variantTitle', li.variant_title, 'sku', li.sku,
      'quantity', li.quantity, 'price', li.price::text, 'productType', li.product_type, 'tags', li.tags) ORDER BY li.external_id), '[]')
    FROM order_line_items li WHERE li.store_id = orders.store_id AND li.order_id = orders.id) AS line_items,
  (SELECT coalesce(json_agg(json_build_object('id', f.id, 'status', f.status, 'shipmentStatus', f.shipment_status, 'carrier', f.tracking_company,
      'trackingNumber', f.tracking_number, 'trackingUrl', f.tracking_url, 'lineItemIds', f.line_items, 'estimatedDeliveryAt', f.estimated_delivery_at,
      'shippedAt', f.shipped_at, 'deliveredAt', f.delivered_at) ORDER BY f.created_at), '[]')
    FROM fulfillments f WHERE f.store_id = orders.store_id AND f.order_id = orders.id) AS fulfillments,
  (SELECT coalesce(json_agg(json_build_object('id', r.id, 'amount', r.amount::text, 'currency', r.currency, 'reason', r.reason, 'status', r.status,
      'lineItems', r.line_items, 'createdAt', r.created_at) ORDER BY r.created_at), '[]')
    FROM refunds r WHERE r.store_id = orders.store_id AND r.order_id = orders.id) AS refunds,
  (SELECT coalesce(json_agg(json_build_object('id', rt.id, 'rma', rt.rma, 'status', rt.status, 'reason', rt.reason, 'lineItems', rt.line_items,
      'carrier', rt.carrier, 'trackingNumber', rt.tracking_number, 'labelUrl', rt.label_url, 'createdAt', rt.created_at) ORDER BY rt.created_at), '[]')
    FROM returns rt WHERE rt.store_id = orders.store_id AND rt.order_id = orders.id) AS returns
FROM orders LEFT JOIN customers c ON c.store_id = orders.store_id AND c.id = orders.customer_id
WHERE orders.store_id = ${storeId}::uuid AND ${match}
LIMIT 1`;


function toOrder(row: LoadedRow): Order {
  const currency = row.currency;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    customerId: row.customer_id,
    customerName: row.customer_name ?? row.shipping_address?.name ?? null,
    financialStatus: row.financial_status as FinancialStatus,
    fulfillmentStatus: (row.fulfillment_status ?? 'unfulfilled') as FulfillmentStatus,
    currency,
    subtotalCents: toCents(row.subtotal, currency),
    shippingCents: toCents(row.shipping, currency),
    totalCents: toCents(row.total, currency),
    refundedCents: toCents(row.refunded, currency),
    shippingAddress: row.shipping_address,
    cancelledAt: toMaybeDate(row.cancelled_at),
    createdAt: toDate(row.created_at),
    lineItems: row.line_items.map((li) => ({ id: li.id, productId: li.productId, title: li.title, variantTitle: li.variantTitle, sku: li.sku, quantity: li.quantity, priceCents: toCents(li.price, currency), productType: li.productType, tags: li.tags })),
    fulfillments: row.fulfillments.map((f) => ({
      id: f.id,
      status: f.status,
      shipmentStatus: (f.shipmentStatus ?? 'pending') as ShipmentStatus,
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
      trackingUrl: f.trackingUrl,
      lineItemIds: f.lineItemIds,
      estimatedDeliveryAt: toMaybeDate(f.estimatedDeliveryAt),
      shippedAt: toMaybeDate(f.shippedAt),
      deliveredAt: toMaybeDate(f.deliveredAt),
    })),
    refunds: row.refunds.map((r) => ({ id: r.id, amountCents: toCents(r.amount, r.currency), currency: r.currency, reason: r.reason, status: r.status as 'succeeded', lineItems: r.lineItems, createdAt: toDate(r.createdAt) })),
    returns: row.returns.map((r) => ({ id: r.id, rma: r.rma, status: r.status as ReturnStatus, reason: r.reason, lineItems: r.lineItems, carrier: r.carrier, trackingNumber: r.trackingNumber, labelUrl: r.labelUrl, createdAt: toDate(r.createdAt) })),
  };
}

/** The whole order as the domain sees it (items, shipments, refunds, returns), in this store only. */
export async function loadOrder(db: Db, storeId: string, reference: string): Promise<Order | undefined> {
  const result = (await db.execute(loadStatement(storeId, referenceMatch(reference)))) as unknown as { rows: LoadedRow[] };
  const row = result.rows[0];
  return row ? toOrder(row) : undefined;
}
