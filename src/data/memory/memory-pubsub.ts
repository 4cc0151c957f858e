import { EventEmitter } from 'node:events';
import type { PubSub } from '../../core/ports/pubsub';

/** Pub/sub inside one process (embedded default). Messages are cloned as they would be over Redis. */
export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    queueMicrotask(() => this.emitter.emit(channel, copy));
  }

  async subscribe(channel: string, listener: (message: unknown) => void): Promise<() => Promise<void>> {
    this.emitter.on(channel, listener);
    return async () => {
      this.emitter.off(channel, listener);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
