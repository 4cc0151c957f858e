/** The e-mail channel's records: deliveries in (idempotent on Message-ID and provider id), threads, and sends out (one per message). */
export type InboundStatus = 'received' | 'answered' | 'ignored';
export type OutboundStatus = 'sending' | 'sent' | 'failed' | 'skipped';

export interface InboundRecord {
  id: string;
  storeId: string;
  conversationId: string | null;
  rfcMessageId: string;
  status: InboundStatus;
  reason: string | null;
  /** What the worker needs to take the turn: the parsed e-mail's essentials (no raw MIME). */
  body: InboundBody;
}

export interface InboundBody {
  from: { address: string; name: string } | null;
  recipients: string[];
  subject: string;
  text: string;
  inReplyTo: string[];
  references: string[];
  headers: Record<string, string>;
  returnPath: string | null;
  attachments: { key: string; filename: string; contentType: string; size: number }[];
  authentication: { spf?: string; dkim?: string };
}

export interface EmailThread {
  conversationId: string;
  storeId: string;
  replyToken: string;
  address: string;
  subject: string;
}

export interface UnsentReply {
  storeId: string;
  messageId: string;
}

/** The files of one e-mail a shopper sent into a conversation, as kept in object storage. */
export interface ConversationEmailFiles {
  emailId: string;
  receivedAt: Date;
  attachments: InboundBody['attachments'];
}

export interface EmailRecords {
  /** The e-mails of a conversation that came with attachments, oldest first (every file, photo or not). */
  attachmentsOf(storeId: string, conversationId: string): Promise<ConversationEmailFiles[]>;
  /** Records a delivery once: `created` false when its Message-ID or provider id was seen (the first record's id is returned). */
  recordInbound(input: { storeId: string; rfcMessageId: string; provider: string; providerId: string | null; status: InboundStatus; reason: string | null; body: InboundBody }): Promise<{ id: string; created: boolean }>;
  inbound(storeId: string, id: string): Promise<InboundRecord | undefined>;
  settleInbound(storeId: string, id: string, change: { status: InboundStatus; reason?: string | null; conversationId?: string | null }): Promise<void>;
  /** The conversation an earlier e-mail (in or out) with one of these Message-IDs belongs to, the latest first. */
  conversationOfMessageIds(storeId: string, rfcMessageIds: string[]): Promise<string | undefined>;
  thread(storeId: string, conversationId: string): Promise<EmailThread | undefined>;
  threadByToken(storeId: string, replyToken: string): Promise<EmailThread | undefined>;
  createThread(thread: EmailThread): Promise<void>;
  /** The Message-IDs of a conversation's e-mails, oldest first (In-Reply-To and References of a reply). */
  chain(storeId: string, conversationId: string): Promise<string[]>;
  outbound(storeId: string, messageId: string): Promise<{ status: OutboundStatus; rfcMessageId: string } | undefined>;
  /** Before the SMTP call: the row that says this message is being sent (created once). */
  startOutbound(input: { storeId: string; conversationId: string; messageId: string; rfcMessageId: string; provider: string }): Promise<void>;
  settleOutbound(storeId: string, messageId: string, status: OutboundStatus, reason: string | null): Promise<void>;
  /** A message of the conversation store, as a reply to send reads it. */
  message(storeId: string, messageId: string): Promise<{ conversationId: string; role: string; content: string } | undefined>;
  /** Accepted e-mails still waiting for their turn, older than `olderThanMs` (their job is queued again, a no-op when it exists). */
  waitingInbound(olderThanMs: number, withinMs: number, limit: number): Promise<{ storeId: string; emailId: string }[]>;
  /**
   * Mailgun's signature covers its timestamp and token, not the body: a token seen with another
   * e-mail is a replay. Returns false when this token already came with a different fingerprint.
   */
  firstUseOfSignatureToken(token: string, fingerprint: string): Promise<boolean>;
  /** Replies (agent or operator) in e-mail conversations with no send recorded yet, written in the last `withinMs`. */
  unsentReplies(withinMs: number, limit: number): Promise<UnsentReply[]>;
}
