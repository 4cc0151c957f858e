import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { principalId } from '../../auth-context';
import { callerStore } from '../conversations/access';
import { presentConversation } from '../conversations/present';
import { conversationIdParams, conversationSchema } from '../conversations/schema';

/** POST /v1/conversations/{id}/takeover: a human takes the conversation; the agent stays silent until it is handed back. */
export async function takeoverRoute(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/conversations/:id/takeover',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', action: 'conversation.takeover' }, errors: ['conflict'] },
      schema: {
        tags: ['conversations'],
        operationId: 'takeOverConversation',
        summary: 'A human takes the conversation over (the agent stays silent until it is handed back)',
        params: conversationIdParams,
        response: { 200: conversationSchema },
      },
    },
    async (request) =>
      presentConversation(await conversations.changeStatus(callerStore(request), request.params.id, 'handed_off', principalId(request.principal) ?? 'unknown')),
  );
}
