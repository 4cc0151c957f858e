import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { assertConversationAccess, callerStore } from './access';
import { presentConversation } from './present';
import { conversationIdParams, conversationSchema, followUpBody } from './schema';

/** POST /v1/conversations/{id}/follow-up: the shopper (the widget, with its conversation token) leaves an e-mail for a person to answer. */
export async function followUpRoute(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/conversations/:id/follow-up',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.follow_up', idempotent: true } },
      schema: {
        tags: ['conversations'],
        operationId: 'leaveFollowUpEmail',
        summary: 'Leave an e-mail for a person to write back to',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        body: followUpBody,
        response: { 200: conversationSchema },
      },
    },
    async (request) => {
      const conversation = await conversations.leaveFollowUpEmail(callerStore(request), request.params.id, request.body.email, (c) =>
        assertConversationAccess(request, c),
      );
      return presentConversation(conversation);
    },
  );
}
