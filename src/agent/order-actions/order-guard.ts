import { isAppError } from '../../core/errors';
import { isProviderUnavailable } from '../../core/provider-unavailable';
import { liveRequestStatuses, type OrderRequest } from '../../core/ports/order-requests';
import type { ActionFailure, LockedOrder, OrderActionDeps, RequestContext } from './context';

// An in_progress request older than this was left by a crash mid-call: the same request re-drives it with the same provider key.
const STALE_IN_PROGRESS_MS = 120_000;

/**
 * Runs `act` inside the order's critical section with the order read fresh there and every request
 * on it: what `act` decides, it decides on the order as it is, and no other instance acts on the
 * order until it is done. A lock that cannot be had, or an order that is gone, is a failure to
 * report to the shopper, not an error.
 */
export async function underOrderLock<T>(deps: OrderActionDeps, ctx: RequestContext, reference: string, act: (locked: LockedOrder) => Promise<T>): Promise<T | ActionFailure> {
  const gone = { outcome: 'failed' as const, reason: 'not_found' as const, message: `order ${reference} not found` };
  // The lock is taken on the order's own id, whatever the caller named it by ("#1005", "1005", an id).
  const named = await deps.commerce.getOrder(ctx.storeId, reference);
  if (!named) return gone;
  try {
    return await deps.orderLock.withOrderLock(ctx.storeId, named.id, async () => {
      const order = await deps.commerce.getOrder(ctx.storeId, named.id, { fresh: true });
      if (!order) return gone;
      const requests = await deps.orderRequests.forOrder(ctx.storeId, order.id);
      return act({ order, requests });
    });
  } catch (error) {
    if (isProviderUnavailable(error)) return { outcome: 'failed', reason: 'provider_unavailable', message: error.message };
    if (isAppError(error) && error.code === 'unavailable') return { outcome: 'failed', reason: 'busy', message: error.message };
    throw error;
  }
}

/** The live request standing under this key (or the last human rejection of it), if any. */
export function standingRequest(requests: OrderRequest[], key: string): OrderRequest | undefined {
  const same = requests.filter((r) => r.requestKey === key);
  return same.findLast((r) => liveRequestStatuses.includes(r.status)) ?? same.findLast((r) => r.status === 'rejected');
}

/** Whether an in_progress request was abandoned by a crash (its provider call may or may not have happened). */
export const abandoned = (request: OrderRequest, now: Date) => request.status === 'in_progress' && now.getTime() - request.updatedAt.getTime() > STALE_IN_PROGRESS_MS;

/** Failed attempts under a key so far: the next attempt gets the next provider key. */
export const attemptsSoFar = (requests: OrderRequest[], key: string) => requests.filter((r) => r.requestKey === key && r.status === 'failed').reduce((max, r) => Math.max(max, r.attempts), 0);

/**
 * How a failed provider call leaves its request: failed (a later identical request may try again
 * under a new key), or, when the provider may have acted on it (a timeout, a 5xx), still in
 * progress, so the same request re-drives it under the SAME key and money moves at most once.
 */
export const failedRequestStatus = (error: unknown): 'failed' | 'in_progress' => (isProviderUnavailable(error) && error.outcomeUnknown ? 'in_progress' : 'failed');

/** The action failure a provider error is reported as. */
export const providerActionFailure = (error: unknown) => ({
  outcome: 'failed' as const,
  reason: isProviderUnavailable(error) ? ('provider_unavailable' as const) : ('provider_error' as const),
  message: providerFailure(error).message,
});

/** A provider error as the ledger keeps it: its code and message, no stack, no payload. */
export function providerFailure(error: unknown): { error: string; message: string } {
  return { error: isAppError(error) ? error.code : 'provider_error', message: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300) };
}
