/**
 * Helpdesks (Zendesk, Gorgias): a ticket is a conversation. The channel (src/channels/helpdesk)
 * speaks to each provider through `HelpdeskProvider` and keeps its records behind `HelpdeskRecords`;
 * no vendor type crosses this file (docs/adr/0036).
 */
export const helpdeskNames = ['zendesk', 'gorgias'] as const;
export type HelpdeskName = (typeof helpdeskNames)[number];

/** Tag a person adds to hand a ticket back to the agent; the tag the agent adds when it hands over. */
export const HANDBACK_TAG = 'concierge_resume';
export const HANDOFF_TAG = 'concierge_handoff';

/**
 * Who wrote a comment, against the connection: the ticket's requester, the configured agent user
 * (Concierge itself), a human agent of the team, or anyone else (a CC'd end user, a system).
 */
export type HelpdeskAuthor = 'requester' | 'self' | 'human' | 'other';

export interface HelpdeskComment {
  id: string;
  author: HelpdeskAuthor;
  authorId: string | null;
  /** False for an internal note. */
  public: boolean;
  body: string;
}

export interface HelpdeskTicket {
  id: string;
  subject: string;
  /** The requester as the helpdesk has them: a claim (like an e-mail's From), never proof of identity. */
  requester: { email: string | null; name: string | null };
  tags: string[];
  /** Oldest first. */
  comments: HelpdeskComment[];
}

/** One thing to write on a ticket; `key` is the job's key, carried where the provider keeps it. */
export interface HelpdeskPost {
  key: string;
  body: string;
  visibility: 'public' | 'internal';
}

export interface HelpdeskConnection {
  /** `reply`: answers go out as public replies; `review`: as internal notes with the suggested reply, for a person to send. */
  mode: 'reply' | 'review';
}

export interface WriteOptions {
  /** An earlier attempt may have reached the provider (timeout, 5xx): look before writing again. */
  uncertain: boolean;
  signal?: AbortSignal;
}

/**
 * What a failed provider call means, read by the adapter from the HTTP answer: the channel turns a
 * 429 into a wait of `retryAfterMs`, a refusal into a failed post, anything else into a retry.
 */
export class HelpdeskCallError extends Error {
  constructor(
    readonly provider: HelpdeskName,
    readonly status: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'HelpdeskCallError';
  }

  /** The provider may have applied the write (no answer, or a 5xx). */
  get maybeApplied(): boolean {
    return this.status === undefined || this.status >= 500;
  }

  /** Retrying the same request cannot help (the request itself was refused). */
  get permanent(): boolean {
    return this.status === 400 || this.status === 404 || this.status === 410 || this.status === 422;
  }
}

/** One helpdesk, per store (its credentials are the store's, sealed). */
export interface HelpdeskProvider {
  readonly name: HelpdeskName;
  /** The connection's options; undefined when the store has not connected this helpdesk. */
  connection(storeId: string): Promise<HelpdeskConnection | undefined>;
  /** The ticket and its comments, each classified against the configured agent user. */
  ticket(storeId: string, ticketId: string, signal?: AbortSignal): Promise<HelpdeskTicket>;
  /** Writes a reply or an internal note; with `uncertain`, first looks for the same post (by its key) and returns it. */
  post(storeId: string, ticketId: string, post: HelpdeskPost, options: WriteOptions): Promise<{ remoteId: string | null }>;
  /** Hands the ticket to the team: an internal note, the handoff tag, status open, unassigned, the store's group or team. */
  handoff(storeId: string, ticketId: string, note: HelpdeskPost, options: WriteOptions): Promise<{ remoteId: string | null }>;
  /** The team handed the ticket back: removes the hand-back and handoff tags. */
  handBack(storeId: string, ticketId: string, signal?: AbortSignal): Promise<void>;
}

export type PostKind = 'reply' | 'note' | 'handoff';
export type PostStatus = 'pending' | 'posting' | 'posted' | 'failed' | 'skipped';

export interface PostRecord {
  storeId: string;
  key: string;
  provider: HelpdeskName;
  ticketId: string;
  kind: PostKind;
  status: PostStatus;
  remoteId: string | null;
}

/** The channel's rows; every statement names the store. */
export interface HelpdeskRecords {
  /** The conversation of a ticket; `null` while another worker is creating it, undefined when unseen. */
  conversationOf(storeId: string, provider: HelpdeskName, ticketId: string): Promise<string | null | undefined>;
  /** Claims a ticket for linking; false when someone else already has (then read `conversationOf`). */
  claimTicket(storeId: string, provider: HelpdeskName, ticketId: string): Promise<boolean>;
  linkTicket(storeId: string, provider: HelpdeskName, ticketId: string, conversationId: string): Promise<void>;
  /** Gives up a claim whose conversation could not be created. */
  releaseTicket(storeId: string, provider: HelpdeskName, ticketId: string): Promise<void>;
  ticketOf(storeId: string, conversationId: string): Promise<{ provider: HelpdeskName; ticketId: string } | undefined>;
  /** Records a comment as handled; false when it was handled before. */
  markComment(storeId: string, provider: HelpdeskName, ticketId: string, commentId: string, outcome: string): Promise<boolean>;
  commentHandled(storeId: string, provider: HelpdeskName, ticketId: string, commentId: string): Promise<boolean>;
  post(storeId: string, key: string): Promise<PostRecord | undefined>;
  /** Creates the post's row or moves it to `posting` (the call is about to be made). */
  startPost(input: { storeId: string; key: string; provider: HelpdeskName; ticketId: string; conversationId: string; messageId: string | null; kind: PostKind }): Promise<void>;
  settlePost(storeId: string, key: string, status: PostStatus, remoteId: string | null, error: string | null): Promise<void>;
  /** A conversation message (the reply to post). */
  message(storeId: string, messageId: string): Promise<{ conversationId: string; role: string; content: string; author: string | null } | undefined>;
  /** Replies (agent's or an operator's) in helpdesk conversations with no post record yet: the outbox. */
  unpostedReplies(withinMs: number, limit: number): Promise<{ storeId: string; messageId: string }[]>;
}

/**
 * What connecting a helpdesk makes at the provider so that it calls Concierge: Zendesk's webhook and trigger, Gorgias'
 * HTTP integration (docs/adr/0041). Credentials are the store's own for that helpdesk, as stored (sealed) in its settings.
 */
export interface HelpdeskWebhookSetup {
  /** The account the credentials name: what was made stays with a change of anything else (mode, group, token). */
  account(credentials: Record<string, unknown>): string;
  /** Makes what is missing (found again by this endpoint, never twice); answers the secret its deliveries carry. */
  ensure(credentials: Record<string, unknown>, endpoint: string, signal?: AbortSignal): Promise<{ secret: string; created: string[] }>;
  /** Removes what calls this endpoint; answers how many things were removed. */
  remove(credentials: Record<string, unknown>, endpoint: string, signal?: AbortSignal): Promise<{ removed: number }>;
}
