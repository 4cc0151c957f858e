import type { Clock } from './clock';

/** A clock tests move by hand: `sleep` advances it at once and records the wait. */
export function manualClock(start = 1_800_000_000_000): Clock & { advance(ms: number): void; sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => void (now += ms),
    sleeps,
  };
}
