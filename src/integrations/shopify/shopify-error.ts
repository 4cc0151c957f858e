/** What went wrong talking to Shopify, in terms the adapter (and the agent, as a provider error) can act on. */
export type ShopifyErrorKind =
  /** The call ran out of time: it may or may not have taken effect. */
  | 'timeout'
  /** Shopify answered 5xx or the connection broke: it may or may not have taken effect. */
  | 'unavailable'
  /** Still throttled after the allowed waits. */
  | 'throttled'
  /** The token is wrong, revoked, or lacks a scope. */
  | 'auth'
  /** Shopify refused the document or its variables. */
  | 'graphql'
  /** The mutation answered userErrors: nothing changed. */
  | 'user_error'
  /** The read-back after a write does not show the change. */
  | 'not_applied'
  | 'not_found';

/** A Shopify failure. Its message names the operation and Shopify's reason, never a token or a shopper's data. */
export class ShopifyError extends Error {
  readonly kind: ShopifyErrorKind;
  constructor(kind: ShopifyErrorKind, message: string) {
    super(`Shopify: ${message}`);
    this.name = 'ShopifyError';
    this.kind = kind;
  }

  /** Whether the call may have taken effect although it failed (a write must be read back before it is retried). */
  get uncertain(): boolean {
    return this.kind === 'timeout' || this.kind === 'unavailable';
  }
}
