import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { conversationChannel } from '../../../agent/runtime/publish-events';
import type { PubSub } from '../../../core/ports/pubsub';
import { assertConversationAccess, callerStore } from './access';
import { conversationIdParams } from './schema';
import { openEventStream, openStreams } from './sse';

const HEARTBEAT_MS = 15_000;

/** GET /v1/conversations/{id}/events: SSE of every new message and status change, from any instance. */
export async function conversationEventsRoute(app: FastifyInstance, { conversations, pubsub }: { conversations: ConversationService; pubsub: PubSub }) {
  const streams = openStreams(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/conversations/:id/events',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read', allowWidget: true }, eventStream: 'events `ready`, then `conversation.*` and `action.*` as they happen (data: the event as JSON)' },
      schema: { tags: ['conversations'], operationId: 'streamConversationEvents', summary: 'Server-Sent Events for one conversation', security: [{ bearer: [] }], params: conversationIdParams },
    },
    async (request, reply) => {
      const storeId = callerStore(request);
      const conversation = await conversations.find(storeId, request.params.id);
      assertConversationAccess(request, conversation);
      const stream = openEventStream(request, reply);
      stream.send('ready', { conversationId: conversation.id, status: conversation.status });
      const unsubscribe = await pubsub.subscribe(conversationChannel(storeId, conversation.id), (event) => {
        const { type } = event as { type: string };
        stream.send(type, event);
      });
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
