import type { ConversationEvent } from '../../core/conversation';
import type { PubSub } from '../../core/ports/pubsub';

export const conversationChannel = (storeId: string, conversationId: string) => `conversation:${storeId}:${conversationId}`;
export const storeChannel = (storeId: string) => `store:${storeId}`;

/**
 * Publishes a committed turn's events to the conversation's and the store's channels. All are sent
 * at once: publishes keep their call order (see PubSub), so with Redis a turn costs one round trip
 * instead of two per event.
 */
export async function publishEvents(pubsub: PubSub, events: ConversationEvent[]): Promise<void> {
  await Promise.all(events.flatMap((event) => [pubsub.publish(conversationChannel(event.storeId, event.conversationId), event), pubsub.publish(storeChannel(event.storeId), event)]));
}
