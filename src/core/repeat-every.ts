/**
 * Runs `task` now and then `intervalMs` after each run ends (never two at once); a failure is
 * reported to `onError` and the next run comes as usual. `stop` waits for a run in progress.
 * The one loop behind the e-mail and helpdesk outbox sweeps and the shipment watch's schedule.
 */
export function repeatEvery(intervalMs: number, task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running = task()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
        if (timer) timer = setTimeout(tick, intervalMs);
      });
  };
  return {
    start() {
      timer = setTimeout(tick, 0);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

export const errorType = (error: unknown) => (error instanceof Error ? error.name : 'unknown');
