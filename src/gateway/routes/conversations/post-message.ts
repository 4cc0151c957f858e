import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { publicMessage } from '../../../agent/runtime/publish-events';
import type { Message } from '../../../core/conversation';
import { AppError } from '../../../core/errors';
import { assertConversationAccess, callerStore } from './access';
import { presentTurn as present } from './present';
import { conversationIdParams, postMessageBody, turnSchema } from './schema';
import { liveReply } from './live-reply';
import { wantsEventStream } from './sse';

/**
 * POST /v1/conversations/{id}/messages: one shopper turn through the agent. JSON by default; with
 * `Accept: text/event-stream` the turn streams as `received`, `analysis`, `action`, `token`…, `message`, `done`.
 * With a remote model the `token` events come first, as it writes (a `token_reset` withdraws them if
 * the check after generation refuses the rewrite; the stored reply's tokens follow).
 */
export async function postMessageRoute(app: FastifyInstance, { conversations }: { conversations: ConversationService }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/conversations/:id/messages',
    {
      config: {
        auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.message', idempotent: true },
        eventStream:
          'with Accept: text/event-stream: events `received` (the stored shopper message), `analysis`, `action`, `token`…, `message`, `done`; with a remote model, `token` events stream first as it writes, and `token_reset` withdraws the text streamed so far (the reply that follows replaces it)',
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
      const attachments = request.body.attachments ?? [];
      if (!request.body.content && attachments.length === 0) throw new AppError('validation_failed', 'content must not be empty', { issues: [{ path: 'content', message: 'content must not be empty' }] });
      const streaming = wantsEventStream(request);
      const live = streaming ? liveReply(request, reply) : undefined;
      let turn;
      try {
        turn = await conversations.postMessage(
          storeId,
          request.params.id,
          request.body.content,
          (conversation) => assertConversationAccess(request, conversation),
          request.idempotencyClaim?.requestKey,
          live?.sink,
          attachments,
        );
      } catch (error) {
        if (!live?.started) throw error;
        request.log.error({ err: error }, 'turn failed after its reply began streaming');
        await live.fail(error);
        return reply;
      }
      if (!live) return present(turn);
      const stream = live.stream();
      // A widget sees messages as shoppers do (never the store's trace in their metadata).
      const shown = (m: Message) => (request.principal?.type === 'widget_key' ? publicMessage(m) : m);
      stream.send('received', shown(turn.message), turn.message.id);
      if (turn.analysis) stream.send('analysis', turn.analysis);
      for (const action of turn.actions) stream.send('action', action);
      if (turn.reply) live.finish(turn.reply.content);
      stream.send('message', shown(turn.reply ?? turn.message), (turn.reply ?? turn.message).id);
      stream.send('done', { escalated: turn.escalated, escalationReason: turn.escalationReason, status: turn.conversation.status });
      await stream.complete();
      return reply;
    },
  );
}
