import { INBOUND_JOB, SEND_JOB, type EmailChannelDeps } from './email-channel-deps';
import { errorType, repeatEvery } from '../../core/repeat-every';

const FIRST_WINDOW_MS = 24 * 3_600_000;
const WINDOW_MS = 15 * 60_000;
const INBOUND_GRACE_MS = 30_000;
const BATCH = 200;

/**
 * The rows are the outbox: every reply (the agent's, an operator's from the console, an approval's
 * outcome) in an e-mail conversation without a send record, and every accepted e-mail still waiting
 * for its turn, is queued (again) on each sweep. Dedupe keys make a queued one a no-op. The first
 * sweep after start looks back a day, later ones a quarter of an hour.
 */
export function emailSweeper(deps: Pick<EmailChannelDeps, 'records' | 'queue' | 'log'>, intervalMs = 1_000) {
  let window = FIRST_WINDOW_MS;

  async function sweep(): Promise<void> {
    const within = window;
    for (const reply of await deps.records.unsentReplies(within, BATCH))
      await deps.queue.enqueue(SEND_JOB, { storeId: reply.storeId, messageId: reply.messageId }, { storeId: reply.storeId, dedupeKey: `out:${reply.messageId}` });
    for (const waiting of await deps.records.waitingInbound(INBOUND_GRACE_MS, within, BATCH))
      await deps.queue.enqueue(INBOUND_JOB, { storeId: waiting.storeId, emailId: waiting.emailId }, { storeId: waiting.storeId, dedupeKey: `in:${waiting.emailId}` });
    window = WINDOW_MS;
  }

  const loop = repeatEvery(intervalMs, sweep, (error) => deps.log.warn({ errorType: errorType(error) }, 'e-mail sweep failed; trying again'));
  return { sweep, start: loop.start, stop: loop.stop };
}
