/**
 * One provider's circuit: after `threshold` failures in a row it opens and refuses calls for
 * `cooldownMs` (the offline path answers at once), then lets one probe through: success closes it.
 */
export function circuitBreaker(options: { threshold: number; cooldownMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let probing = false;
  return {
    /** Whether a call may go out now. */
    allow(): boolean {
      if (openedAt === null) return true;
      if (now() - openedAt < options.cooldownMs || probing) return false;
      probing = true;
      return true;
    },
    success(): void {
      failures = 0;
      openedAt = null;
      probing = false;
    },
    failure(): void {
      failures += 1;
      probing = false;
      if (failures >= options.threshold) openedAt = now();
    },
    get state(): 'closed' | 'open' | 'half_open' {
      if (openedAt === null) return 'closed';
      return now() - openedAt < options.cooldownMs ? 'open' : 'half_open';
    },
  };
}

export type CircuitBreaker = ReturnType<typeof circuitBreaker>;
