import type { OrderLock } from '../../core/ports/order-lock';
import { MemoryConversationLock } from '../memory/memory-lock';

/** Order locks inside one process (the embedded default: one process is the whole deployment). */
export class MemoryOrderLock implements OrderLock {
  private readonly queue = new MemoryConversationLock();

  withOrderLock<T>(storeId: string, orderId: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.withLock(`${storeId}:${orderId}`, fn);
  }

  withShopperLock<T>(storeId: string, shopperKeys: string[], fn: () => Promise<T>): Promise<T> {
    const keys = [...new Set(shopperKeys)].sort().map((key) => `shopper:${storeId}:${key}`);
    const hold = (i: number): Promise<T> => (i === keys.length ? fn() : this.queue.withLock(keys[i]!, () => hold(i + 1)));
    return hold(0);
  }
}
