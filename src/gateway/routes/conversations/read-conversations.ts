import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import type { Message } from '../../../core/conversation';
import { assertConversationAccess, callerStore } from './access';
import { presentConversation } from './present';
import { conversationDetail, conversationIdParams, conversationSchema, listQuery } from './schema';

const TRACE_KEYS = ['analysis', 'specialist', 'template', 'latencyMs', 'author', 'actionId', 'tools', 'decision', 'attachments'] as const;

/** The store's own view of a message: what the agent understood and did for it. */
const withTrace = (message: Message) => {
  const metadata = message.metadata ?? {};
  const trace = Object.fromEntries(TRACE_KEYS.filter((key) => metadata[key] !== undefined).map((key) => [key, metadata[key]]));
  return Object.keys(trace).length > 0 ? { ...message, trace } : message;
};

/** GET /v1/conversations/{id} (with messages and actions) and GET /v1/conversations (cursor pages). */
export async function readConversationRoutes(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/conversations/:id',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read', allowWidget: true } },
      schema: {
        tags: ['conversations'],
        operationId: 'getConversation',
        summary: 'A conversation with its messages and actions',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        response: { 200: conversationDetail },
      },
    },
    async (request) => {
      const storeId = callerStore(request);
      const { conversation, messages, actions } = await conversations.get(storeId, request.params.id);
      assertConversationAccess(request, conversation);
      const widget = request.principal?.type === 'widget_key';
      // A shopper sees the conversation, not the store's internal action log.
      return { ...presentConversation(conversation), messages: widget ? messages : messages.map(withTrace), actions: widget ? [] : actions };
    },
  );
  typed.get(
    '/v1/conversations',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read' } },
      schema: {
        tags: ['conversations'],
        operationId: 'listConversations',
        summary: 'List conversations, newest first',
        security: [{ bearer: [] }],
        querystring: listQuery,
        response: { 200: z.object({ data: z.array(conversationSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const page = await conversations.list(callerStore(request), request.query);
      return { data: page.data.map(presentConversation), nextCursor: page.nextCursor };
    },
  );
}
