import type { JobQueue } from '../../core/ports/jobs';
import type { StoreSettings } from '../../core/settings';
import { SHIPMENT_SCAN_JOB } from './shipment-watch';

export interface WatchScheduleDeps {
  storeIds(): Promise<string[]>;
  settings(storeId: string): Promise<StoreSettings>;
  queue: Pick<JobQueue, 'enqueue'>;
  now(): Date;
  log: { warn(fields: Record<string, unknown>, message: string): void };
}

/**
 * Every `intervalMs`, a scan job for each store that turned the watch on. The dedupe key names the
 * period, so however many instances run this timer, a store is scanned once a period.
 */
export function shipmentWatchSchedule(deps: WatchScheduleDeps, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function enqueueDue(): Promise<number> {
    const period = Math.floor(deps.now().getTime() / intervalMs);
    let queued = 0;
    for (const storeId of await deps.storeIds()) {
      if (!(await deps.settings(storeId)).proactive.shipmentExceptions) continue;
      const { created } = await deps.queue.enqueue(SHIPMENT_SCAN_JOB, { storeId }, { storeId, dedupeKey: `${storeId}:${period}`, maxAttempts: 3 });
      if (created) queued += 1;
    }
    return queued;
  }

  const tick = () => {
    running = enqueueDue()
      .then(() => undefined)
      .catch((error: unknown) => deps.log.warn({ errorType: error instanceof Error ? error.name : 'unknown' }, 'shipment watch: scheduling failed; trying next period'))
      .finally(() => {
        running = undefined;
        if (timer) timer = setTimeout(tick, intervalMs).unref();
      });
  };

  return {
    enqueueDue,
    start() {
      if (intervalMs > 0) timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
