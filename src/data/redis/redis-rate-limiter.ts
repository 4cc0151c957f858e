import type { Redis } from 'ioredis';
import type { RateLimitDecision, RateLimiter } from '../../core/ports/rate-limiter';

// INCR and set the window's expiry atomically, so every instance counts against one window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {count, ttl}
`;

/** Fixed-window counters in Redis, shared by every instance in server mode. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'concierge:rl:',
  ) {
    redis.defineCommand('conciergeRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const [count, ttl] = (await (this.redis as unknown as RateHit).conciergeRateHit(this.prefix + key, windowMs)) as [number, number];
    return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs: ttl > 0 ? ttl : windowMs };
  }
}

interface RateHit {
  conciergeRateHit(key: string, windowMs: number): Promise<unknown>;
}
