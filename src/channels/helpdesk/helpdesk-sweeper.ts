import { POST_JOB, postJobKey, type HelpdeskChannelDeps } from './helpdesk-channel-deps';
import { errorType, repeatEvery } from '../../core/repeat-every';

const FIRST_WINDOW_MS = 24 * 3_600_000;
const WINDOW_MS = 15 * 60_000;
const BATCH = 200;

/**
 * The rows are the outbox (as for e-mail, docs/adr/0029): every reply in a helpdesk conversation
 * (the agent's, an operator's from the console, an approval's outcome) without a post record is
 * queued on each sweep; the dedupe key makes a queued one a no-op. The first sweep after start
 * looks back a day, later ones a quarter of an hour.
 */
export function helpdeskSweeper(deps: Pick<HelpdeskChannelDeps, 'records' | 'queue' | 'log'>, intervalMs = 1_000) {
  let window = FIRST_WINDOW_MS;

  async function sweep(): Promise<void> {
    for (const reply of await deps.records.unpostedReplies(window, BATCH))
      await deps.queue.enqueue(POST_JOB, { storeId: reply.storeId, messageId: reply.messageId }, { storeId: reply.storeId, dedupeKey: postJobKey(reply.storeId, reply.messageId) });
    window = WINDOW_MS;
  }

  const loop = repeatEvery(intervalMs, sweep, (error) => deps.log.warn({ errorType: errorType(error) }, 'helpdesk sweep failed; trying again'));
  return { sweep, start: loop.start, stop: loop.stop };
}
