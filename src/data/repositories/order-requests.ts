import { and, arrayOverlaps, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { OrderRequest, OrderRequestKind, OrderRequestLedger, OrderRequestStatus } from '../../core/ports/order-requests';
import type { ShopperHistory } from '../../core/ports/shopper-history';
import type { Db } from '../database';
import { orderRequests } from '../schema/index';

type Row = typeof orderRequests.$inferSelect;

// The history the abuse limits read is bounded: a shopper with more requests than this in a window is over any sane limit already.
const HISTORY_LIMIT = 500;

const toRequest = (r: Row): OrderRequest => ({
  id: r.id,
  storeId: r.storeId,
  orderId: r.orderId,
  orderName: r.orderName,
  kind: r.kind as OrderRequestKind,
  requestKey: r.requestKey,
  status: r.status as OrderRequestStatus,
  automatic: r.automatic,
  returnless: r.returnless,
  amountCents: r.amountCents,
  currency: r.currency,
  items: r.items as ItemQuantity[],
  attempts: r.attempts,
  actionId: r.actionId,
  conversationId: r.conversationId,
  channel: r.channel,
  shopperKeys: r.shopperKeys,
  result: r.result as Record<string, unknown>,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The order-request ledger and the shopper history read from it, in our database. */
export function orderRequestLedger(db: Db): OrderRequestLedger & ShopperHistory {
  return {
    async forOrder(storeId, orderId) {
      const rows = await db.select().from(orderRequests).where(and(eq(orderRequests.storeId, storeId), eq(orderRequests.orderId, orderId))).orderBy(asc(orderRequests.createdAt));
      return rows.map(toRequest);
    },
    async open(storeId, input) {
      const [row] = await db
        .insert(orderRequests)
        .values({ storeId, ...input, actionId: input.actionId ?? null, conversationId: input.conversationId ?? null, channel: input.channel ?? null })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('conflict', `a live request ${input.requestKey} already stands on order ${input.orderName}`);
      return toRequest(row);
    },
    async settle(storeId, id, change) {
      const [row] = await db
        .update(orderRequests)
        .set({ status: change.status, updatedAt: new Date(), ...(change.result ? { result: change.result } : {}), ...(change.attempts !== undefined ? { attempts: change.attempts } : {}), ...(change.automatic !== undefined ? { automatic: change.automatic } : {}) })
        .where(and(eq(orderRequests.storeId, storeId), eq(orderRequests.id, id)))
        .returning();
      if (!row) throw new AppError('not_found', `order request ${id} not found`);
      return toRequest(row);
    },
    async byAction(storeId, actionId) {
      const [row] = await db.select().from(orderRequests).where(and(eq(orderRequests.storeId, storeId), eq(orderRequests.actionId, actionId))).orderBy(desc(orderRequests.createdAt)).limit(1);
      return row ? toRequest(row) : undefined;
    },
    async requests(storeId, query) {
      if (query.shopperKeys.length === 0) return [];
      const rows = await db
        .select()
        .from(orderRequests)
        .where(and(eq(orderRequests.storeId, storeId), arrayOverlaps(orderRequests.shopperKeys, query.shopperKeys), inArray(orderRequests.kind, query.kinds), gte(orderRequests.createdAt, query.since)))
        .orderBy(desc(orderRequests.createdAt))
        .limit(HISTORY_LIMIT);
      return rows.map(toRequest);
    },
  };
}
