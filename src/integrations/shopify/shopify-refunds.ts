import { createHash } from 'node:crypto';
import type { RefundRecord } from '../../core/commerce';
import { toMajor } from '../../core/money';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { ShopifyTransport } from './admin-transport';
import { ORDER_TRANSACTIONS, REFUND_CREATE } from './operations';
import { toOrder } from './order-mapper';
import { ShopifyError } from './shopify-error';
import type { ShopifyReads } from './shopify-reads';

/** A UUID-shaped digest (Shopify recommends UUIDs as idempotency keys) of the store and an action's key. */
export function shopifyIdempotencyKey(storeId: string, actionKey: string): string {
  const hex = createHash('sha256').update(`${storeId}\u0000${actionKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The mark a refund carries in its note: the request's key without the attempt number, so every
 * attempt of one request (after a timeout, a crash, a new provider key) finds a refund already made.
 */
export function refundMarker(storeId: string, actionKey: string): string {
  return `[concierge:${shopifyIdempotencyKey(storeId, actionKey.replace(/#\d+$/, '')).slice(0, 18)}]`;
}

type Transaction = { id: string; kind: string; status: string; gateway: string };

/** Refunds through refundCreate, issued once per action however often it is retried. */
export function shopifyRefunds(reads: ShopifyReads) {
  async function refundMarked(transport: ShopifyTransport, storeId: string, orderId: string, marker: string): Promise<RefundRecord | undefined> {
    const node = await reads.freshOrderNode(transport, storeId, orderId);
    if (!node) throw new ShopifyError('not_found', `order ${orderId} is not in the shop`);
    const refund = toOrder(node).refunds.find((r) => r.reason?.includes(marker));
    return refund ? { ...refund, reason: refund.reason!.replace(marker, '').trim() || null } : undefined;
  }

  async function parentTransaction(transport: ShopifyTransport, orderId: string): Promise<Transaction> {
    const data = await transport.request<{ order: { transactions: Transaction[] } | null }>(ORDER_TRANSACTIONS, { id: orderId }, { label: 'order transactions', retryUncertain: true });
    const parent = data.order?.transactions.find((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS');
    if (!parent) throw new ShopifyError('user_error', 'refundCreate: the order has no captured payment to refund');
    return parent;
  }

  return {
    /**
     * Reads the order's refunds first (a refund this action already made is returned, not made
     * again); sends refundCreate under `@idempotent` (a retry after a timeout is answered with the
     * first refund); then reads the order back and returns the refund it shows. Undo: none.
     */
    async refund(
      transport: ShopifyTransport,
      storeId: string,
      input: { orderId: string; amountCents: number; currency: string; reason: string; items: ItemQuantity[] },
      actionKey: string,
    ): Promise<RefundRecord> {
      const marker = refundMarker(storeId, actionKey);
      const earlier = await refundMarked(transport, storeId, input.orderId, marker);
      if (earlier) return earlier;
      const parent = await parentTransaction(transport, input.orderId);
      const refundInput = {
        orderId: input.orderId,
        note: `${input.reason} ${marker}`,
        notify: true,
        refundLineItems: input.items.map((item) => ({ lineItemId: item.lineItemId, quantity: item.quantity, restockType: 'NO_RESTOCK' })),
        transactions: [{ orderId: input.orderId, parentId: parent.id, gateway: parent.gateway, kind: 'REFUND', amount: toMajor(input.amountCents, input.currency) }],
      };
      try {
        const data = await transport.request<{ refundCreate: { refund: { id: string } | null; userErrors: { message: string }[] } }>(
          REFUND_CREATE(shopifyIdempotencyKey(storeId, actionKey)),
          { input: refundInput },
          { label: 'refundCreate', retryUncertain: true },
        );
        if (data.refundCreate.userErrors.length > 0) throw new ShopifyError('user_error', `refundCreate was refused: ${data.refundCreate.userErrors.map((e) => e.message).join('; ')}`);
      } catch (error) {
        if (!(error instanceof ShopifyError && error.uncertain)) throw error;
      }
      const made = await refundMarked(transport, storeId, input.orderId, marker);
      if (!made) throw new ShopifyError('not_applied', 'refundCreate: no refund for this request on the order read back');
      return made;
    },
  };
}
