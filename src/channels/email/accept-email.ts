import { createHash } from 'node:crypto';
import type { InboundBody } from '../../core/ports/email-records';
import { automatedReason } from './automated-mail';
import { INBOUND_JOB, type EmailChannelDeps } from './email-channel-deps';
import { parseInboundAddress } from './inbound-address';
import type { InboundEmail } from './inbound-email';

export type Acceptance = { outcome: 'queued' | 'duplicate' | 'ignored'; storeId: string } | { outcome: 'unknown_recipient' };

export interface DeliverySource {
  /** smtp, postmark, sendgrid or mailgun. */
  provider: string;
  /** The provider's own id of the delivery, when it gives one (the idempotency key beside the Message-ID). */
  providerId: string | undefined;
}

const sha = (value: string | Uint8Array) => createHash('sha256').update(value).digest('hex');

/** The store an e-mail is for: the first recipient on our domain whose key names a store. */
export async function storeOfRecipients(deps: Pick<EmailChannelDeps, 'domain' | 'stores'>, recipients: string[]): Promise<string | undefined> {
  for (const recipient of recipients) {
    const parts = parseInboundAddress(recipient, deps.domain);
    const storeId = parts ? await deps.stores.byInboundEmailKey(parts.key) : undefined;
    if (storeId) return storeId;
  }
  return undefined;
}

const safeFilename = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 100) || 'attachment';

/**
 * Takes an e-mail in: records it once (Message-ID, provider id), keeps its attachments, and queues
 * the turn. Returns only once the e-mail is durable, so the sender may be told 250/2xx; a delivery
 * seen before is queued again (a no-op when its job exists) and reported as a duplicate.
 */
export async function acceptEmail(deps: EmailChannelDeps, email: InboundEmail, source: DeliverySource): Promise<Acceptance> {
  const storeId = await storeOfRecipients(deps, email.recipients);
  if (!storeId) return { outcome: 'unknown_recipient' };
  const rfcMessageId = email.messageId ?? `${source.provider}.${sha(source.providerId ?? `${email.from?.address}\n${email.subject}\n${email.text}`)}@missing-message-id`;
  const folder = `email/${sha(rfcMessageId).slice(0, 24)}`;
  const attachments: InboundBody['attachments'] = [];
  for (const [i, attachment] of email.attachments.entries()) {
    const key = `${folder}/${i + 1}-${safeFilename(attachment.filename)}`;
    const stored = await deps.storage.put(storeId, key, attachment.content, attachment.contentType);
    attachments.push({ key, filename: attachment.filename, contentType: attachment.contentType, size: stored.size });
  }
  const automated = automatedReason(email);
  const body: InboundBody = {
    from: email.from ?? null,
    recipients: email.recipients,
    subject: email.subject,
    text: email.text,
    inReplyTo: email.inReplyTo,
    references: email.references,
    headers: email.headers,
    returnPath: email.returnPath ?? null,
    attachments,
    authentication: email.authentication,
  };
  const record = await deps.records.recordInbound({
    storeId,
    rfcMessageId,
    provider: source.provider,
    providerId: source.providerId ?? null,
    status: automated ? 'ignored' : 'received',
    reason: automated,
    body,
  });
  if (automated && record.created) {
    deps.log.info({ storeId, emailId: record.id, reason: automated }, 'automated e-mail kept, not answered');
    return { outcome: 'ignored', storeId };
  }
  await deps.queue.enqueue(INBOUND_JOB, { storeId, emailId: record.id }, { storeId, dedupeKey: `in:${record.id}` });
  return { outcome: record.created ? 'queued' : 'duplicate', storeId };
}
