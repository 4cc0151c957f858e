import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * How long the event loop was held. A 5 ms timer ticks; between two ticks the loop's active time (event-loop
 * utilization: time in callbacks, not waiting in the poll phase) bounds the longest synchronous block from
 * above. The wall-clock gap between ticks is kept too, but on a loaded machine it also counts the time the
 * OS kept an idle thread waiting for a core, which is not the code's doing.
 */
export interface LoopMonitor {
  /** Longest active stretch between two ticks since start (or the last reset), in ms: the longest block, at most. */
  longestBlockMs(): number;
  /** Longest wall-clock gap between two ticks beyond the interval, in ms (includes scheduling delays). */
  longestGapMs(): number;
  /** p99 of the event-loop delay histogram (perf_hooks), in ms. */
  p99DelayMs(): number;
  reset(): void;
  stop(): void;
}

export function startLoopMonitor(intervalMs = 5): LoopMonitor {
  let last = performance.now();
  let lastUtilization = performance.eventLoopUtilization();
  let longestGap = 0;
  let longestActive = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const utilization = performance.eventLoopUtilization();
    longestGap = Math.max(longestGap, now - last - intervalMs);
    longestActive = Math.max(longestActive, performance.eventLoopUtilization(utilization, lastUtilization).active);
    last = now;
    lastUtilization = utilization;
  }, intervalMs);
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    longestBlockMs: () => longestActive,
    longestGapMs: () => Math.max(0, longestGap),
    p99DelayMs: () => histogram.percentile(99) / 1e6,
    reset() {
      longestGap = 0;
      longestActive = 0;
      last = performance.now();
      lastUtilization = performance.eventLoopUtilization();
      histogram.reset();
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

/** Runs `work` while asking `/healthz` every 20 ms; returns how many were answered during it and the slowest. */
export async function healthzDuring<T>(baseUrl: string, work: () => Promise<T>): Promise<{ result: T; answered: number; slowestMs: number }> {
  let done = false;
  let answered = 0;
  let slowestMs = 0;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) answered += 1;
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await work();
    return { result, answered, slowestMs };
  } finally {
    done = true;
    await poller;
  }
}
