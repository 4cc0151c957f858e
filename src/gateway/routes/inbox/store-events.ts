import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storeChannel } from '../../../agent/runtime/publish-events';
import type { PubSub } from '../../../core/ports/pubsub';
import { callerStore } from '../conversations/access';
import { openEventStream, openStreams } from '../conversations/sse';

const HEARTBEAT_MS = 15_000;

/** GET /v1/events: SSE of every conversation event of the store (the live inbox), from any instance. */
export async function storeEventsRoute(app: FastifyInstance, { pubsub }: { pubsub: PubSub }) {
  const streams = openStreams(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/events',
    {
      config: {
        auth: { mode: 'store', scope: 'conversations:read' },
        eventStream: 'events `ready`, then every `conversation.*` and `action.*` event of the store (data: the event as JSON, with its conversationId)',
      },
      schema: {
        tags: ['conversations'],
        operationId: 'streamStoreEvents',
        summary: "Server-Sent Events for all of the store's conversations",
        querystring: z.strictObject({}),
      },
    },
    async (request, reply) => {
      const storeId = callerStore(request);
      const stream = openEventStream(request, reply);
      stream.send('ready', { storeId });
      const unsubscribe = await pubsub.subscribe(storeChannel(storeId), (event) => stream.send((event as { type: string }).type, event));
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
