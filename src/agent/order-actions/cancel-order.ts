import type { Order } from '../../core/commerce';
import type { OrderRequest } from '../../core/ports/order-requests';
import { decideCancellation, type CancellationDecision } from '../../policy/index';
import type { ActionFailure, OrderActionDeps, RequestContext } from './context';
import { abandoned, attemptsSoFar, providerFailure, standingRequest, underOrderLock, failedRequestStatus, providerActionFailure } from './order-guard';
import { orderRequestKey, providerKey } from './request-key';
import { shopperKeys } from './shopper-keys';

export type CancelOutcome =
  | { outcome: 'cancelled'; order: Order; request: OrderRequest; refundedCents: number }
  | { outcome: 'denied' | 'review'; decision: CancellationDecision }
  | { outcome: 'duplicate'; request: OrderRequest; order: Order }
  | ActionFailure;

/**
 * Cancels an order inside its critical section: decided on the order as it is now (not shipped,
 * not cancelled already), recorded before the provider call, carried out under a key derived from
 * the order alone — two conversations cancelling one order cancel (and refund) it once.
 * Undo: none; a cancelled order is re-placed by a human.
 */
export async function cancelOrder(deps: OrderActionDeps, ctx: RequestContext, input: { orderId: string; reason: string }): Promise<CancelOutcome> {
  return underOrderLock(deps, ctx, input.orderId, async ({ order, requests }): Promise<CancelOutcome> => {
    const key = orderRequestKey('cancel', order.id);
    const standing = standingRequest(requests, key);
    if (standing && !abandoned(standing, ctx.now)) return { outcome: 'duplicate', request: standing, order };
    const decision = decideCancellation({ order, now: ctx.now });
    if (!standing && decision.outcome !== 'allow') return { outcome: decision.outcome === 'deny' ? 'denied' : 'review', decision };
    const request =
      standing ??
      (await deps.orderRequests.open(ctx.storeId, {
        orderId: order.id,
        orderName: order.name,
        kind: 'cancel',
        requestKey: key,
        status: 'in_progress',
        automatic: true,
        returnless: false,
        amountCents: decision.refundCents,
        currency: order.currency,
        items: [],
        attempts: attemptsSoFar(requests, key) + 1,
        conversationId: ctx.conversationId ?? null,
        channel: ctx.channel ?? null,
        shopperKeys: shopperKeys(ctx.storeId, order, ctx.claimed),
      }));
    try {
      const cancelled = await deps.commerce.cancelOrder(ctx.storeId, order.id, { reason: input.reason }, { idempotencyKey: providerKey(request) });
      const refundedCents = Math.max(0, cancelled.refundedCents - order.refundedCents);
      const settled = await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'completed', result: { refundedCents } });
      return { outcome: 'cancelled', order: cancelled, request: settled, refundedCents };
    } catch (error) {
      await deps.orderRequests.settle(ctx.storeId, request.id, { status: failedRequestStatus(error), result: providerFailure(error) });
      return providerActionFailure(error);
    }
  });
}
