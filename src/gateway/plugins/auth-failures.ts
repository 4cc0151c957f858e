import type { RateLimiter } from '../../core/ports/rate-limiter';

const WINDOW_MS = 60_000;

/** Counts failed authentications per client address (shared through the limiter) and remembers which addresses wait. */
export interface AuthFailureThrottle {
  /** Records a failure; false when the address is now past its budget (the caller answers 429). */
  failed(address: string): Promise<boolean>;
  /** How long the address still waits (0: not blocked). Answered from memory: no round trip on the hot path. */
  blockedForMs(address: string): number;
}

/**
 * Failed authentication throttled per address: the count is shared across instances (Redis in
 * server mode); once past it, each instance refuses the address for the rest of the window from
 * its own memory, so a valid request pays no extra round trip.
 */
export function authFailureThrottle(limiter: RateLimiter, perMinute: number, now = () => Date.now()): AuthFailureThrottle {
  const blocked = new Map<string, number>();
  return {
    async failed(address) {
      const decision = await limiter.hit(`auth-failures:${address}`, perMinute, WINDOW_MS);
      if (decision.allowed) return true;
      if (blocked.size > 10_000) for (const [key, until] of blocked) if (until <= now()) blocked.delete(key);
      blocked.set(address, now() + decision.resetMs);
      return false;
    },
    blockedForMs(address) {
      const until = blocked.get(address);
      if (until === undefined) return 0;
      const left = until - now();
      if (left <= 0) blocked.delete(address);
      return Math.max(0, left);
    },
  };
}
