/**
 * Serialises the actions that move money or change an order (refund, cancel, return, exchange,
 * address change) per order, across every instance: the check against the order and the act
 * happen inside one critical section. Adapters: in-process (embedded), PostgreSQL advisory
 * lock (server mode; docs/adr/0011).
 */
export interface OrderLock {
  /** Runs `fn` holding the order's lock; throws AppError('unavailable') when it cannot be had in time. */
  withOrderLock<T>(storeId: string, orderId: string, fn: () => Promise<T>): Promise<T>;
}
