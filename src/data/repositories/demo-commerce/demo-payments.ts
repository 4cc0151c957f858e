import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors';
import { toCents, toMajor } from '../../../core/money';
import type { PaymentsPort } from '../../../core/ports/commerce';
import type { Db } from '../../database';
import { orders, refunds } from '../../schema/index';

/**
 * Refunds in the demo backend. The order row is locked for the refund's transaction and the
 * idempotency key is unique per store: a retry returns the first refund, money never moves twice,
 * and no refund exceeds what is left to refund.
 */
export function demoPayments(db: Db): PaymentsPort {
  return {
    async refund(storeId, input, options) {
      return db.transaction(async (tx) => {
        const [earlier] = await tx.select().from(refunds).where(and(eq(refunds.storeId, storeId), eq(refunds.idempotencyKey, options.idempotencyKey)));
        const asRecord = (r: typeof refunds.$inferSelect) => ({ id: r.id, amountCents: toCents(r.amount, r.currency), currency: r.currency, reason: r.reason, status: r.status as 'succeeded', lineItems: r.lineItems as { lineItemId: string; quantity: number }[], createdAt: r.createdAt });
        if (earlier) return asRecord(earlier);
        const [order] = await tx.execute(sql`SELECT id, total_price, total_refunded, currency FROM orders WHERE store_id = ${storeId} AND id = ${input.orderId} FOR UPDATE`).then((r) => (r as unknown as { rows: { id: string; total_price: string; total_refunded: string; currency: string }[] }).rows);
        if (!order) throw new AppError('not_found', `order ${input.orderId} not found`);
        if (input.currency !== order.currency) throw new AppError('unprocessable', `refund currency ${input.currency} differs from the order's ${order.currency}`);
        const remaining = toCents(order.total_price, order.currency) - toCents(order.total_refunded, order.currency);
        if (input.amountCents <= 0 || input.amountCents > remaining) throw new AppError('unprocessable', `refund of ${toMajor(input.amountCents)} exceeds the ${toMajor(remaining)} left to refund on this order`);
        const [created] = await tx
          .insert(refunds)
          .values({ storeId, orderId: order.id, amount: toMajor(input.amountCents, order.currency), currency: order.currency, reason: input.reason, status: 'succeeded', lineItems: input.items, idempotencyKey: options.idempotencyKey })
          .returning();
        const refunded = toCents(order.total_refunded, order.currency) + input.amountCents;
        const full = refunded >= toCents(order.total_price, order.currency);
        await tx
          .update(orders)
          .set({ totalRefunded: toMajor(refunded, order.currency), financialStatus: full ? 'refunded' : 'partially_refunded', updatedAt: new Date() })
          .where(and(eq(orders.storeId, storeId), eq(orders.id, order.id)));
        return asRecord(created!);
      });
    },
  };
}
