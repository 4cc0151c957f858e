/** A refund's status as the payment provider reports it (Stripe's own set). */
export type ProviderRefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface ProviderRefund {
  provider: string;
  refundId: string;
  orderId: string;
  /** The order request (ledger) that paid it, when Concierge made it. */
  requestKey: string | null;
  amountCents: number;
  currency: string;
  status: ProviderRefundStatus;
  failureReason: string | null;
}

/** A provider's word about a refund, from a webhook event: applied once per event id, never older over newer. */
export interface RefundEvent {
  provider: string;
  eventId: string;
  occurredAt: Date;
  refund: ProviderRefund;
}

/**
 * Refunds as the payment provider tracks them, kept beside the order-request ledger: written when
 * a refund is made, moved by the provider's webhooks (a refund that fails later marks its request
 * failed, so the shopper's next ask is a new attempt under a new key). Every call names the store.
 */
export interface ProviderRefundLog {
  record(storeId: string, refund: ProviderRefund): Promise<void>;
  get(storeId: string, provider: string, refundId: string): Promise<ProviderRefund | undefined>;
  /** Applies an event once: false when this event id was seen before (nothing written). */
  applyEvent(storeId: string, event: RefundEvent): Promise<boolean>;
}
