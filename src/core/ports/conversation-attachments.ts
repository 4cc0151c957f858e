/** A photo a shopper attached to a conversation (evidence for a claim), stored checked and stripped. */
export interface ConversationAttachment {
  id: string;
  conversationId: string;
  objectKey: string;
  contentType: string;
  size: number;
  sha256: string;
  source: 'api' | 'widget' | 'email';
  /** The shopper message it was sent with; null until a message names it. */
  messageId: string | null;
  createdAt: Date;
}

export interface ConversationAttachmentStore {
  add(storeId: string, attachment: Omit<ConversationAttachment, 'id' | 'messageId' | 'createdAt'>): Promise<ConversationAttachment>;
  ofConversation(storeId: string, conversationId: string): Promise<ConversationAttachment[]>;
  /** Names the message these attachments were sent with (only attachments not sent with one yet). */
  link(storeId: string, conversationId: string, ids: string[], messageId: string): Promise<void>;
}
