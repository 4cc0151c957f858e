export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the current window ends. */
  resetMs: number;
  /**
   * The cluster's key-revocation epoch, read in the same round trip as the hit (shared limiters
   * only): a key authenticated from a local cache at an older epoch must be checked again.
   */
  revocationEpoch?: number;
}

/** Counts hits per key in fixed windows; shared across instances in server mode. */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
}

/** A counter bumped on every key revocation, shared by all instances; local auth caches compare against it. */
export interface RevocationEpoch {
  current(): Promise<number>;
  bump(): Promise<void>;
}
