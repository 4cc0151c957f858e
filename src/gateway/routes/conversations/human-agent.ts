import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { principalId } from '../../auth-context';
import { callerStore } from './access';
import { presentConversation } from './present';
import { conversationIdParams, conversationSchema, humanReplyBody, messageSchema } from './schema';

/** The human side: answer an escalated conversation, hand it back to the agent, resolve it. */
export async function humanAgentRoutes(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/v1/conversations/:id/handoff/reply',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', action: 'conversation.human_reply', idempotent: true } },
      schema: {
        tags: ['conversations'],
        operationId: 'replyAsHuman', summary: 'A human agent answers (the agent stays silent while the conversation is handed off)',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        body: humanReplyBody,
        response: { 201: z.object({ message: messageSchema, conversation: conversationSchema }) },
      },
    },
    async (request, reply) => {
      const author = request.body.author ?? principalId(request.principal) ?? 'agent';
      const result = await conversations.humanReply(callerStore(request), request.params.id, request.body.content, author);
      return reply.status(201).send({ message: result.message, conversation: presentConversation(result.conversation) });
    },
  );
  for (const [path, to, action, summary, operationId] of [
    ['resolve', 'resolved', 'conversation.resolve', 'Close the conversation', 'resolveConversation'],
    ['handback', 'open', 'conversation.handback', 'Hand an escalated conversation back to the agent', 'handBackConversation'],
  ] as const) {
    typed.post(
      `/v1/conversations/:id/${path}`,
      {
        config: { auth: { mode: 'store', scope: 'conversations:write', action }, errors: ['conflict'] },
        schema: { tags: ['conversations'], operationId, summary, security: [{ bearer: [] }], params: conversationIdParams, response: { 200: conversationSchema } },
      },
      async (request) => presentConversation(await conversations.changeStatus(callerStore(request), request.params.id, to, principalId(request.principal) ?? 'unknown')),
    );
  }
}
