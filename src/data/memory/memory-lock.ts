import type { ConversationLock } from '../../core/ports/conversation-store';

/** Serialises turns per conversation inside one process (the embedded default). */
export class MemoryConversationLock implements ConversationLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.tails.set(conversationId, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    }
  }
}
