import type { JobRecord } from '../../core/ports/jobs';
import type { EmailChannelDeps } from './email-channel-deps';
import { replyAddress } from './inbound-address';
import { renderReply, replySubject } from './render-reply';

export interface SendJob {
  storeId: string;
  /** The reply's id in the conversation store: one e-mail per message, ever. */
  messageId: string;
}

const MAX_REFERENCES = 20;
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Job `email.send`: a reply (the agent's or an operator's) leaves by SMTP from the store's sender,
 * threaded under the shopper's last e-mail. The send is recorded before the job is acknowledged; a
 * message already sent is never sent again. Its Message-ID is fixed by the message's id, so even the
 * one unavoidable duplicate (a crash between the SMTP server's 250 and our record) carries the same
 * Message-ID, which mail clients show once.
 */
export function sendReplyHandler(deps: EmailChannelDeps) {
  return async (job: JobRecord<SendJob>): Promise<void> => {
    const { storeId, messageId } = job.payload;
    const done = await deps.records.outbound(storeId, messageId);
    if (done && done.status !== 'sending') return;
    const message = await deps.records.message(storeId, messageId);
    if (!message || (message.role !== 'assistant' && message.role !== 'agent')) return;
    const rfcMessageId = `${messageId}@${deps.domain}`;
    const thread = await deps.records.thread(storeId, message.conversationId);
    await deps.records.startOutbound({ storeId, conversationId: message.conversationId, messageId, rfcMessageId, provider: 'smtp' });
    if (!thread) {
      await deps.records.settleOutbound(storeId, messageId, 'skipped', 'no e-mail thread (conversation not started by e-mail)');
      return;
    }
    if (!deps.mailer) throw new Error('SMTP_URL is not set: the reply waits until outbound e-mail is configured');
    const store = await deps.stores.get(storeId);
    const inbound = store.inboundEmailAddress ?? `unknown@${deps.domain}`;
    const [key] = inbound.split('@');
    const chain = (await deps.records.chain(storeId, message.conversationId)).filter((id) => id !== rfcMessageId);
    const senderName = store.settings.email.fromName || store.settings.brandVoice.name || store.name;
    // A thread we opened (a proactive notice) starts with our own subject; an answer is a "Re:".
    const subject = chain.length > 0 ? replySubject(thread.subject) : thread.subject;
    const parts = await renderReply({ subject, body: message.content, signOff: store.settings.brandVoice.signOff, senderName });
    try {
      await deps.mailer.send({
        from: { name: senderName, address: store.settings.email.fromAddress ?? inbound },
        to: thread.address,
        replyTo: replyAddress(key!, thread.replyToken, deps.domain),
        subject,
        messageId: `<${rfcMessageId}>`,
        inReplyTo: chain.length > 0 ? `<${chain.at(-1)}>` : undefined,
        references: chain.slice(-MAX_REFERENCES).map((id) => `<${id}>`),
        text: parts.text,
        html: parts.html,
        // RFC 3834: an agent's answer is automatic (auto-replied; auto-generated when we wrote first), so other robots do not answer it; an operator's is not.
        headers: message.role === 'assistant' ? { 'Auto-Submitted': chain.length > 0 ? 'auto-replied' : 'auto-generated', 'X-Auto-Response-Suppress': 'All' } : {},
      });
    } catch (error) {
      if (!isPermanent(error)) throw error; // 4xx or a dropped connection: retried with backoff
      await deps.records.settleOutbound(storeId, messageId, 'failed', `refused by the SMTP server (${(error as { responseCode: number }).responseCode})`);
      deps.log.warn({ storeId, messageId, responseCode: (error as { responseCode: number }).responseCode }, 'reply refused permanently by the SMTP server');
      return;
    }
    await deps.records.settleOutbound(storeId, messageId, 'sent', null);
  };
}
