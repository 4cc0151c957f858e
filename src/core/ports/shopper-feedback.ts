/** A shopper's thumbs on one answer. */
export type Thumb = 'up' | 'down';

/** What shoppers said of the answers and the conversation, as stored. */
export interface FeedbackRecord {
  conversationId: string;
  messageId: string | null;
  kind: 'thumb' | 'rating';
  score: number;
  updatedAt: Date;
}

/**
 * Shoppers' thumbs on answers and their 1–5 rating of a resolved conversation. Every call names the
 * store; a second vote on the same answer (or rating) replaces the first.
 */
export interface ShopperFeedbackStore {
  /** Undefined when the message is not an answer (assistant or person) of this conversation of this store. */
  rateAnswer(storeId: string, conversationId: string, messageId: string, thumb: Thumb): Promise<FeedbackRecord | undefined>;
  rateConversation(storeId: string, conversationId: string, score: number): Promise<FeedbackRecord>;
  ofConversation(storeId: string, conversationId: string): Promise<FeedbackRecord[]>;
}
