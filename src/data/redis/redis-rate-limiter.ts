import type { Redis } from 'ioredis';
import type { RateLimitDecision, RateLimiter, RevocationEpoch } from '../../core/ports/rate-limiter';

// INCR and set the window's expiry atomically, so every instance counts against one window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local epoch = tonumber(redis.call('GET', KEYS[2]) or '0')
return {count, ttl, epoch}
`;

/** Fixed-window counters in Redis, shared by every instance in server mode. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'concierge:rl:',
  ) {
    redis.defineCommand('conciergeRateHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const [count, ttl, epoch] = (await (this.redis as unknown as RateHit).conciergeRateHit(this.prefix + key, this.epochKey, windowMs)) as [number, number, number];
    return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs: ttl > 0 ? ttl : windowMs, revocationEpoch: epoch };
  }

  private get epochKey() {
    return redisEpochKey(this.prefix);
  }
}

const redisEpochKey = (rateLimitPrefix: string) => `${rateLimitPrefix}revocation-epoch`;

/** The revocation epoch in Redis, under the same prefix the rate-limit script reads it from. */
export function redisRevocationEpoch(redis: Redis, rateLimitPrefix: string): RevocationEpoch {
  return {
    current: async () => Number((await redis.get(redisEpochKey(rateLimitPrefix))) ?? 0),
    bump: async () => void (await redis.incr(redisEpochKey(rateLimitPrefix))),
  };
}

interface RateHit {
  conciergeRateHit(key: string, epochKey: string, windowMs: number): Promise<unknown>;
}
