/** What a connection test found: the provider answered with the store's credentials, or why not. */
export interface IntegrationCheckResult {
  provider: string;
  ok: boolean;
  /** For the operator: what was checked and what came back (never the credentials). */
  message: string;
}

/** Tests one provider's stored credentials for a store with one harmless read. */
export interface IntegrationCheck {
  check(storeId: string): Promise<IntegrationCheckResult>;
}
