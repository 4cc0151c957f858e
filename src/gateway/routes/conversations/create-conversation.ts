import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { callerStore } from './access';
import { presentConversation, presentTurn } from './present';
import { createConversationBody, createConversationResponse } from './schema';

/** POST /v1/conversations: a conversation, answered at once when it starts with a message. */
export async function createConversationRoute(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/conversations',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.create', idempotent: true } },
      schema: {
        tags: ['conversations'],
        operationId: 'createConversation',
        summary: 'Start a conversation',
        security: [{ bearer: [] }],
        body: createConversationBody,
        response: { 201: createConversationResponse },
      },
    },
    async (request, reply) => {
      const widget = request.principal?.type === 'widget_key';
      // Only the store's own backend (a secret key) vouches for who the shopper is.
      const created = await conversations.create(
        callerStore(request),
        { channel: widget ? 'widget' : request.body.channel, customer: request.body.customer, message: request.body.message?.content },
        !widget,
      );
      const turn = created.turn;
      return reply.status(201).send({
        ...presentConversation(created.conversation),
        ...(created.accessToken ? { accessToken: created.accessToken } : {}),
        reply: turn ? presentTurn(turn) : null,
      });
    },
  );
}
