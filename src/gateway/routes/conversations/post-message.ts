import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { publicMessage } from '../../../agent/runtime/publish-events';
import type { Message } from '../../../core/conversation';
import { assertConversationAccess, callerStore } from './access';
import { presentTurn as present } from './present';
import { conversationIdParams, postMessageBody, turnSchema } from './schema';
import { openEventStream, wantsEventStream } from './sse';

/** The reply in pieces of a few words, as a model would stream it. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/**
 * POST /v1/conversations/{id}/messages: one shopper turn through the agent. JSON by default; with
 * `Accept: text/event-stream` the turn streams as `received`, `analysis`, `action`, `token`…, `message`, `done`.
 */
export async function postMessageRoute(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/conversations/:id/messages',
    {
      config: {
        auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.message', idempotent: true },
        eventStream: 'with Accept: text/event-stream: events `received` (the stored shopper message), `analysis`, `action`, `token`…, `message`, `done`',
      },
      schema: {
        tags: ['conversations'],
        operationId: 'postMessage',
        summary: 'Send a shopper message and get the reply (JSON, or SSE with Accept: text/event-stream)',
        security: [{ bearer: [] }],
        params: conversationIdParams,
        body: postMessageBody,
        response: { 200: turnSchema },
      },
    },
    async (request, reply) => {
      const storeId = callerStore(request);
      // The access check runs on the conversation the turn loads anyway: one read, under the lock.
      // With an Idempotency-Key the turn is stored under it: a retry after a failed answer finds the committed turn.
      const turn = await conversations.postMessage(
        storeId,
        request.params.id,
        request.body.content,
        (conversation) => assertConversationAccess(request, conversation),
        request.idempotencyClaim?.requestKey,
      );
      if (!wantsEventStream(request)) return present(turn);
      const stream = openEventStream(request, reply);
      // A widget sees messages as shoppers do (never the store's trace in their metadata).
      const shown = (m: Message) => (request.principal?.type === 'widget_key' ? publicMessage(m) : m);
      stream.send('received', shown(turn.message), turn.message.id);
      if (turn.analysis) stream.send('analysis', turn.analysis);
      for (const action of turn.actions) stream.send('action', action);
      if (turn.reply) for (const token of tokens(turn.reply.content)) stream.send('token', { text: token });
      stream.send('message', shown(turn.reply ?? turn.message), (turn.reply ?? turn.message).id);
      stream.send('done', { escalated: turn.escalated, escalationReason: turn.escalationReason, status: turn.conversation.status });
      await stream.complete();
      return reply;
    },
  );
}
