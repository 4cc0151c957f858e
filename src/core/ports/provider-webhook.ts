/** What a provider webhook delivery came to: applied, or already seen (its id recorded before). */
export interface WebhookReceipt {
  eventId: string;
  type: string;
  duplicate: boolean;
  /** Refunds (or other records) the delivery changed. */
  applied: number;
}

/**
 * A provider's webhook for one store: verifies the signature on the raw body bytes before parsing,
 * dedupes on the provider's event id durably, and applies the event. A bad or missing signature,
 * or a body that is not the provider's JSON, throws AppError('bad_request') with nothing written.
 */
export interface ProviderWebhook {
  receive(storeId: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<WebhookReceipt>;
}
