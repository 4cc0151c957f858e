import type { JobWorker } from '../../core/ports/jobs';
import { HANDOFF_JOB, POST_JOB, SYNC_JOB, type HelpdeskChannelDeps } from './helpdesk-channel-deps';
import { handoffHandler } from './hand-off';
import { helpdeskSweeper } from './helpdesk-sweeper';
import { helpdeskWebhook, type WebhookReader } from './helpdesk-webhook';
import { postReplyHandler } from './post-reply';
import { syncTicketHandler } from './sync-ticket';

/** The helpdesk channel (Zendesk, Gorgias): webhooks in, a sync job per ticket change, replies and handoffs out as jobs, and the sweep that finds replies to post. */
export function helpdeskChannel(deps: HelpdeskChannelDeps, readers: WebhookReader[], options: { sweepIntervalMs?: number } = {}) {
  const sweeper = helpdeskSweeper(deps, options.sweepIntervalMs);
  return {
    webhooks: readers.map((reader) => helpdeskWebhook(deps, reader)),
    /** A ticket's turns run one at a time per conversation (the conversation lock); posts two at a time (the helpdesks' per-ticket write limits). */
    registerJobs(worker: JobWorker) {
      worker.register(SYNC_JOB, syncTicketHandler(deps), { concurrency: 4, timeoutMs: 120_000 });
      worker.register(POST_JOB, postReplyHandler(deps), { concurrency: 2, timeoutMs: 60_000 });
      worker.register(HANDOFF_JOB, handoffHandler(deps), { concurrency: 2, timeoutMs: 60_000 });
    },
    start: () => sweeper.start(),
    stop: () => sweeper.stop(),
    sweep: () => sweeper.sweep(),
  };
}

export type HelpdeskChannel = ReturnType<typeof helpdeskChannel>;
