import type { ConversationEvent, Message } from '../../core/conversation';
import type { PubSub } from '../../core/ports/pubsub';

export const conversationChannel = (storeId: string, conversationId: string) => `conversation:${storeId}:${conversationId}`;
export const storeChannel = (storeId: string) => `store:${storeId}`;

/** What a listener (a shopper's widget among them) may see of a message: never its metadata (the store's trace). */
export const publicMessage = (m: Message) => ({
  id: m.id,
  role: m.role,
  content: m.content,
  createdAt: m.createdAt instanceof Date ? m.createdAt.toISOString() : m.createdAt,
  channel: m.channel,
  ...(m.citations && m.citations.length > 0 ? { citations: m.citations } : {}),
  ...(m.quickReplies ? { quickReplies: m.quickReplies } : {}),
  ...(m.card ? { card: m.card } : {}),
});

/**
 * Each `conversation.message_created` event of a committed write carries its message (in the order
 * the write stored them), so a listener shows it without another read and can resume after it by id.
 */
export function withMessages(events: ConversationEvent[], messages: Message[]): ConversationEvent[] {
  let next = 0;
  return events.map((event) => {
    if (event.type !== 'conversation.message_created') return event;
    const message = messages[next++];
    return message ? { ...event, data: { ...event.data, messageId: message.id, message: publicMessage(message) } } : event;
  });
}

/**
 * Publishes a committed turn's events to the conversation's and the store's channels. All are sent
 * at once: publishes keep their call order (see PubSub), so with Redis a turn costs one round trip
 * instead of two per event.
 */
export async function publishEvents(pubsub: PubSub, events: ConversationEvent[]): Promise<void> {
  await Promise.all(
    events.flatMap((event) => [
      pubsub.publish(conversationChannel(event.storeId, event.conversationId), event),
      pubsub.publish(storeChannel(event.storeId), event),
    ]),
  );
}
