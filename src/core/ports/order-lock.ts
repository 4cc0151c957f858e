/**
 * Serialises the actions that move money or change an order (refund, cancel, return, exchange,
 * address change) per order, across every instance: the check against the order and the act
 * happen inside one critical section. Adapters: in-process (embedded), PostgreSQL advisory
 * lock (server mode; docs/adr/0011).
 */
export interface OrderLock {
  /** Runs `fn` holding the order's lock; throws AppError('unavailable') when it cannot be had in time. */
  withOrderLock<T>(storeId: string, orderId: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding every one of a shopper's keys (hashed identifiers: customer, e-mail, address,
   * payment), taken in sorted order so that two holders never wait on each other in a cycle. Taken
   * inside an order's lock, never the other way round: it serialises one shopper's money decisions
   * across orders, so the per-shopper limits see every request (docs/adr/0023).
   */
  withShopperLock<T>(storeId: string, shopperKeys: string[], fn: () => Promise<T>): Promise<T>;
}
