import { createHash } from 'node:crypto';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { OrderRequest } from '../../core/ports/order-requests';
import { decideReturn, type ReturnDecision } from '../../policy/index';
import type { ActionFailure, OrderActionDeps, RequestContext } from './context';
import { abandoned, attemptsSoFar, providerFailure, standingRequest, underOrderLock, failedRequestStatus, providerActionFailure } from './order-guard';
import { orderRequestKey, providerKey } from './request-key';
import { shopperKeys } from './shopper-keys';

export interface ReturnRequest {
  orderId: string;
  items: ItemQuantity[];
  reason: string;
  /** What the shopper wants instead, for an exchange; null for a return. */
  exchange: string | null;
  /** The shopper said yes to the condition questions (only then passed to the policy). */
  conditionConfirmed?: boolean;
}

/** What the shopper needs to send the goods back. */
export interface CreatedReturn {
  returnId: string;
  rma: string;
  carrier: string;
  trackingNumber: string;
  labelUrl: string;
}

export type ReturnOutcome =
  | ({ outcome: 'created'; request: OrderRequest; decision: ReturnDecision } & CreatedReturn)
  | { outcome: 'denied'; decision: ReturnDecision }
  | ({ outcome: 'duplicate'; request: OrderRequest } & Partial<CreatedReturn>)
  | ActionFailure;

/**
 * Creates a return (or exchange) inside the order's critical section: decided on the order as it
 * is now (units already in a return or refunded are gone, excluded categories, the window), then a
 * label and an RMA under a key derived from the order and the items. The same items asked again
 * are the same return; a return the merchant declined no longer stands in the way of a new one.
 * Undo: commerce.cancelReturn(returnId) (the unused label lapses with the carrier).
 */
export async function createReturn(deps: OrderActionDeps, ctx: RequestContext, ask: ReturnRequest): Promise<ReturnOutcome> {
  return underOrderLock(deps, ctx, ask.orderId, async ({ order, requests }): Promise<ReturnOutcome> => {
    const kind = ask.exchange ? ('exchange' as const) : ('return' as const);
    const declined = order.returns.filter((r) => r.status === 'declined').length;
    const key = orderRequestKey(kind, order.id, { items: ask.items, generation: declined });
    const standing = standingRequest(requests, key);
    if (standing && !abandoned(standing, ctx.now)) return { outcome: 'duplicate', request: standing, ...(standing.result as Partial<CreatedReturn>) };
    const decision = decideReturn({ order, items: ask.items, settings: ctx.settings, ...(ask.conditionConfirmed ? { conditionConfirmed: true } : {}), now: ctx.now });
    const everyItem = ask.items.every((i) => decision.returnableItems.some((r) => r.lineItemId === i.lineItemId && r.quantity >= i.quantity));
    if (!standing && (decision.outcome !== 'allow' || !everyItem)) return { outcome: 'denied', decision };
    const request =
      standing ??
      (await deps.orderRequests.open(ctx.storeId, {
        orderId: order.id,
        orderName: order.name,
        kind,
        requestKey: key,
        status: 'in_progress',
        automatic: true,
        returnless: false,
        amountCents: 0,
        currency: order.currency,
        items: ask.items,
        attempts: attemptsSoFar(requests, key) + 1,
        conversationId: ctx.conversationId ?? null,
        channel: ctx.channel ?? null,
        shopperKeys: shopperKeys(ctx.storeId, order, ctx.claimed),
      }));
    const idempotencyKey = providerKey(request);
    try {
      const rma = `RMA-${order.name.replace(/^#/, '')}-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 6).toUpperCase()}`;
      const label = await deps.shipping.createReturnLabel(ctx.storeId, { orderId: order.id, rma, from: order.shippingAddress }, { idempotencyKey: `label:${idempotencyKey}` });
      const created = await deps.commerce.createReturn(ctx.storeId, order.id, { items: ask.items, reason: ask.reason, rma, label }, { idempotencyKey: `return:${idempotencyKey}` });
      const result: CreatedReturn = { returnId: created.id, rma: created.rma, carrier: label.carrier, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl };
      const settled = await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'completed', result: { ...result } });
      return { outcome: 'created', request: settled, decision, ...result };
    } catch (error) {
      await deps.orderRequests.settle(ctx.storeId, request.id, { status: failedRequestStatus(error), result: providerFailure(error) });
      return providerActionFailure(error);
    }
  });
}
