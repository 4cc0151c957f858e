import type { Address, Customer, Order, OrderSummary, Product, RefundRecord, ReturnLabel, ReturnRecord, TrackingInfo } from '../commerce';

/** Every write carries an idempotency key: a retry with the same key changes nothing twice. */
export interface WriteOptions {
  idempotencyKey: string;
}

export interface ItemQuantity {
  lineItemId: string;
  quantity: number;
}

/** Orders, customers, products and the order changes a store allows. Adapters: demo, Shopify. */
export interface CommercePort {
  /**
   * By the order's name as the shopper writes it ("#1042", "1042") or by its id. `fresh`: read
   * from the provider itself, past any order cache (a decision on money or a read-back after a write).
   */
  getOrder(storeId: string, reference: string, options?: { fresh?: boolean }): Promise<Order | undefined>;
  findOrders(storeId: string, query: { email?: string; customerId?: string; limit?: number }): Promise<OrderSummary[]>;
  /** Orders placed since `since`, not cancelled, with at least one shipment: the parcels the shipment watch follows (newest first). */
  listShippedOrders(storeId: string, query: { since: Date; limit: number }): Promise<Order[]>;
  getCustomer(storeId: string, query: { email?: string; id?: string }): Promise<Customer | undefined>;
  listProducts(storeId: string, query?: { updatedSince?: Date; limit?: number }): Promise<Product[]>;
  /** Undo: none; a cancelled order is re-placed by a human. */
  cancelOrder(storeId: string, orderId: string, input: { reason: string }, options: WriteOptions): Promise<Order>;
  /** Undo: call again with the previous address (returned in `previous`). */
  updateShippingAddress(storeId: string, orderId: string, address: Address, options: WriteOptions): Promise<{ order: Order; previous: Address | null }>;
  /** Undo: `cancelReturn`. */
  createReturn(storeId: string, orderId: string, input: { items: ItemQuantity[]; reason: string; rma?: string; label?: ReturnLabel }, options: WriteOptions): Promise<ReturnRecord>;
  cancelReturn(storeId: string, returnId: string): Promise<ReturnRecord>;
}

/** Money back to the shopper. Adapters: demo, Stripe, Shopify. */
export interface PaymentsPort {
  /** Undo: none; money sent is not pulled back. Hence the policy check and the idempotency key. */
  refund(
    storeId: string,
    input: { orderId: string; amountCents: number; currency: string; reason: string; items: ItemQuantity[] },
    options: WriteOptions,
  ): Promise<RefundRecord>;
}

/** Tracking and return labels. Adapters: demo, a tracking/label provider. */
export interface ShippingPort {
  getTracking(storeId: string, trackingNumber: string): Promise<TrackingInfo | undefined>;
  /** Undo: a label unused is voided by the carrier after its validity; nothing to call. */
  createReturnLabel(storeId: string, input: { orderId: string; rma: string; from: Address | null }, options: WriteOptions): Promise<ReturnLabel>;
}
