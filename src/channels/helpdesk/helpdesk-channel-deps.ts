import type { ConversationService } from '../../agent/runtime/conversation-service';
import type { HelpdeskName, HelpdeskProvider, HelpdeskRecords } from '../../core/ports/helpdesk';
import type { JobQueue } from '../../core/ports/jobs';

/** Where the channel reports trouble: ids, kinds and reasons only (never names, e-mails or text). */
export interface HelpdeskLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface HelpdeskChannelDeps {
  providers: Record<HelpdeskName, HelpdeskProvider>;
  records: HelpdeskRecords;
  queue: JobQueue;
  conversations: Pick<ConversationService, 'create' | 'postMessage' | 'humanReply' | 'changeStatus' | 'get' | 'find'>;
  log: HelpdeskLog;
}

/** A ticket changed at the helpdesk (a webhook): read it and take in its new comments. */
export const SYNC_JOB = 'helpdesk.sync';
/** A reply (the agent's or an operator's) to write on its ticket. */
export const POST_JOB = 'helpdesk.post';
/** The agent handed a ticket over: the internal note, tag, status and group. */
export const HANDOFF_JOB = 'helpdesk.handoff';

export interface SyncJob {
  storeId: string;
  provider: HelpdeskName;
  ticketId: string;
}

export interface PostJob {
  storeId: string;
  messageId: string;
}

export interface HandoffJob {
  storeId: string;
  conversationId: string;
  /** The shopper's message of the turn that handed over: one handoff note per such turn. */
  turnMessageId: string;
}

/** Job keys name the store: the queue's dedupe keys are global. */
export const postJobKey = (storeId: string, messageId: string) => `${storeId}:reply:${messageId}`;
export const handoffJobKey = (storeId: string, turnMessageId: string) => `${storeId}:handoff:${turnMessageId}`;
