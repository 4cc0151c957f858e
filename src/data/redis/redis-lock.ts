import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ConversationLock } from '../../core/ports/conversation-store';
import { MemoryConversationLock } from '../memory/memory-lock';

// Release only our own lock: compare the token before deleting.
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/**
 * Serialises turns per conversation across instances: a Redis lock (SET NX PX with a token),
 * queued locally first so one process does not spin against itself.
 */
export class RedisConversationLock implements ConversationLock {
  private readonly local = new MemoryConversationLock();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'concierge:lock:',
    private readonly ttlMs = 30_000,
    private readonly waitMs = 10_000,
  ) {}

  withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    return this.local.withLock(conversationId, async () => {
      const key = this.prefix + conversationId;
      const token = randomUUID();
      const deadline = Date.now() + this.waitMs;
      let delay = 5;
      while ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) !== 'OK') {
        if (Date.now() > deadline) throw new Error(`conversation ${conversationId} is busy on another instance`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 100);
      }
      try {
        return await fn();
      } finally {
        await this.redis.eval(RELEASE, 1, key, token);
      }
    });
  }
}
