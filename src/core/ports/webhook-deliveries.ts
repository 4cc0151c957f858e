/** Webhook deliveries already handled, kept durably so a provider's redelivery is answered and ignored. */
export interface WebhookDeliveries {
  /** Records a delivery; false when it was recorded before (a replay). */
  claim(provider: string, deliveryId: string, storeId: string | null): Promise<boolean>;
  /** Forgets a claim whose handling failed, so the provider's retry is handled. */
  release(provider: string, deliveryId: string): Promise<void>;
}
