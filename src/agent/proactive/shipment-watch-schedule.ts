import type { JobQueue } from '../../core/ports/jobs';
import { errorType, repeatEvery } from '../../core/repeat-every';
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


  // Off (0): nothing is scheduled; a scan can still be run by hand.
  const loop = repeatEvery(intervalMs, enqueueDue, (error) => deps.log.warn({ errorType: errorType(error) }, 'shipment watch: scheduling failed; trying next period'));
  return {
    enqueueDue,
    start() {
      if (intervalMs > 0) loop.start();
    },
    stop: loop.stop,
  };
}
