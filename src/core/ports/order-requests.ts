import type { ItemQuantity } from './commerce';

/** What a request asks of an order: money back, or a change to it. */
export const orderRequestKinds = ['refund', 'cancel', 'return', 'exchange', 'address'] as const;
export type OrderRequestKind = (typeof orderRequestKinds)[number];

/**
 * in_progress: written before the provider is called (a crash leaves it, and the same request
 * re-drives it with the same key); pending: waits for a human; completed; rejected (by a human);
 * failed (the provider refused; a later identical request may try again); void (never carried
 * out: the turn that opened it failed, or a human's approval found nothing left to do).
 */
export type OrderRequestStatus = 'in_progress' | 'pending' | 'completed' | 'rejected' | 'failed' | 'void';

/** Statuses that hold a request key: an identical request is the same request while one of these stands. */
export const liveRequestStatuses: readonly OrderRequestStatus[] = ['in_progress', 'pending', 'completed'];

/** One request on an order, as recorded in the ledger of requests that move money or change an order. */
export interface OrderRequest {
  id: string;
  storeId: string;
  orderId: string;
  orderName: string;
  kind: OrderRequestKind;
  /** Derived from the order and what is asked (items, amount, address), never from the conversation. */
  requestKey: string;
  status: OrderRequestStatus;
  /** Carried out without a human. */
  automatic: boolean;
  /** A refund paid without the goods coming back. */
  returnless: boolean;
  amountCents: number;
  currency: string | null;
  items: ItemQuantity[];
  /** Provider calls made under this request (a failed one is retried under a new provider key). */
  attempts: number;
  actionId: string | null;
  conversationId: string | null;
  channel: string | null;
  /** Hashed identifiers of the shopper (customer, e-mail, address, payment fingerprint): the history's keys. */
  shopperKeys: string[];
  /** What the provider answered (refund id, RMA, label…) or why it failed. */
  result: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export type NewOrderRequest = Pick<OrderRequest, 'orderId' | 'orderName' | 'kind' | 'requestKey' | 'automatic' | 'returnless' | 'amountCents' | 'currency' | 'items' | 'shopperKeys'> & {
  status: 'in_progress' | 'pending';
  attempts?: number;
  actionId?: string | null;
  conversationId?: string | null;
  channel?: string | null;
};

export interface OrderRequestChange {
  status: OrderRequestStatus;
  result?: Record<string, unknown>;
  attempts?: number;
  automatic?: boolean;
}

/** The ledger of requests on orders. Every call names the store. */
export interface OrderRequestLedger {
  /** Every request on the order, oldest first. */
  forOrder(storeId: string, orderId: string): Promise<OrderRequest[]>;
  /** Records a request; a live request with the same key makes it fail with AppError('conflict'). */
  open(storeId: string, input: NewOrderRequest): Promise<OrderRequest>;
  settle(storeId: string, id: string, change: OrderRequestChange): Promise<OrderRequest>;
  byAction(storeId: string, actionId: string): Promise<OrderRequest | undefined>;
}
