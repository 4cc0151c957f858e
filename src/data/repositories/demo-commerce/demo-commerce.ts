import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Address } from '../../../core/commerce';
import { AppError } from '../../../core/errors';
import { toCents, toMajor } from '../../../core/money';
import type { CommercePort } from '../../../core/ports/commerce';
import type { Db } from '../../database';
import { customers, orderLineItems, orders, productVariants, products, refunds, returns } from '../../schema/index';
import { findOrderRow, loadOrder, toReturnRecord } from './load-order';

/** The built-in demo store behind the Commerce port: orders, customers and products in our own database. */
export function demoCommerce(db: Db): CommercePort {
  const mustFind = async (storeId: string, orderId: string) => {
    const row = await findOrderRow(db, storeId, orderId);
    if (!row) throw new AppError('not_found', `order ${orderId} not found`);
    return row;
  };
  return {
    async getOrder(storeId, reference) {
      return loadOrder(db, storeId, reference);
    },
    async findOrders(storeId, query) {
      const conditions = [eq(orders.storeId, storeId)];
      if (query.email) conditions.push(eq(orders.email, query.email.trim().toLowerCase()));
      if (query.customerId) conditions.push(eq(orders.customerId, query.customerId));
      const rows = await db.select().from(orders).where(and(...conditions)).orderBy(desc(orders.createdAt)).limit(query.limit || 20);
      return Promise.all(
        rows.map(async (o) => ({
          id: o.id,
          name: o.name,
          createdAt: o.createdAt,
          totalCents: toCents(o.totalPrice, o.currency),
          currency: o.currency,
          financialStatus: o.financialStatus as never,
          fulfillmentStatus: (o.fulfillmentStatus ?? 'unfulfilled') as never,
          cancelled: o.cancelledAt !== null,
          itemTitles: (await db.select({ title: orderLineItems.title }).from(orderLineItems).where(and(eq(orderLineItems.storeId, storeId), eq(orderLineItems.orderId, o.id)))).map((l) => l.title),
        })),
      );
    },
    async listShippedOrders(storeId, query) {
      const rows = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.storeId, storeId), isNull(orders.cancelledAt), gte(orders.createdAt, query.since), inArray(orders.fulfillmentStatus, ['fulfilled', 'partial'])))
        .orderBy(desc(orders.createdAt))
        .limit(query.limit);
      const loaded = await Promise.all(rows.map((row) => loadOrder(db, storeId, row.id)));
      return loaded.filter((order): order is NonNullable<typeof order> => order !== undefined && order.fulfillments.length > 0);
    },
    async getCustomer(storeId, query) {
      const condition = query.id ? eq(customers.id, query.id) : eq(customers.email, (query.email ?? '').trim().toLowerCase());
      const [c] = await db.select().from(customers).where(and(eq(customers.storeId, storeId), condition)).limit(1);
      return c ? { id: c.id, email: c.email, firstName: c.firstName, lastName: c.lastName, phone: c.phone } : undefined;
    },
    async listProducts(storeId, query = {}) {
      const conditions = [eq(products.storeId, storeId)];
      if (query.updatedSince) conditions.push(gte(products.updatedAt, query.updatedSince));
      const rows = await db.select().from(products).where(and(...conditions)).orderBy(desc(products.updatedAt)).limit(query.limit ?? 1000);
      const variants = await db.select().from(productVariants).where(eq(productVariants.storeId, storeId));
      return rows.map((p) => ({
        id: p.id,
        title: p.title,
        productType: p.productType,
        tags: p.tags,
        vendor: p.vendor,
        description: (p.bodyHtml ?? '').replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim(),
        updatedAt: p.updatedAt,
        variants: variants
          .filter((v) => v.productId === p.id)
          .map((v) => ({ id: v.id, title: v.title, sku: v.sku, priceCents: toCents(v.price), available: v.inventoryQuantity > 0, options: [v.option1, v.option2, v.option3].filter((o): o is string => Boolean(o)) })),
      }));
    },
    async cancelOrder(storeId, orderId, input, options) {
      const row = await mustFind(storeId, orderId);
      await db.transaction(async (tx) => {
        // The order row is locked for the cancellation: two cancellations of one order refund it once.
        const [order] = await tx.execute(sql`SELECT id, cancelled_at, financial_status, total_price, total_refunded, currency FROM orders WHERE store_id = ${storeId} AND id = ${row.id} FOR UPDATE`).then((r) => (r as unknown as { rows: { id: string; cancelled_at: Date | null; financial_status: string; total_price: string; total_refunded: string; currency: string }[] }).rows);
        if (!order || order.cancelled_at) return;
        // A paid order is refunded in full on cancellation (a refund recorded like any other); an authorised one is voided.
        const paid = ['paid', 'partially_paid', 'partially_refunded'].includes(order.financial_status);
        const left = toCents(order.total_price, order.currency) - toCents(order.total_refunded, order.currency);
        if (paid && left > 0)
          await tx.insert(refunds).values({ storeId, orderId: order.id, amount: toMajor(left, order.currency), currency: order.currency, reason: `order cancelled: ${input.reason}`, status: 'succeeded', lineItems: [], idempotencyKey: `cancel:${options.idempotencyKey}` });
        await tx
          .update(orders)
          .set({ cancelledAt: new Date(), cancelReason: input.reason, financialStatus: paid ? 'refunded' : 'voided', totalRefunded: paid ? order.total_price : order.total_refunded, updatedAt: new Date() })
          .where(and(eq(orders.storeId, storeId), eq(orders.id, order.id)));
      });
      return (await loadOrder(db, storeId, row.id))!;
    },
    async updateShippingAddress(storeId, orderId, address) {
      const row = await mustFind(storeId, orderId);
      await db.update(orders).set({ shippingAddress: address, updatedAt: new Date() }).where(and(eq(orders.storeId, storeId), eq(orders.id, row.id)));
      return { order: (await loadOrder(db, storeId, row.id))!, previous: row.shippingAddress as Address | null };
    },
    async createReturn(storeId, orderId, input, options) {
      const row = await mustFind(storeId, orderId);
      const [existing] = await db.select().from(returns).where(and(eq(returns.storeId, storeId), eq(returns.idempotencyKey, options.idempotencyKey)));
      if (existing) return toReturnRecord(existing);
      const count = (await db.select({ id: returns.id }).from(returns).where(and(eq(returns.storeId, storeId), eq(returns.orderId, row.id)))).length;
      const [created] = await db
        .insert(returns)
        .values({
          storeId,
          orderId: row.id,
          rma: input.rma ?? `RMA-${row.name.replace('#', '')}-${count + 1}`,
          status: 'open',
          reason: input.reason,
          lineItems: input.items,
          carrier: input.label?.carrier ?? null,
          trackingNumber: input.label?.trackingNumber ?? null,
          labelUrl: input.label?.labelUrl ?? null,
          idempotencyKey: options.idempotencyKey,
        })
        .onConflictDoNothing()
        .returning();
      if (created) return toReturnRecord(created);
      const [raced] = await db.select().from(returns).where(and(eq(returns.storeId, storeId), eq(returns.idempotencyKey, options.idempotencyKey)));
      return toReturnRecord(raced!);
    },
    async cancelReturn(storeId, returnId) {
      const [row] = await db.update(returns).set({ status: 'closed', updatedAt: new Date() }).where(and(eq(returns.storeId, storeId), eq(returns.id, returnId))).returning();
      if (!row) throw new AppError('not_found', `return ${returnId} not found`);
      return toReturnRecord(row);
    },
  };
}
