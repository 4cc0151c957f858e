import type { Channel, ConversationStatus } from '../conversation';

/** One row of the operators' inbox: the conversation, its latest message and what the agent last understood. */
export interface InboxRow {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  customer: { id: string | null; name: string | null; email: string | null };
  createdAt: Date;
  updatedAt: Date;
  handoffReason: string | null;
  lastMessage: { role: string; content: string; at: Date } | null;
  intent: string | null;
  sentiment: string | null;
  pendingActions: number;
}

export interface InboxQuery {
  status?: ConversationStatus | undefined;
  channel?: Channel | undefined;
  intent?: string | undefined;
  sentiment?: string | undefined;
  /** Words in any message, or the shopper's name or e-mail. */
  search?: string | undefined;
  /** Rows updated before this instant (the previous page's last row). */
  before?: Date | undefined;
  limit: number;
}

/** The inbox read model; every call names the store. */
export interface InboxReader {
  list(storeId: string, query: InboxQuery): Promise<InboxRow[]>;
  /** Counts per status, for the inbox's tabs. */
  counts(storeId: string): Promise<Record<ConversationStatus, number>>;
}
