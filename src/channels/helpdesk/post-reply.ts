import type { HelpdeskPost } from '../../core/ports/helpdesk';
import type { JobRecord } from '../../core/ports/jobs';
import type { HelpdeskChannelDeps, PostJob } from './helpdesk-channel-deps';
import { suggestedReplyNote } from './review-note';
import { writePost } from './write-post';

const DONE = new Set(['posted', 'failed', 'skipped']);

/**
 * Job `helpdesk.post`: a reply in a helpdesk conversation is written on its ticket as a public reply
 * by the configured agent user, or, for the agent's answers in the store's review mode, as an
 * internal note with the suggested reply. One post per message, ever (the row keyed by the job key).
 */
export function postReplyHandler(deps: HelpdeskChannelDeps) {
  return async (job: JobRecord<PostJob>, signal: AbortSignal): Promise<void> => {
    const { storeId, messageId } = job.payload;
    const key = `reply:${messageId}`;
    const record = await deps.records.post(storeId, key);
    if (record && DONE.has(record.status)) return;
    const message = await deps.records.message(storeId, messageId);
    if (!message || (message.role !== 'assistant' && message.role !== 'agent') || message.author?.startsWith('helpdesk:')) return;
    const ticket = await deps.records.ticketOf(storeId, message.conversationId);
    if (!ticket) return;
    const provider = deps.providers[ticket.provider];
    const connection = await provider.connection(storeId);
    const review = connection?.mode === 'review' && message.role === 'assistant';
    await deps.records.startPost({ storeId, key, provider: ticket.provider, ticketId: ticket.ticketId, conversationId: message.conversationId, messageId, kind: review ? 'note' : 'reply' });
    if (!connection) {
      await deps.records.settlePost(storeId, key, 'skipped', null, `${ticket.provider} is no longer connected`);
      return;
    }
    const post: HelpdeskPost = review ? { key, body: await suggestedReplyNote(message.content), visibility: 'internal' } : { key, body: message.content, visibility: 'public' };
    const uncertain = record?.status === 'posting';
    await writePost({ records: deps.records, log: deps.log, storeId, key, write: () => provider.post(storeId, ticket.ticketId, post, { uncertain, signal }) });
  };
}
