import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import { AppError } from '../../../core/errors';
import type { FeedbackRecord, ShopperFeedbackStore } from '../../../core/ports/shopper-feedback';
import { assertConversationAccess, callerStore } from './access';
import { conversationIdParams } from './schema';

const feedbackSchema = z.object({
  conversationId: z.string(),
  messageId: z.string().nullable().describe('the answer a thumb is about; null for the rating of the conversation'),
  kind: z.enum(['thumb', 'rating']),
  score: z.number().int().describe('thumb: 1 (up) or -1 (down); rating: 1–5'),
  updatedAt: z.date(),
});
const present = (r: FeedbackRecord) => ({ ...r });

/** Shoppers' thumbs on answers and their rating of a resolved conversation (the widget sends them; analytics sums them). */
export async function feedbackRoutes(
  app: FastifyInstance,
  { conversations, feedback }: { conversations: ConversationService; feedback: ShopperFeedbackStore },
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const load = async (request: Parameters<typeof callerStore>[0], id: string) => {
    const storeId = callerStore(request);
    const conversation = await conversations.find(storeId, id);
    assertConversationAccess(request, conversation);
    return { storeId, conversation };
  };

  typed.put(
    '/v1/conversations/:id/messages/:messageId/feedback',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.answer_feedback' } },
      schema: {
        tags: ['conversations'],
        operationId: 'rateAnswer',
        summary: "A shopper's thumbs up or down on one answer (a second vote replaces the first)",
        security: [{ bearer: [] }],
        params: conversationIdParams.extend({ messageId: z.uuid('message id must be a UUID') }),
        body: z.strictObject({ thumb: z.enum(['up', 'down']) }),
        response: { 200: feedbackSchema },
      },
    },
    async (request) => {
      const { storeId, conversation } = await load(request, request.params.id);
      const stored = await feedback.rateAnswer(storeId, conversation.id, request.params.messageId, request.body.thumb);
      if (!stored) throw new AppError('not_found', `answer ${request.params.messageId} not found in this conversation`);
      return present(stored);
    },
  );

  typed.put(
    '/v1/conversations/:id/rating',
    {
      config: { auth: { mode: 'store', scope: 'conversations:write', allowWidget: true, action: 'conversation.rating' }, errors: ['conflict'] },
      schema: {
        tags: ['conversations'],
        operationId: 'rateConversation',
        summary: "The shopper's satisfaction with a resolved conversation, 1 (poor) to 5 (great)",
        security: [{ bearer: [] }],
        params: conversationIdParams,
        body: z.strictObject({ score: z.number().int('score must be a whole number').min(1, 'score is 1 to 5').max(5, 'score is 1 to 5') }),
        response: { 200: feedbackSchema },
      },
    },
    async (request) => {
      const { storeId, conversation } = await load(request, request.params.id);
      if (conversation.status !== 'resolved') throw new AppError('conflict', `only a resolved conversation is rated; this one is ${conversation.status}`);
      return present(await feedback.rateConversation(storeId, conversation.id, request.body.score));
    },
  );

  typed.get(
    '/v1/conversations/:id/feedback',
    {
      config: { auth: { mode: 'store', scope: 'conversations:read', allowWidget: true } },
      schema: {
        tags: ['conversations'],
        operationId: 'listConversationFeedback',
        summary: "The shopper's thumbs and rating on one conversation",
        security: [{ bearer: [] }],
        params: conversationIdParams,
        response: { 200: z.object({ data: z.array(feedbackSchema) }) },
      },
    },
    async (request) => {
      const { storeId, conversation } = await load(request, request.params.id);
      return { data: (await feedback.ofConversation(storeId, conversation.id)).map(present) };
    },
  );
}
