import type { Cache } from '../../core/ports/cache';
import type { SessionStore } from '../../core/ports/session-store';

interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * In-process cache for the embedded default; bounded so a long run cannot grow without limit.
 * Values are copied on the way in; readers get a shared copy and must not mutate it.
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 50_000) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    if (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(key, { value: structuredClone(value), expiresAt: Date.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}

/** Session state on top of the cache, namespaced. */
export function cacheSessionStore(cache: Cache): SessionStore {
  const key = (id: string) => `session:${id}`;
  return {
    load: (id) => cache.get(key(id)),
    save: (id, state, ttlMs) => cache.set(key(id), state, ttlMs),
    drop: (id) => cache.delete(key(id)),
  };
}
