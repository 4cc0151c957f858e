import type { JobRecord } from '../../core/ports/jobs';
import type { HandoffJob, HelpdeskChannelDeps } from './helpdesk-channel-deps';
import { handoffNote } from './handoff-note';
import { writePost } from './write-post';

const DONE = new Set(['posted', 'failed', 'skipped']);

/**
 * Job `helpdesk.handoff`: the agent handed a ticket over, so the team finds it in its view: an
 * internal note with the whole context (reason, intent, order, what was done and the policy's
 * reasons, the last messages), the handoff tag, status open, unassigned, the store's group or team.
 */
export function handoffHandler(deps: HelpdeskChannelDeps) {
  return async (job: JobRecord<HandoffJob>, signal: AbortSignal): Promise<void> => {
    const { storeId, conversationId, turnMessageId } = job.payload;
    const key = `handoff:${turnMessageId}`;
    const record = await deps.records.post(storeId, key);
    if (record && DONE.has(record.status)) return;
    const ticket = await deps.records.ticketOf(storeId, conversationId);
    if (!ticket) return;
    const provider = deps.providers[ticket.provider];
    await deps.records.startPost({ storeId, key, provider: ticket.provider, ticketId: ticket.ticketId, conversationId, messageId: null, kind: 'handoff' });
    if (!(await provider.connection(storeId))) {
      await deps.records.settlePost(storeId, key, 'skipped', null, `${ticket.provider} is no longer connected`);
      return;
    }
    const body = await handoffNote(await deps.conversations.get(storeId, conversationId));
    const uncertain = record?.status === 'posting';
    await writePost({ records: deps.records, log: deps.log, storeId, key, write: () => provider.handoff(storeId, ticket.ticketId, { key, body, visibility: 'internal' }, { uncertain, signal }) });
  };
}
