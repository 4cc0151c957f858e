import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { conversationChannel, publicMessage } from '../../../agent/runtime/publish-events';
import type { ConversationEvent, Message } from '../../../core/conversation';
import type { PubSub } from '../../../core/ports/pubsub';
import { assertConversationAccess, callerStore } from './access';
import { conversationIdParams } from './schema';
import { openEventStream, openStreams } from './sse';

const HEARTBEAT_MS = 15_000;

/** A missed message, sent again as the event that announced it (its id is the SSE event id). */
const replayed = (storeId: string, message: Message): ConversationEvent => ({
  type: 'conversation.message_created',
  storeId,
  conversationId: message.conversationId,
  at: message.createdAt.toISOString(),
  data: { role: message.role, messageId: message.id, message: publicMessage(message), replayed: true },
});

/** GET /v1/conversations/{id}/events: SSE of every new message and status change, from any instance. */
export async function conversationEventsRoute(app: FastifyInstance, { conversations, pubsub }: { conversations: ConversationService; pubsub: PubSub }) {
  const streams = openStreams(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/conversations/:id/events',
    {
      config: {
        auth: { mode: 'store', scope: 'conversations:read', allowWidget: true },
        eventStream:
          'events `ready`, then `conversation.*` and `action.*` as they happen (data: the event as JSON). A `conversation.message_created` event carries its message and has the message id as its SSE id; with `Last-Event-ID` the messages after that one are sent first (a dropped connection or a reload misses nothing)',
      },
      schema: {
        tags: ['conversations'],
        operationId: 'streamConversationEvents',
        summary: 'Server-Sent Events for one conversation',
        security: [{ bearer: [] }],
        params: conversationIdParams,
      },
    },
    async (request, reply) => {
      const storeId = callerStore(request);
      const conversation = await conversations.find(storeId, request.params.id);
      assertConversationAccess(request, conversation);
      const stream = openEventStream(request, reply);
      // Live events wait while the missed messages are replayed: nothing is lost between the read and the subscription, nothing sent twice.
      const sent = new Set<string>();
      let held: ConversationEvent[] | undefined = [];
      const deliver = (event: ConversationEvent) => {
        const messageId = typeof event.data.messageId === 'string' ? event.data.messageId : undefined;
        if (messageId && sent.has(messageId)) return;
        if (messageId) sent.add(messageId);
        stream.send(event.type, event, messageId);
      };
      const unsubscribe = await pubsub.subscribe(conversationChannel(storeId, conversation.id), (event) => {
        if (held) held.push(event as ConversationEvent);
        else deliver(event as ConversationEvent);
      });
      stream.send('ready', { conversationId: conversation.id, status: conversation.status });
      const lastEventId = request.headers['last-event-id'];
      if (typeof lastEventId === 'string' && lastEventId.length > 0) {
        const messages = await conversations.messagesAfter(storeId, conversation.id, lastEventId);
        for (const message of messages) deliver(replayed(storeId, message));
      }
      for (const event of held) deliver(event);
      held = undefined;
      const heartbeat = setInterval(() => stream.comment('keep-alive'), HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        void unsubscribe();
        stream.end();
      };
      streams.track(reply, close);
      return reply;
    },
  );
}
