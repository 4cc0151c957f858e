import type { InboundEmail } from './inbound-email';

/** Why an e-mail is not a person writing (never answered, so two robots cannot loop), or null. */
export type AutomatedReason = 'auto_submitted' | 'precedence' | 'autoreply_header' | 'mailing_list' | 'null_sender' | 'system_sender' | 'delivery_report';

const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+\-.].*)?@/i;

/** RFC 3834 and common practice: auto-replies, bounces, lists and bulk mail are recorded, never answered. */
export function automatedReason(email: InboundEmail): AutomatedReason | null {
  const h = email.headers;
  const autoSubmitted = h['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  if (/^(bulk|junk|list|auto_reply)\b/i.test(h['precedence']?.trim() ?? '')) return 'precedence';
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined || h['x-auto-response-suppress']?.match(/\b(all|oof|autoreply)\b/i)) return 'autoreply_header';
  if (h['list-id'] !== undefined || h['list-unsubscribe'] !== undefined) return 'mailing_list';
  if (email.returnPath === '' || h['return-path']?.trim() === '<>') return 'null_sender';
  if (email.from && SYSTEM_SENDERS.test(email.from.address)) return 'system_sender';
  if (/multipart\/report/i.test(h['content-type'] ?? '') || /report-type\s*=\s*"?delivery-status/i.test(h['content-type'] ?? '')) return 'delivery_report';
  return null;
}
