import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Address, FinancialStatus, FulfillmentStatus, Order, ReturnRecord, ReturnStatus, ShipmentStatus } from '../../../core/commerce';
import { toCents } from '../../../core/money';
import type { Db } from '../../database';
import { customers, fulfillments, orderLineItems, orders, refunds, returns } from '../../schema/index';

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

/** The order row for "#1042", "1042" or an id, in this store only. */
export async function findOrderRow(db: Db, storeId: string, reference: string): Promise<OrderRow | undefined> {
  const trimmed = reference.trim();
  const name = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  const match = UUID.test(trimmed) ? or(eq(orders.id, trimmed), eq(orders.name, name)) : or(eq(orders.name, name), eq(orders.externalId, trimmed.replace(/^#/, '')));
  const [row] = await db.select().from(orders).where(and(eq(orders.storeId, storeId), match)).limit(1);
  return row;
}

/** The whole order as the domain sees it: items, shipments, refunds, returns. */
export async function loadOrder(db: Db, storeId: string, row: OrderRow): Promise<Order> {
  const [items, shipments, refundRows, returnRows, customer] = await Promise.all([
    db.select().from(orderLineItems).where(and(eq(orderLineItems.storeId, storeId), eq(orderLineItems.orderId, row.id))).orderBy(asc(orderLineItems.externalId)),
    db.select().from(fulfillments).where(and(eq(fulfillments.storeId, storeId), eq(fulfillments.orderId, row.id))).orderBy(asc(fulfillments.createdAt)),
    db.select().from(refunds).where(and(eq(refunds.storeId, storeId), eq(refunds.orderId, row.id))).orderBy(asc(refunds.createdAt)),
    db.select().from(returns).where(and(eq(returns.storeId, storeId), eq(returns.orderId, row.id))).orderBy(asc(returns.createdAt)),
    row.customerId ? db.select().from(customers).where(and(eq(customers.storeId, storeId), inArray(customers.id, [row.customerId]))) : Promise.resolve([]),
  ]);
  const c = customer[0];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    customerId: row.customerId,
    customerName: c ? [c.firstName, c.lastName].filter(Boolean).join(' ') || null : ((row.shippingAddress as Address | null)?.name ?? null),
    financialStatus: row.financialStatus as FinancialStatus,
    fulfillmentStatus: (row.fulfillmentStatus ?? 'unfulfilled') as FulfillmentStatus,
    currency: row.currency,
    subtotalCents: toCents(row.subtotalPrice, row.currency),
    shippingCents: toCents(row.shippingPrice, row.currency),
    totalCents: toCents(row.totalPrice, row.currency),
    refundedCents: toCents(row.totalRefunded, row.currency),
    shippingAddress: row.shippingAddress as Address | null,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
    lineItems: items.map((li) => ({ id: li.id, productId: li.productId, title: li.title, variantTitle: li.variantTitle, sku: li.sku, quantity: li.quantity, priceCents: toCents(li.price, row.currency), productType: li.productType, tags: li.tags })),
    fulfillments: shipments.map((f) => ({
      id: f.id,
      status: f.status,
      shipmentStatus: (f.shipmentStatus ?? 'pending') as ShipmentStatus,
      carrier: f.trackingCompany,
      trackingNumber: f.trackingNumber,
      trackingUrl: f.trackingUrl,
      lineItemIds: f.lineItems as string[],
      estimatedDeliveryAt: f.estimatedDeliveryAt,
      shippedAt: f.shippedAt,
      deliveredAt: f.deliveredAt,
    })),
    refunds: refundRows.map((r) => ({ id: r.id, amountCents: toCents(r.amount, r.currency), currency: r.currency, reason: r.reason, status: r.status as 'succeeded', lineItems: r.lineItems as { lineItemId: string; quantity: number }[], createdAt: r.createdAt })),
    returns: returnRows.map(toReturnRecord),
  };
}
