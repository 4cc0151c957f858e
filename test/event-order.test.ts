import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { serviceUrls, skipWithoutRedis } from './support/databases';
import type { ConversationEvent } from '../src/core/conversation';
import type { PubSub } from '../src/core/ports/pubsub';
import { MemoryPubSub } from '../src/data/memory/memory-pubsub';
import { RedisPubSub } from '../src/data/redis/redis-pubsub';
import { conversationChannel, publishEvents, storeChannel } from '../src/agent/runtime/publish-events';

const adapters: [name: string, skip: string | false, open: () => { pubsub: PubSub; close: () => Promise<unknown> }][] = [
  [
    'in process',
    false,
    () => {
      const pubsub = new MemoryPubSub();
      return { pubsub, close: () => pubsub.close() };
    },
  ],
  [
    'over Redis',
    skipWithoutRedis,
    () => {
      const publisher = new Redis(serviceUrls.redis!);
      const pubsub = new RedisPubSub(publisher, new Redis(serviceUrls.redis!), `test:${randomBytes(4).toString('hex')}:`);
      return {
        pubsub,
        close: async () => {
          await pubsub.close();
          await publisher.quit();
        },
      };
    },
  ],
];

for (const [name, skip, open] of adapters) {
  describe(`a turn's events ${name}`, { skip }, () => {
    test('reach the conversation and the store channels in the order they happened, though sent at once', async () => {
      const { pubsub, close } = open();
      const events: ConversationEvent[] = [
        'conversation.message_created',
        'conversation.message_created',
        'action.completed',
        'conversation.handoff_requested',
      ].map((type, i) => ({ storeId: 's1', conversationId: 'c1', type, at: new Date(0).toISOString(), data: { i } }));
      const seen = { conversation: [] as number[], store: [] as number[] };
      const done = new Promise<void>((resolve) => {
        const record = (into: number[]) => (event: unknown) => {
          into.push((event as ConversationEvent).data.i as number);
          if (seen.conversation.length === events.length && seen.store.length === events.length) resolve();
        };
        void Promise.all([
          pubsub.subscribe(conversationChannel('s1', 'c1'), record(seen.conversation)),
          pubsub.subscribe(storeChannel('s1'), record(seen.store)),
        ]).then(() => publishEvents(pubsub, events));
      });
      await done;
      assert.deepEqual(seen, { conversation: [0, 1, 2, 3], store: [0, 1, 2, 3] });
      await close();
    });
  });
}
