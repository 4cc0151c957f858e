/** How long a failed job waits before its next attempt: exponential, capped, with jitter. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60 * 60_000 };

/**
 * The delay after failed attempt `attempt` (1 on the first run): base·2^(attempt−1), capped, then
 * "equal jitter" (half fixed, half random) so a burst of failures does not retry in lockstep.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
