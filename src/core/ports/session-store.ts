/** Short-lived conversation context (recent turns, slots) kept close to the process. */
export interface SessionStore {
  load<T>(conversationId: string): Promise<T | undefined>;
  save<T>(conversationId: string, state: T, ttlMs: number): Promise<void>;
  drop(conversationId: string): Promise<void>;
}
