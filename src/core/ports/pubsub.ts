/** Fan-out of events to every instance (SSE listeners, cache invalidation). */
export interface PubSub {
  /** Messages one process publishes arrive in the order of the calls, even when they are not awaited one by one. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(channel: string, listener: (message: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
