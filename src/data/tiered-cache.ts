import type { Cache } from '../core/ports/cache';
import type { PubSub } from '../core/ports/pubsub';
import { MemoryCache } from './memory/memory-cache';

const INVALIDATE = 'cache.invalidate';

/**
 * An in-process tier in front of the shared cache: hot reads (a key's auth record, a store's
 * settings) skip the network. A delete is broadcast so every instance drops its copy at once;
 * the local TTL bounds staleness should a broadcast be missed.
 */
export async function tieredCache(shared: Cache, pubsub: PubSub, localTtlMs = 2_000): Promise<Cache & { close(): Promise<void> }> {
  const local = new MemoryCache(10_000);
  const unsubscribe = await pubsub.subscribe(INVALIDATE, (message) => {
    if (typeof message === 'string') void local.delete(message);
  });
  return {
    async get<T>(key: string) {
      const hit = await local.get<T>(key);
      if (hit !== undefined) return hit;
      const value = await shared.get<T>(key);
      if (value !== undefined) await local.set(key, value, localTtlMs);
      return value;
    },
    async set<T>(key: string, value: T, ttlMs: number) {
      await shared.set(key, value, ttlMs);
      await local.set(key, value, Math.min(ttlMs, localTtlMs));
    },
    async delete(key: string) {
      await local.delete(key);
      await shared.delete(key);
      await pubsub.publish(INVALIDATE, key);
    },
    close: unsubscribe,
  };
}
