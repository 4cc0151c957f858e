import type { Order } from '../../core/commerce';

const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));

/**
 * An order read back from a cache that keeps JSON (Redis): its dates as Date objects again.
 * The in-process cache keeps Dates already; reviving one is a no-op copy.
 */
export function reviveOrder(raw: Order): Order {
  return {
    ...raw,
    cancelledAt: date(raw.cancelledAt),
    createdAt: date(raw.createdAt)!,
    fulfillments: raw.fulfillments.map((f) => ({ ...f, estimatedDeliveryAt: date(f.estimatedDeliveryAt), shippedAt: date(f.shippedAt), deliveredAt: date(f.deliveredAt) })),
    refunds: raw.refunds.map((r) => ({ ...r, createdAt: date(r.createdAt)! })),
    returns: raw.returns.map((r) => ({ ...r, createdAt: date(r.createdAt)! })),
  };
}
