/**
 * Failed ownership checks, kept across conversations and channels: a shopper who guesses an
 * order's e-mail or postal code in one conversation is still counted in the next. Keys are hashed
 * per store (the order, and the identity the channel gave): the store needs to count, not to read.
 */
export interface VerificationFailures {
  /** How many failures matching any of the keys were recorded since the date. */
  count(storeId: string, keys: string[], since: Date): Promise<number>;
  /** Records one failure under all of its keys (counted once however many keys match). */
  record(storeId: string, failure: { keys: string[]; conversationId?: string | null; channel?: string | null }): Promise<void>;
}
