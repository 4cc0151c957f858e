import type { Address, Order } from '../../core/commerce';
import type { OrderRequest } from '../../core/ports/order-requests';
import { decideAddressChange, type AddressChangeDecision } from '../../policy/index';
import type { ActionFailure, OrderActionDeps, RequestContext } from './context';
import { attemptsSoFar, providerFailure, underOrderLock, failedRequestStatus, providerActionFailure } from './order-guard';
import { addressFingerprint, orderRequestKey, providerKey } from './request-key';
import { shopperKeys } from './shopper-keys';

export type AddressOutcome =
  | { outcome: 'updated'; order: Order; previous: Address | null; confirmed: boolean; request: OrderRequest }
  /** The order already ships there (asked twice, or by two conversations at once): nothing to do. */
  | { outcome: 'unchanged'; order: Order }
  | { outcome: 'denied' | 'review'; decision: AddressChangeDecision }
  | ActionFailure;

/**
 * Changes the shipping address inside the order's critical section: decided on the order as it is
 * now (not shipped), keyed by the order and the change (from → to, so changing back later is a new
 * request), then read back to confirm it took. Undo: call again with `previous`.
 */
export async function changeAddress(deps: OrderActionDeps, ctx: RequestContext, input: { orderId: string; address: Address }): Promise<AddressOutcome> {
  return underOrderLock(deps, ctx, input.orderId, async ({ order, requests }): Promise<AddressOutcome> => {
    if (addressFingerprint(order.shippingAddress) === addressFingerprint(input.address)) return { outcome: 'unchanged', order };
    const decision = decideAddressChange({ order, newAddress: input.address, now: ctx.now });
    if (decision.outcome !== 'allow') return { outcome: decision.outcome === 'deny' ? 'denied' : 'review', decision };
    // Every change made so far is part of the key: A→B, B→A, then A→B again are three requests.
    const changes = requests.filter((r) => r.kind === 'address' && r.status === 'completed').length;
    const key = orderRequestKey('address', order.id, { address: input.address, from: order.shippingAddress, generation: changes });
    const request = await deps.orderRequests.open(ctx.storeId, {
      orderId: order.id,
      orderName: order.name,
      kind: 'address',
      requestKey: key,
      status: 'in_progress',
      automatic: true,
      returnless: false,
      amountCents: 0,
      currency: null,
      items: [],
      attempts: attemptsSoFar(requests, key) + 1,
      conversationId: ctx.conversationId ?? null,
      channel: ctx.channel ?? null,
      shopperKeys: shopperKeys(ctx.storeId, order, ctx.claimed),
    });
    try {
      const { previous } = await deps.commerce.updateShippingAddress(ctx.storeId, order.id, input.address, { idempotencyKey: providerKey(request) });
      const readBack = (await deps.commerce.getOrder(ctx.storeId, order.id, { fresh: true })) ?? order;
      const confirmed = addressFingerprint(readBack.shippingAddress) === addressFingerprint(input.address);
      const settled = await deps.orderRequests.settle(ctx.storeId, request.id, { status: confirmed ? 'completed' : 'failed', result: { confirmed } });
      return { outcome: 'updated', order: readBack, previous, confirmed, request: settled };
    } catch (error) {
      await deps.orderRequests.settle(ctx.storeId, request.id, { status: failedRequestStatus(error), result: providerFailure(error) });
      return providerActionFailure(error);
    }
  });
}

