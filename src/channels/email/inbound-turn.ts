import { createHash, randomBytes } from 'node:crypto';
import type { InboundRecord } from '../../core/ports/email-records';
import type { JobRecord } from '../../core/ports/jobs';
import { unsafeText } from '../../core/safe-text';
import { isAppError } from '../../core/errors';
import { MAX_PHOTOS_PER_MESSAGE } from '../../core/evidence-service';
import { SEND_JOB, type EmailChannelDeps } from './email-channel-deps';
import { parseInboundAddress } from './inbound-address';
import { replyText } from './reply-text';

export interface InboundJob {
  storeId: string;
  emailId: string;
}

const MAX_CONTENT = 8000;
const HOUR_MS = 3_600_000;

const addressKey = (address: string) => createHash('sha256').update(address).digest('hex').slice(0, 32);

/**
 * The conversation this e-mail continues: one whose e-mail it answers (In-Reply-To, then References),
 * else the one its Reply-To token names; only if the sender is the address that conversation writes
 * to. A stranger who quotes someone's Message-ID starts a conversation of their own.
 */
async function threadOf(deps: EmailChannelDeps, record: InboundRecord, sender: string): Promise<string | undefined> {
  const { storeId, body } = record;
  const byHeaders = await deps.records.conversationOfMessageIds(storeId, [...body.inReplyTo, ...[...body.references].reverse()]);
  const token = body.recipients.map((r) => parseInboundAddress(r, deps.domain)?.replyToken).find(Boolean);
  const candidates = [byHeaders, token ? (await deps.records.threadByToken(storeId, token))?.conversationId : undefined];
  for (const conversationId of candidates) {
    if (!conversationId) continue;
    const thread = await deps.records.thread(storeId, conversationId);
    if (thread && thread.address === sender) return conversationId;
  }
  return undefined;
}

/** The shopper's name as the From header claims it, when it is plain text. */
const claimedName = (name: string) => {
  const trimmed = name.trim().slice(0, 100);
  return trimmed && !unsafeText(trimmed, 'name') ? trimmed : undefined;
};

/** What the agent reads: the new words only (quotes and signature cut); a new thread's subject first. */
function contentOf(record: InboundRecord, continuing: boolean): string {
  const words = replyText(record.body.text);
  const subject = record.body.subject.replace(/^\s*((re|fwd?|aw|sv)\s*:\s*)+/i, '').trim();
  const content = !continuing && subject && !words.toLowerCase().includes(subject.toLowerCase()) ? `${subject}\n\n${words}` : words;
  return content.trim().slice(0, MAX_CONTENT);
}

/**
 * The e-mail's photos as the conversation's evidence: each image attachment already kept in object
 * storage is read back, checked by its bytes and stored stripped of metadata; what is not a photo
 * we accept (a PDF, a HEIC, a huge file) stays with the e-mail for the operator, and is not evidence.
 */
async function evidenceOf(deps: EmailChannelDeps, storeId: string, conversationId: string, emailId: string, images: InboundRecord['body']['attachments']): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, attachment] of images.slice(0, MAX_PHOTOS_PER_MESSAGE).entries()) {
    const file = await deps.storage.get(storeId, attachment.key);
    if (!file) continue;
    try {
      ids.push((await deps.evidence!.store(storeId, conversationId, file.body, 'email', `email-${emailId}-${i + 1}`)).id);
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.log.info({ storeId, emailId, refused: error.code }, 'e-mail attachment not taken as a photo');
    }
  }
  return ids;
}

/** Job `email.inbound`: one accepted e-mail becomes a shopper turn; the agent's reply is queued for sending. */
export function inboundTurnHandler(deps: EmailChannelDeps) {
  return async (job: JobRecord<InboundJob>): Promise<void> => {
    const { storeId, emailId } = job.payload;
    const record = await deps.records.inbound(storeId, emailId);
    if (!record || record.status !== 'received' || !record.body.from) return;
    const sender = record.body.from.address;
    // Counted on the first attempt only: a retried job must not use up the sender's allowance.
    if (job.attempt === 1 && !record.conversationId) {
      const decision = await deps.limiter.hit(`email:${storeId}:${addressKey(sender)}`, deps.ratePerHour, HOUR_MS);
      if (!decision.allowed) {
        await deps.records.settleInbound(storeId, emailId, { status: 'ignored', reason: 'rate_limited' });
        deps.log.warn({ storeId, emailId }, 'sender over the hourly e-mail cap: kept, not answered');
        return;
      }
    }
    let conversationId = record.conversationId ?? (await threadOf(deps, record, sender));
    const continuing = Boolean(conversationId);
    const content = contentOf(record, continuing);
    const images = deps.evidence ? record.body.attachments.filter((a) => a.contentType.startsWith('image/') || a.contentType === 'application/octet-stream') : [];
    if (!content && images.length === 0) {
      await deps.records.settleInbound(storeId, emailId, { status: 'ignored', reason: 'empty' });
      return;
    }
    if (!conversationId) {
      const name = claimedName(record.body.from.name);
      // The From address is a claim, never proof of identity (docs/adr/0029): the conversation is not verified.
      const { conversation } = await deps.conversations.create(storeId, { channel: 'email', customer: { email: sender, ...(name ? { name } : {}) } }, false);
      conversationId = conversation.id;
      await deps.records.createThread({ conversationId, storeId, replyToken: randomBytes(10).toString('hex'), address: sender, subject: record.body.subject.slice(0, 300) });
    }
    await deps.records.settleInbound(storeId, emailId, { status: 'received', conversationId });
    const photos = await evidenceOf(deps, storeId, conversationId, emailId, images);
    if (!content && photos.length === 0) {
      await deps.records.settleInbound(storeId, emailId, { status: 'ignored', reason: 'empty' });
      return;
    }
    const turn = await deps.conversations.postMessage(storeId, conversationId, content, undefined, `email:${emailId}`, undefined, photos);
    if (turn.reply) await deps.queue.enqueue(SEND_JOB, { storeId, messageId: turn.reply.id }, { storeId, dedupeKey: `out:${turn.reply.id}` });
    await deps.records.settleInbound(storeId, emailId, { status: 'answered' });
  };
}
