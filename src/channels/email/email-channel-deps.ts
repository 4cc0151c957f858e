import type { ConversationService } from '../../agent/runtime/conversation-service';
import type { EmailRecords } from '../../core/ports/email-records';
import type { JobQueue } from '../../core/ports/jobs';
import type { ObjectStorage } from '../../core/ports/object-storage';
import type { RateLimiter } from '../../core/ports/rate-limiter';
import type { StoreService } from '../../core/store-service';
import type { EvidenceService } from '../../core/evidence-service';

/** What leaves by SMTP: one message, its threading headers, and both parts. */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  replyTo: string;
  subject: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Sends one e-mail; rejects with `responseCode` (the SMTP reply code) when the server refused it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Where the channel reports trouble: ids, kinds and reasons only (never addresses, names or text). */
export interface ChannelLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface EmailChannelDeps {
  /** The domain of every store's inbound address (CONCIERGE_EMAIL_DOMAIN). */
  domain: string;
  records: EmailRecords;
  queue: JobQueue;
  storage: ObjectStorage;
  stores: Pick<StoreService, 'get' | 'byInboundEmailKey'>;
  conversations: Pick<ConversationService, 'create' | 'postMessage'>;
  /** Photos in an e-mail become the conversation's evidence for a claim (docs/adr/0034). */
  evidence?: Pick<EvidenceService, 'store'>;
  limiter: RateLimiter;
  /** E-mails one sender may have answered per store and hour; more are kept and not answered. */
  ratePerHour: number;
  /** Outbound SMTP (SMTP_URL); without it replies wait in the queue. */
  mailer: Mailer | undefined;
  log: ChannelLog;
}

export const INBOUND_JOB = 'email.inbound';
export const SEND_JOB = 'email.send';
